import { useSyncExternalStore } from 'react';

const changeEvent = 'flakestorm:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

/** Goes to another page of the app without reloading it. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(changeEvent));
}

/** The current path and query string; re-renders on navigation. */
export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const index = href.indexOf('?');
  return index < 0
    ? { pathname: href, search: '' }
    : { pathname: href.slice(0, index), search: href.slice(index) };
}
