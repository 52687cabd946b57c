import { describe, expect, it } from 'vitest';
import { fakeTarget, makePlan, spec, testRegistry } from './run-fixtures.test-util.js';
import { runPlan } from './run-plan.js';

describe('runPlan memory', () => {
  it('keeps the reorder buffer and the score accumulator bounded over 20,000 cases', async () => {
    const goldenPrompts = Array.from({ length: 400 }, (_, i) => ({ text: `golden prompt ${i}`, vars: {} }));
    // Every 97th call is slow, so later cases finish first and the reorder buffer has to hold them.
    const target = fakeTarget(
      (request, call) =>
        call % 97 === 0
          ? new Promise((resolve) => setTimeout(() => resolve(request.prompt), 2))
          : request.prompt,
      { keepCalls: false },
    );
    let results = 0;
    let lastIndex = -1;
    let ordered = true;
    const outcome = await runPlan(
      makePlan({ goldenPrompts, mutations: [spec('suffix', 50)] }, { concurrency: 16 }),
      {
        registry: testRegistry(),
        target,
        checks: async (o) => [
          { type: 'contains', id: 'c', passed: o.response.length > 0, reason: '', severity: 'low' },
        ],
        onEvent: (event) => {
          if (event.type !== 'case.result') return;
          results++;
          if (event.result.index !== lastIndex + 1) ordered = false;
          lastIndex = event.result.index;
        },
      },
    );
    expect(results).toBe(20_000);
    expect(ordered).toBe(true);
    expect(outcome.summary.total).toBe(20_000);
    expect(outcome.results).toBeUndefined();
    expect(target.maxInFlight).toBeLessThanOrEqual(16);
    // Default reorder window: max(64, 4 x concurrency) results at most.
    expect(outcome.stats.peakBuffered).toBeGreaterThan(0);
    expect(outcome.stats.peakBuffered).toBeLessThanOrEqual(64);
    // The summary holds one type, one invariant, no flaky cases: nothing grows with the case count.
    expect(Object.keys(outcome.summary.byType)).toEqual(['suffix']);
    expect(outcome.summary.flaky).toEqual([]);
    expect(outcome.summary.latency.count).toBe(20_000);
  });
});
