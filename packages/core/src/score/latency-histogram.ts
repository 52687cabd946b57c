import type { LatencyStats } from '../run/summary.js';

/** Streams latencies into fixed buckets: flat memory however many calls a run makes. */
export interface LatencyHistogram {
  add(ms: number): void;
  /** Count, mean, min, max, p50/p95/p99 and chart buckets so far. */
  stats(): LatencyStats;
  /** Estimated value at quantile q in [0, 1] (0 when empty). */
  quantile(q: number): number;
  /** Number of counters held (constant): for memory tests. */
  readonly size: number;
}

// Log buckets growing by 2% keep every quantile estimate within 1% of a value the bucket really holds
// (DDSketch's argument): 0.01 ms up to ~3 hours fits in about 1,050 counters.
const GAMMA = 1.02;
const LOG_GAMMA = Math.log(GAMMA);
const MIN_MS = 0.01;
const MAX_MS = 1e7;
const BUCKETS = Math.ceil(Math.log(MAX_MS / MIN_MS) / LOG_GAMMA) + 2;

/** Upper bounds of the chart buckets (ms), a 1-2-5 series; one more bucket holds everything above. */
const CHART_BOUNDS: readonly number[] = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000,
];

function bucketOf(ms: number): number {
  if (ms <= MIN_MS) return 0;
  const index = Math.ceil(Math.log(ms / MIN_MS) / LOG_GAMMA);
  return Math.min(index, BUCKETS - 1);
}

/** A value representative of bucket i: the point of least relative error inside it. */
function representativeOf(index: number): number {
  if (index === 0) return MIN_MS;
  const upper = MIN_MS * GAMMA ** index;
  return (2 * upper) / (GAMMA + 1);
}

/** Creates an empty latency histogram. */
export function createLatencyHistogram(): LatencyHistogram {
  const counts = new Float64Array(BUCKETS);
  const chart = new Float64Array(CHART_BOUNDS.length + 1);
  let count = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;

  const quantile = (q: number): number => {
    if (count === 0) return 0;
    const rank = Math.max(1, Math.ceil(Math.min(Math.max(q, 0), 1) * count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += counts[i] ?? 0;
      if (seen >= rank) return Math.min(max, Math.max(min, representativeOf(i)));
    }
    return max;
  };

  return {
    size: BUCKETS + chart.length,
    add(ms) {
      if (!Number.isFinite(ms) || ms < 0) return;
      const bucket = bucketOf(ms);
      counts[bucket] = (counts[bucket] ?? 0) + 1;
      let c = CHART_BOUNDS.findIndex((bound) => ms <= bound);
      if (c === -1) c = CHART_BOUNDS.length;
      chart[c] = (chart[c] ?? 0) + 1;
      count++;
      sum += ms;
      if (ms < min) min = ms;
      if (ms > max) max = ms;
    },
    quantile,
    stats() {
      const histogram: Array<{ le: number; count: number }> = [];
      if (count > 0) {
        // Charts get the buckets from the first to the last that holds a value; the overflow bucket's
        // bound is the largest latency seen (JSON has no Infinity).
        let first = chart.findIndex((n) => n > 0);
        let last = chart.length - 1;
        while (last > 0 && (chart[last] ?? 0) === 0) last--;
        if (first < 0) first = 0;
        for (let i = first; i <= last; i++) {
          histogram.push({ le: CHART_BOUNDS[i] ?? Math.ceil(max), count: chart[i] ?? 0 });
        }
      }
      return {
        count,
        mean: count === 0 ? 0 : sum / count,
        min: count === 0 ? 0 : min,
        max,
        p50: quantile(0.5),
        p95: quantile(0.95),
        p99: quantile(0.99),
        histogram,
      };
    },
  };
}
