/** A page of the dashboard, parsed from the address bar. */
export type Route =
  | { name: 'runs' }
  | { name: 'run'; id: string }
  | { name: 'trends' }
  | { name: 'compare'; base: string | null; head: string | null }
  | { name: 'scan' }
  | { name: 'agents' }
  | { name: 'agent'; id: string | null }
  | { name: 'not-found'; path: string };

/** Maps a path and query string to a route (unknown paths are a not-found page, never an exception). */
export function parseRoute(pathname: string, search = ''): Route {
  const parts = pathname.split('/').filter(Boolean).map(safeDecode);
  const query = new URLSearchParams(search);
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return { name: 'not-found', path: pathname };
  if (first === undefined || (first === 'runs' && second === undefined)) return { name: 'runs' };
  if (first === 'runs' && second) return { name: 'run', id: second };
  if (second !== undefined && first !== 'agents') return { name: 'not-found', path: pathname };
  switch (first) {
    case 'trends':
      return { name: 'trends' };
    case 'compare':
      return { name: 'compare', base: query.get('base'), head: query.get('head') };
    case 'scan':
      return { name: 'scan' };
    case 'agents':
      if (second === undefined) return { name: 'agents' };
      return { name: 'agent', id: second === 'new' ? null : second };
    default:
      return { name: 'not-found', path: pathname };
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The path of a run's page. */
export const runPath = (id: string): string => `/runs/${encodeURIComponent(id)}`;
/** The path of an agent's editor. */
export const agentPath = (id: string): string => `/agents/${encodeURIComponent(id)}`;
/** The path of the comparison of two runs. */
export const comparePath = (base: string, head: string): string =>
  `/compare?${new URLSearchParams({ base, head }).toString()}`;
