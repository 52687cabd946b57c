import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { createLatencyHistogram } from './latency-histogram.js';

function exactQuantile(sorted: number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] as number;
}

describe('createLatencyHistogram', () => {
  it('estimates percentiles within 2% of the exact values on random data', () => {
    const random = createRandom(7);
    for (const shape of ['uniform', 'lognormal', 'bimodal'] as const) {
      const histogram = createLatencyHistogram();
      const values: number[] = [];
      for (let i = 0; i < 20_000; i++) {
        const u = random.next();
        const v =
          shape === 'uniform'
            ? 1 + u * 5000
            : shape === 'lognormal'
              ? Math.exp(4 + 1.5 * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * random.next()))
              : u < 0.9
                ? 20 + random.next() * 10
                : 3000 + random.next() * 1000;
        values.push(v);
        histogram.add(v);
      }
      values.sort((a, b) => a - b);
      const stats = histogram.stats();
      for (const [q, estimate] of [
        [0.5, stats.p50],
        [0.95, stats.p95],
        [0.99, stats.p99],
      ] as const) {
        const exact = exactQuantile(values, q);
        expect(Math.abs(estimate - exact) / exact, `${shape} p${q * 100}`).toBeLessThan(0.02);
      }
      expect(stats.count).toBe(20_000);
      expect(stats.min).toBe(values[0]);
      expect(stats.max).toBe(values[values.length - 1]);
      expect(stats.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
      expect(stats.histogram.reduce((sum, b) => sum + b.count, 0)).toBe(20_000);
    }
  });

  it('keeps a constant number of counters', () => {
    const histogram = createLatencyHistogram();
    const before = histogram.size;
    for (let i = 0; i < 1000; i++) histogram.add(i * 37);
    expect(histogram.size).toBe(before);
    expect(before).toBeLessThan(1200);
  });

  it('reports zeros when empty and ignores bad values', () => {
    const histogram = createLatencyHistogram();
    histogram.add(Number.NaN);
    histogram.add(-5);
    histogram.add(Number.POSITIVE_INFINITY);
    expect(histogram.stats()).toEqual({
      count: 0,
      mean: 0,
      min: 0,
      max: 0,
      p50: 0,
      p95: 0,
      p99: 0,
      histogram: [],
    });
  });

  it('handles zero and huge latencies, and buckets charts by 1-2-5 bounds', () => {
    const histogram = createLatencyHistogram();
    histogram.add(0);
    histogram.add(3);
    histogram.add(4);
    histogram.add(9e8);
    const stats = histogram.stats();
    expect(stats.min).toBe(0);
    expect(stats.max).toBe(9e8);
    expect(stats.p50).toBeGreaterThanOrEqual(3);
    expect(stats.p50).toBeLessThanOrEqual(3.1);
    expect(stats.histogram[0]).toEqual({ le: 1, count: 1 });
    expect(stats.histogram[2]).toEqual({ le: 5, count: 2 });
    expect(stats.histogram.at(-1)).toEqual({ le: 9e8, count: 1 });
  });
});
