import { describe, expect, it } from 'vitest';
import { FlakestormError } from '../errors.js';
import { createRandom } from '../random.js';
import { classifyError } from './case-error.js';
import { isRetryable, type RetryPolicy, retryDelay } from './retry-policy.js';

const policy: RetryPolicy = { retries: 3, baseMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
const targetError = (cause: string, details: Record<string, number> = {}) =>
  new FlakestormError('FLAKESTORM_TARGET_FAILED', `failed: ${cause}`, { details: { cause, ...details } });

describe('classifyError', () => {
  it('reads cause, status and Retry-After from FlakestormError details', () => {
    expect(classifyError(targetError('http_status', { status: 429, retryAfterMs: 2000 }))).toEqual({
      error: { cause: 'http_status', message: 'failed: http_status', status: 429 },
      retryAfterMs: 2000,
    });
  });

  it('falls back to the code, then to target_error', () => {
    const timeout = new FlakestormError('FLAKESTORM_TARGET_TIMEOUT', 'slow');
    expect(classifyError(timeout).error.cause).toBe('timeout');
    expect(classifyError(targetError('made-up')).error.cause).toBe('target_error');
    expect(classifyError(new TypeError('undefined is not a function')).error).toEqual({
      cause: 'target_error',
      message: 'undefined is not a function',
    });
    expect(classifyError('a string').error.message).toBe('a string');
  });
});

describe('isRetryable', () => {
  it('retries timeouts, connection failures and 429/502/503/504 only', () => {
    const retryable = (cause: string, status?: number) =>
      isRetryable(classifyError(targetError(cause, status === undefined ? {} : { status })));
    expect(retryable('timeout')).toBe(true);
    expect(retryable('connection')).toBe(true);
    for (const status of [429, 502, 503, 504]) expect(retryable('http_status', status)).toBe(true);
    for (const status of [400, 401, 404, 500]) expect(retryable('http_status', status)).toBe(false);
    expect(retryable('invalid_response')).toBe(false);
    expect(retryable('target_error')).toBe(false);
    expect(retryable('too_large')).toBe(false);
  });
});

describe('retryDelay', () => {
  it('uses exponential backoff with full jitter under the ceiling, reproducibly', () => {
    const failure = classifyError(targetError('timeout'));
    const delays = (seed: number) =>
      [0, 1, 2, 3, 4, 5].map((n) => retryDelay(n, failure, policy, createRandom(seed).fork(`${n}`)));
    const first = delays(1);
    expect(delays(1)).toEqual(first);
    first.forEach((d, n) => {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(Math.min(1000, 100 * 2 ** n));
    });
  });

  it('honours Retry-After on 429 and 503, capped, but not on other statuses', () => {
    const random = createRandom(3);
    const on = (status: number, retryAfterMs: number) =>
      retryDelay(0, classifyError(targetError('http_status', { status, retryAfterMs })), policy, random);
    expect(on(429, 2500)).toBe(2500);
    expect(on(503, 60_000)).toBe(5000);
    expect(on(502, 2500)).toBeLessThan(100);
  });
});
