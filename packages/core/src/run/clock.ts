import { FlakestormError } from '../errors.js';
import { linkAbort } from '../target/abort-link.js';

/** Time as the runner sees it; injectable so rate limits and backoff are testable without waiting. */
export interface Clock {
  /** Milliseconds from an arbitrary origin, monotonic. */
  now(): number;
  /** Resolves after `ms`; rejects with FLAKESTORM_INTERRUPTED when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function interrupted(): FlakestormError {
  return new FlakestormError('FLAKESTORM_INTERRUPTED', 'The run was cancelled while waiting.', {
    details: { cause: 'aborted' },
  });
}

/** The real clock: performance.now() and setTimeout. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep(ms, signal) {
    if (signal?.aborted) return Promise.reject(interrupted());
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      // Many workers sleep on the run's one signal at once (rate limit, backoff): linked, not listened to.
      const unlink = signal
        ? linkAbort(signal, () => {
            clearTimeout(timer);
            reject(interrupted());
          })
        : () => {};
      const timer = setTimeout(() => {
        unlink();
        resolve();
      }, ms);
    });
  },
};
