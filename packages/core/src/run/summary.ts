import type { Severity } from '../severity.js';

/** Score bands used in reports: >= 0.9 excellent, 0.8-0.9 good, 0.7-0.8 fair, below 0.7 poor. */
export type ScoreBand = 'excellent' | 'good' | 'fair' | 'poor';

/** Pass counts of one slice of a run (a mutation type, an invariant...). */
export interface PassBreakdown {
  total: number;
  passed: number;
  /** passed / total, 0..1 (1 when total is 0). */
  rate: number;
}

/** Latency distribution in milliseconds. */
export interface LatencyStats {
  count: number;
  mean: number;
  min: number;
  max: number;
  p50: number;
  p95: number;
  p99: number;
  /** Histogram buckets for charts: upper bound in ms and count. */
  histogram: Array<{ le: number; count: number }>;
}

/** A case whose trials disagreed. */
export interface FlakyCase {
  id: string;
  mutationType: string;
  passRate: number;
  low: number;
  high: number;
}

/** The scores of a run, computed incrementally as results stream in. */
export interface RunSummary {
  /** Weighted pass ratio, 0..1: sum of weights of passed cases / sum of all weights. */
  robustness: number;
  band: ScoreBand;
  total: number;
  passed: number;
  failed: number;
  /** Cases whose call failed (timeout, connection, status...). Counted in failed too. */
  errored: number;
  weightedPassed: number;
  weightedTotal: number;
  byType: Record<string, PassBreakdown & { weight: number; robustness: number }>;
  byInvariant: Record<string, PassBreakdown & { type: string; severity: Severity }>;
  bySeverity: Record<Severity, { checks: number; failed: number }>;
  latency: LatencyStats;
  flaky: FlakyCase[];
  errorsByCause: Record<string, number>;
  durationMs: number;
}
