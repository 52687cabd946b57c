import type { Clock } from './clock.js';

/** Spaces calls out to a rate shared by every worker of a run. */
export interface RateLimiter {
  /** Waits for the next free slot; rejects when `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/**
 * A token bucket of capacity `burst` refilled at `perSecond`, kept as one "next free time" (GCRA):
 * slots are handed out in call order at acquire time, so concurrent workers never race for a token.
 * Burst defaults to 1: agents get evenly spaced requests rather than a burst each second.
 */
export function createRateLimiter(perSecond: number | undefined, clock: Clock, burst = 1): RateLimiter {
  if (perSecond === undefined || !Number.isFinite(perSecond) || perSecond <= 0) {
    // One settled promise for every call: unlimited runs pay nothing per call.
    const free = Promise.resolve();
    return { acquire: () => free };
  }
  const interval = 1000 / perSecond;
  const tolerance = interval * Math.max(0, burst - 1);
  let nextFree = Number.NEGATIVE_INFINITY;
  return {
    async acquire(signal) {
      const now = clock.now();
      const at = Math.max(now, nextFree - tolerance);
      nextFree = Math.max(now, nextFree) + interval;
      if (at > now) await clock.sleep(at - now, signal);
    },
  };
}
