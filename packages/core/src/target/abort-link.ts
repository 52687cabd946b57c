/**
 * Subscribers of each parent signal. Runs share one signal across every in-flight call; giving each call
 * its own native 'abort' listener trips Node's MaxListenersExceededWarning past 10 calls and costs an
 * EventTarget add/remove per call. Here a parent gets one native listener, ever, and calls join a Set.
 */
const links = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `onAbort` once when `signal` aborts (not when it already has: callers check `aborted` first)
 * and returns the function that cancels the subscription; call it when the work finishes.
 */
export function linkAbort(signal: AbortSignal, onAbort: () => void): () => void {
  let subscribers = links.get(signal);
  if (subscribers === undefined) {
    const created = new Set<() => void>();
    subscribers = created;
    links.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        links.delete(signal);
        const pending = [...created];
        created.clear();
        for (const subscriber of pending) subscriber();
      },
      { once: true },
    );
  }
  const joined = subscribers;
  joined.add(onAbort);
  return () => {
    joined.delete(onAbort);
  };
}
