import type { Random } from '../random.js';
import type { ClassifiedError } from './case-error.js';

/** How failed calls are retried. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** Base delay of the exponential backoff. */
  baseMs: number;
  /** Largest backoff delay. */
  maxDelayMs: number;
  /** Largest Retry-After honoured: a server asking for an hour does not stall the run for an hour. */
  maxRetryAfterMs: number;
}

const retryableStatuses: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Whether a failure is worth another attempt: timeouts, connection failures and 429/502/503/504. */
export function isRetryable({ error }: ClassifiedError): boolean {
  if (error.cause === 'timeout' || error.cause === 'connection') return true;
  return error.cause === 'http_status' && error.status !== undefined && retryableStatuses.has(error.status);
}

/**
 * Delay before retry number `attempt` (0-based): the server's Retry-After on 429/503 when it sent one
 * (capped), else exponential backoff with full jitter, drawn from the case's seeded source so reruns
 * wait alike.
 */
export function retryDelay(
  attempt: number,
  failure: ClassifiedError,
  policy: RetryPolicy,
  random: Random,
): number {
  const status = failure.error.status;
  if (failure.retryAfterMs !== undefined && (status === 429 || status === 503)) {
    return Math.min(failure.retryAfterMs, policy.maxRetryAfterMs);
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random.next() * ceiling);
}
