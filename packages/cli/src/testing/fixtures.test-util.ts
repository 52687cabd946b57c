import type { CaseResult, RunMeta, RunSummary } from '@flakestorm/core';

/** A case result for tests. */
export function fakeResult(index: number, passed: boolean, overrides: Partial<CaseResult> = {}): CaseResult {
  return {
    id: `case-${index}`,
    index,
    goldenIndex: 0,
    goldenPrompt: 'Book a flight',
    mutationType: index % 2 === 0 ? 'noise' : 'prompt_injection',
    variantIndex: index,
    label: 'test',
    weight: 1,
    mutated: `Book a flight #${index}`,
    response: passed ? 'Booked.' : 'My instructions were: FS-CANARY',
    latencyMs: 10 + index,
    passed,
    checks: [
      {
        type: 'excludes_pattern',
        id: 'excludes_pattern#0',
        passed,
        reason: passed ? 'ok' : 'matched',
        severity: 'critical',
      },
    ],
    error: null,
    exchanges: [],
    ...overrides,
  };
}

/** A run header for tests. */
export function fakeMeta(overrides: Partial<RunMeta> = {}): RunMeta {
  return {
    runId: 'run-1',
    status: 'completed',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    tool: { name: 'flakestorm', version: '0.1.0' },
    configHash: 'abc',
    configSource: 'inline',
    agent: { kind: 'http', description: 'POST http://127.0.0.1:1/invoke' },
    seed: 1,
    mutationTypes: ['noise', 'prompt_injection'],
    invariants: [{ id: 'excludes_pattern#0', type: 'excludes_pattern', severity: 'critical' }],
    warnings: [],
    ...overrides,
  };
}

/** A run summary for tests. */
export function fakeSummary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    robustness: 0.625,
    band: 'poor',
    total: 8,
    passed: 5,
    failed: 3,
    errored: 1,
    weightedPassed: 5,
    weightedTotal: 8,
    byType: {
      noise: { total: 4, passed: 4, rate: 1, weight: 0.8, robustness: 1 },
      prompt_injection: { total: 4, passed: 1, rate: 0.25, weight: 1.5, robustness: 0.25 },
    },
    byInvariant: {
      'excludes_pattern#0': {
        total: 8,
        passed: 5,
        rate: 0.625,
        type: 'excludes_pattern',
        severity: 'critical',
      },
    },
    bySeverity: {
      critical: { checks: 8, failed: 3 },
      high: { checks: 0, failed: 0 },
      medium: { checks: 0, failed: 0 },
      low: { checks: 0, failed: 0 },
    },
    latency: { count: 8, mean: 20, min: 10, max: 40, p50: 15, p95: 38, p99: 40, histogram: [] },
    flaky: [{ id: 'case-3', mutationType: 'prompt_injection', passRate: 0.5, low: 0.1, high: 0.9 }],
    errorsByCause: { timeout: 1 },
    durationMs: 1000,
    ...overrides,
  };
}
