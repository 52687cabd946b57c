import type { CaseResult, RunMeta, RunSummary } from '@flakestorm/core';

/** A run header for store tests. */
export function fixtureMeta(runId: string, startedAt = new Date().toISOString()): RunMeta {
  return {
    runId,
    status: 'running',
    startedAt,
    tool: { name: 'flakestorm', version: '0.0.0-test' },
    configHash: 'cafebabe',
    configSource: 'inline',
    agent: { kind: 'http', description: 'POST http://127.0.0.1:1/invoke' },
    seed: 7,
    mutationTypes: ['noise', 'prompt_injection'],
    invariants: [{ id: 'latency', type: 'latency', severity: 'medium' }],
    warnings: [],
  };
}

/** A case result for store tests; odd indexes fail the latency check. */
export function fixtureResult(index: number): CaseResult {
  const passed = index % 2 === 0;
  return {
    id: `case-${index}`,
    index,
    goldenIndex: index % 3,
    goldenPrompt: 'What is my balance?',
    mutationType: index % 4 < 2 ? 'noise' : 'prompt_injection',
    variantIndex: index,
    label: 'fixture',
    weight: 1,
    mutated: `What is my balanse? #${index}`,
    response: passed ? 'Your balance is $10.' : '',
    latencyMs: 10 + index,
    passed,
    checks: [
      {
        type: 'latency',
        id: 'latency',
        passed,
        reason: passed ? 'fast enough' : 'too slow',
        severity: 'medium',
      },
    ],
    error: index % 10 === 9 ? { cause: 'timeout', message: 'no answer within 100 ms' } : null,
    exchanges: [],
  };
}

/** A summary consistent with `fixtureResult(0..n-1)`. */
export function fixtureSummary(n: number): RunSummary {
  const passed = Math.ceil(n / 2);
  const rate = n === 0 ? 1 : passed / n;
  return {
    robustness: rate,
    band: rate >= 0.9 ? 'excellent' : 'poor',
    total: n,
    passed,
    failed: n - passed,
    errored: Math.floor((n + 0) / 10),
    weightedPassed: passed,
    weightedTotal: n,
    byType: { noise: { total: n, passed, rate, weight: 1, robustness: rate } },
    byInvariant: { latency: { total: n, passed, rate, type: 'latency', severity: 'medium' } },
    bySeverity: {
      critical: { checks: 0, failed: 0 },
      high: { checks: 0, failed: 0 },
      medium: { checks: n, failed: n - passed },
      low: { checks: 0, failed: 0 },
    },
    latency: { count: n, mean: 10, min: 10, max: 10 + n, p50: 10, p95: 10, p99: 10, histogram: [] },
    flaky: [],
    errorsByCause: {},
    durationMs: 1000,
  };
}
