import type { CaseResult } from '../run/result.js';
import type { PassBreakdown, RunSummary } from '../run/summary.js';
import { type Severity, severities } from '../severity.js';
import { scoreBand } from './band.js';
import { createFlakyList } from './flaky-list.js';
import { createLatencyHistogram } from './latency-histogram.js';

/** Folds case results into a RunSummary as they stream in; memory grows with types and invariants, not cases. */
export interface ScoreAccumulator {
  add(result: CaseResult): void;
  /** The summary of everything added so far. */
  summary(durationMs: number): RunSummary;
  /** Objects held (map entries, flaky entries, histogram counters): for memory tests. */
  retained(): number;
}

/** Options of a score accumulator. */
export interface ScoreAccumulatorOptions {
  /** Most flaky cases listed (default 200). */
  flakyLimit?: number;
}

interface TypeTally {
  total: number;
  passed: number;
  weight: number;
  weightedPassed: number;
  weightedTotal: number;
}

interface InvariantTally {
  total: number;
  passed: number;
  type: string;
  severity: Severity;
}

function breakdown(total: number, passed: number): PassBreakdown {
  return { total, passed, rate: total === 0 ? 1 : passed / total };
}

/** Creates an empty streaming score accumulator. */
export function createScoreAccumulator(options: ScoreAccumulatorOptions = {}): ScoreAccumulator {
  const latency = createLatencyHistogram();
  const flaky = createFlakyList(options.flakyLimit ?? 200);
  const byType = new Map<string, TypeTally>();
  const byInvariant = new Map<string, InvariantTally>();
  const bySeverity = Object.fromEntries(severities.map((s) => [s, { checks: 0, failed: 0 }])) as Record<
    Severity,
    { checks: number; failed: number }
  >;
  const errorsByCause = new Map<string, number>();
  let total = 0;
  let passed = 0;
  let errored = 0;
  let weightedPassed = 0;
  let weightedTotal = 0;

  return {
    add(result) {
      const weight = Number.isFinite(result.weight) && result.weight > 0 ? result.weight : 0;
      total++;
      weightedTotal += weight;
      if (result.passed) {
        passed++;
        weightedPassed += weight;
      }
      if (result.error) {
        errored++;
        errorsByCause.set(result.error.cause, (errorsByCause.get(result.error.cause) ?? 0) + 1);
      }

      let type = byType.get(result.mutationType);
      if (!type) {
        type = { total: 0, passed: 0, weight, weightedPassed: 0, weightedTotal: 0 };
        byType.set(result.mutationType, type);
      }
      type.total++;
      type.weightedTotal += weight;
      if (result.passed) {
        type.passed++;
        type.weightedPassed += weight;
      }

      for (const check of result.checks) {
        let tally = byInvariant.get(check.id);
        if (!tally) {
          tally = { total: 0, passed: 0, type: check.type, severity: check.severity };
          byInvariant.set(check.id, tally);
        }
        tally.total++;
        if (check.passed) tally.passed++;
        const severity = bySeverity[check.severity];
        if (severity) {
          severity.checks++;
          if (!check.passed) severity.failed++;
        }
      }

      // Latency describes answers: a timed-out call's "latency" is the timeout setting, not the agent.
      if (result.trials) {
        for (const run of result.trials.runs) if (!run.error) latency.add(run.latencyMs);
        if (result.trials.flaky) {
          const { passRate, low, high } = result.trials;
          flaky.add({ id: result.id, mutationType: result.mutationType, passRate, low, high });
        }
      } else if (!result.error) {
        latency.add(result.latencyMs);
      }
    },

    summary(durationMs) {
      // No cases scores 0, not a perfect 1: a run that tested nothing must not pass a --min-score gate.
      const robustness =
        total === 0 ? 0 : weightedTotal > 0 ? weightedPassed / weightedTotal : passed / total;
      const types: RunSummary['byType'] = {};
      for (const [name, t] of byType) {
        types[name] = {
          ...breakdown(t.total, t.passed),
          weight: t.weight,
          robustness:
            t.weightedTotal > 0 ? t.weightedPassed / t.weightedTotal : t.total === 0 ? 1 : t.passed / t.total,
        };
      }
      const invariants: RunSummary['byInvariant'] = {};
      for (const [id, t] of byInvariant) {
        invariants[id] = { ...breakdown(t.total, t.passed), type: t.type, severity: t.severity };
      }
      const severityCopy = Object.fromEntries(
        severities.map((s) => [s, { ...bySeverity[s] }]),
      ) as RunSummary['bySeverity'];
      return {
        robustness,
        band: scoreBand(robustness),
        total,
        passed,
        failed: total - passed,
        errored,
        weightedPassed,
        weightedTotal,
        byType: types,
        byInvariant: invariants,
        bySeverity: severityCopy,
        latency: latency.stats(),
        flaky: flaky.list(),
        errorsByCause: Object.fromEntries(errorsByCause),
        durationMs,
      };
    },

    retained: () => byType.size + byInvariant.size + errorsByCause.size + flaky.size + latency.size,
  };
}
