import { describe, expect, it } from 'vitest';
import { makeResult } from './result-fixture.test-util.js';
import { createScoreAccumulator } from './score-accumulator.js';

describe('createScoreAccumulator', () => {
  it('computes weighted robustness, band and per-type scores', () => {
    const acc = createScoreAccumulator();
    acc.add(makeResult({ id: 'a', mutationType: 'noise', weight: 1, passed: true }));
    acc.add(makeResult({ id: 'b', mutationType: 'noise', weight: 1, passed: false }));
    acc.add(makeResult({ id: 'c', mutationType: 'prompt_injection', weight: 2, passed: true }));
    const summary = acc.summary(1234);
    expect(summary.robustness).toBeCloseTo(3 / 4);
    expect(summary.band).toBe('fair');
    expect(summary).toMatchObject({ total: 3, passed: 2, failed: 1, errored: 0, durationMs: 1234 });
    expect(summary.weightedPassed).toBe(3);
    expect(summary.weightedTotal).toBe(4);
    expect(summary.byType.noise).toEqual({ total: 2, passed: 1, rate: 0.5, weight: 1, robustness: 0.5 });
    expect(summary.byType.prompt_injection).toEqual({
      total: 1,
      passed: 1,
      rate: 1,
      weight: 2,
      robustness: 1,
    });
  });

  it('tallies invariants, severities and error causes', () => {
    const acc = createScoreAccumulator();
    const failing = {
      type: 'contains',
      id: 'has-price',
      passed: false,
      reason: 'no price',
      severity: 'high' as const,
    };
    const passing = { type: 'latency', id: 'fast', passed: true, reason: 'ok', severity: 'low' as const };
    acc.add(makeResult({ passed: false, checks: [failing, passing] }));
    acc.add(
      makeResult({
        passed: false,
        latencyMs: 30_000,
        error: { cause: 'timeout', message: 'timed out' },
        checks: [{ ...passing, passed: false }],
      }),
    );
    const summary = acc.summary(0);
    expect(summary.byInvariant['has-price']).toEqual({
      total: 1,
      passed: 0,
      rate: 0,
      type: 'contains',
      severity: 'high',
    });
    expect(summary.byInvariant.fast).toEqual({
      total: 2,
      passed: 1,
      rate: 0.5,
      type: 'latency',
      severity: 'low',
    });
    expect(summary.bySeverity.high).toEqual({ checks: 1, failed: 1 });
    expect(summary.bySeverity.low).toEqual({ checks: 2, failed: 1 });
    expect(summary.bySeverity.critical).toEqual({ checks: 0, failed: 0 });
    expect(summary.errored).toBe(1);
    expect(summary.errorsByCause).toEqual({ timeout: 1 });
    // The timed-out call is not an answer latency.
    expect(summary.latency.count).toBe(1);
    expect(summary.latency.max).toBe(10);
  });

  it('lists flaky cases closest to a coin toss first, bounded', () => {
    const acc = createScoreAccumulator({ flakyLimit: 2 });
    const trials = (passRate: number) => ({
      count: 10,
      passed: passRate * 10,
      passRate,
      low: 0,
      high: 1,
      flaky: passRate > 0 && passRate < 1,
      runs: [{ passed: true, latencyMs: 5, error: null, failedChecks: [] }],
    });
    acc.add(makeResult({ id: 'r9', passed: false, trials: trials(0.9) }));
    acc.add(makeResult({ id: 'r5', passed: false, trials: trials(0.5) }));
    acc.add(makeResult({ id: 'r1', passed: true, trials: trials(1) }));
    acc.add(makeResult({ id: 'r3', passed: false, trials: trials(0.3) }));
    const summary = acc.summary(0);
    expect(summary.flaky.map((f) => f.id)).toEqual(['r5', 'r3']);
    expect(summary.latency.count).toBe(4);
  });

  it('scores an empty run 0 (poor), never a perfect pass', () => {
    const summary = createScoreAccumulator().summary(0);
    expect(summary.robustness).toBe(0);
    expect(summary.band).toBe('poor');
    expect(summary.total).toBe(0);
  });

  it('keeps memory bounded by types and invariants, not cases', () => {
    const acc = createScoreAccumulator();
    acc.add(makeResult());
    const after1 = acc.retained();
    for (let i = 0; i < 5000; i++) acc.add(makeResult({ id: `c${i}`, index: i, latencyMs: i % 700 }));
    expect(acc.retained()).toBe(after1);
  });
});
