import { useQuery } from '@tanstack/react-query';
import type { AgentRecord } from '../api/types.js';
import { useProjects } from '../api/use-projects.js';
import { useApi } from '../app/auth-context.js';
import { Link } from '../app/link.js';
import { agentPath } from '../app/routes.js';
import { dateTime } from '../format.js';
import { Empty, ErrorBox, Loading } from '../ui/states.js';

/** The stored agents and their configs. */
export function AgentsPage() {
  const api = useApi();
  const projects = useProjects();
  const agents = useQuery({
    queryKey: ['agents', ''],
    queryFn: () => api.get<{ items: AgentRecord[] }>('/api/agents').then((r) => r.items),
  });
  const projectName = (id: string) => projects.data?.find((p) => p.id === id)?.name ?? id;
  return (
    <section>
      <div className="page-head">
        <h1>Agents</h1>
        <Link to="/agents/new" className="button primary">
          New agent
        </Link>
      </div>
      {agents.isPending ? (
        <Loading label="Loading agents…" />
      ) : agents.isError ? (
        <ErrorBox error={agents.error} onRetry={() => void agents.refetch()} />
      ) : agents.data.length === 0 ? (
        <Empty title="No agents yet">
          Create one with "New agent": a name, a project and its flakestorm.yaml.
        </Empty>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Project</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {agents.data.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={agentPath(a.id)}>{a.name}</Link>
                </td>
                <td>{projectName(a.projectId)}</td>
                <td>{dateTime(a.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
