import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';
import { virtualClock } from './run-fixtures.test-util.js';

describe('createRateLimiter', () => {
  it('never lets more than the rate through in any one-second window', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter(10, clock);
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 45 }, async () => {
        await limiter.acquire();
        times.push(clock.now());
      }),
    );
    expect(times).toHaveLength(45);
    for (const start of times) {
      const inWindow = times.filter((t) => t >= start && t < start + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(10);
    }
    // Evenly spaced: 45 calls at 10/s take 4.4 s of (virtual) time.
    expect(Math.max(...times)).toBeCloseTo(4400, 6);
  });

  it('allows a burst when asked, then holds the rate', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter(5, clock, 3);
    for (let i = 0; i < 3; i++) await limiter.acquire();
    expect(clock.now()).toBe(0);
    await limiter.acquire();
    expect(clock.now()).toBeGreaterThan(0);
  });

  it('does not wait when unlimited or given a bad rate', async () => {
    for (const rate of [undefined, 0, -1, Number.NaN]) {
      const clock = virtualClock();
      const limiter = createRateLimiter(rate, clock);
      for (let i = 0; i < 100; i++) await limiter.acquire();
      expect(clock.sleeps).toEqual([]);
    }
  });

  it('rejects a waiting caller when the signal aborts', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter(1, clock);
    await limiter.acquire();
    const controller = new AbortController();
    controller.abort();
    await expect(limiter.acquire(controller.signal)).rejects.toMatchObject({
      code: 'FLAKESTORM_INTERRUPTED',
    });
  });
});
