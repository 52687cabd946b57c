import type { ReactNode } from 'react';
import { useAuth } from './auth-context.js';
import { Link } from './link.js';
import type { Route } from './routes.js';

const sections: Array<{ to: string; label: string; active: Route['name'][] }> = [
  { to: '/', label: 'Runs', active: ['runs', 'run'] },
  { to: '/trends', label: 'Trends', active: ['trends'] },
  { to: '/compare', label: 'Compare', active: ['compare'] },
  { to: '/agents', label: 'Agents', active: ['agents', 'agent'] },
  { to: '/scan', label: 'Scan', active: ['scan'] },
];

/** The frame around every page: navigation and logging out. */
export function Shell(props: { route: Route; children: ReactNode }) {
  const { logout } = useAuth();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Flakestorm</span>
        <nav aria-label="Main">
          {sections.map((s) => (
            <Link
              key={s.to}
              to={s.to}
              className={s.active.includes(props.route.name) ? 'nav-link active' : 'nav-link'}
            >
              {s.label}
            </Link>
          ))}
        </nav>
        <button type="button" className="link-button" onClick={() => logout()}>
          Log out
        </button>
      </header>
      <main className="page">{props.children}</main>
    </div>
  );
}
