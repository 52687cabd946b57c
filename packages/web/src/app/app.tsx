import { AgentEditorPage } from '../agents/agent-editor-page.js';
import { AgentsPage } from '../agents/agents-page.js';
import { ComparePage } from '../compare/compare-page.js';
import { RunPage } from '../run-detail/run-page.js';
import { RunsPage } from '../runs/runs-page.js';
import { ScanPage } from '../scan/scan-page.js';
import { TrendsPage } from '../trends/trends-page.js';
import { Empty } from '../ui/states.js';
import { useAuth } from './auth-context.js';
import { Link } from './link.js';
import { LoginPage } from './login-page.js';
import { useLocation } from './navigation.js';
import { parseRoute, type Route } from './routes.js';
import { Shell } from './shell.js';

function Page(props: { route: Route }) {
  const route = props.route;
  switch (route.name) {
    case 'runs':
      return <RunsPage />;
    case 'run':
      return <RunPage id={route.id} />;
    case 'trends':
      return <TrendsPage />;
    case 'compare':
      return <ComparePage base={route.base} head={route.head} />;
    case 'scan':
      return <ScanPage />;
    case 'agents':
      return <AgentsPage />;
    case 'agent':
      return <AgentEditorPage key={route.id ?? 'new'} id={route.id} />;
    case 'not-found':
      return (
        <Empty title="No such page">
          Nothing lives at <code>{route.path}</code>. <Link to="/">Go to the runs.</Link>
        </Empty>
      );
  }
}

/** The dashboard: the login screen until a token is set, then the page the address bar names. */
export function App() {
  const { token } = useAuth();
  const location = useLocation();
  if (!token) return <LoginPage />;
  const route = parseRoute(location.pathname, location.search);
  return (
    <Shell route={route}>
      <Page route={route} />
    </Shell>
  );
}
