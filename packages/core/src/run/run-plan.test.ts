import { describe, expect, it } from 'vitest';
import { FlakestormError, isFlakestormError } from '../errors.js';
import type { CheckRunner } from './check-runner.js';
import {
  collect,
  delay,
  fakeTarget,
  makePlan,
  spec,
  testRegistry,
  virtualClock,
} from './run-fixtures.test-util.js';
import { runPlan } from './run-plan.js';

const containsEcho: CheckRunner = async (observation) => [
  {
    type: 'contains',
    id: 'echo',
    passed: observation.response.startsWith('echo'),
    reason: 'starts with echo',
    severity: 'medium',
  },
];

describe('runPlan', () => {
  it('runs every case, streams results in case order and scores them', async () => {
    const target = fakeTarget(async (request, call) => {
      await delay((call * 7) % 5);
      return request.prompt.includes('#1') ? 'refused' : `echo: ${request.prompt}`;
    });
    const events = collect();
    const outcome = await runPlan(
      makePlan({ mutations: [spec('suffix', 3), spec('upper', 2, { weight: 2 })] }),
      {
        registry: testRegistry(),
        target,
        checks: containsEcho,
        onEvent: events.on,
        keepResults: true,
      },
    );
    const results = events.of('case.result');
    expect(results.map((e) => e.result.index)).toEqual([...Array(10).keys()]);
    expect(results.at(-1)).toMatchObject({ completed: 10, total: 10, passed: 8, failed: 2 });
    expect(events.events[0]).toMatchObject({ type: 'run.start', totalCases: 10 });
    expect(events.events[1]).toEqual({ type: 'preflight.ok', target: 'fake in-process agent' });
    expect(events.events.at(-1)?.type).toBe('run.end');
    expect(outcome.meta).toMatchObject({ status: 'completed', seed: 42, mutationTypes: ['suffix', 'upper'] });
    expect(outcome.meta.runId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(outcome.meta.configHash).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome.summary).toMatchObject({ total: 10, passed: 8, weightedTotal: 14, weightedPassed: 12 });
    expect(outcome.summary.byInvariant.echo).toMatchObject({ total: 10, passed: 8 });
    expect(outcome.results).toHaveLength(10);
    expect(target.closed).toBe(false);
  });

  it('never exceeds the configured concurrency', async () => {
    const target = fakeTarget(async (request) => {
      await delay(1);
      return request.prompt;
    });
    const goldenPrompts = Array.from({ length: 10 }, (_, i) => ({ text: `p${i}`, vars: {} }));
    await runPlan(makePlan({ goldenPrompts, mutations: [spec('suffix', 6)] }, { concurrency: 3 }), {
      registry: testRegistry(),
      target,
      checks: async () => [],
    });
    expect(target.calls).toHaveLength(60);
    expect(target.maxInFlight).toBe(3);
  });

  it('spaces calls to the rate limit, retries included', async () => {
    const clock = virtualClock();
    const sentAt: number[] = [];
    const target = fakeTarget((_request, call) => {
      sentAt.push(clock.now());
      if (call % 4 === 0) {
        throw new FlakestormError('FLAKESTORM_TARGET_HTTP_STATUS', 'busy', {
          details: { cause: 'http_status', status: 502 },
        });
      }
      return 'ok';
    });
    const plan = makePlan({ mutations: [spec('suffix', 10)] }, { rateLimit: 5, concurrency: 8, retries: 1 });
    await runPlan(plan, { registry: testRegistry(), target, clock, checks: async () => [] });
    expect(sentAt.length).toBeGreaterThan(20);
    for (const start of sentAt) {
      expect(sentAt.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(5);
    }
  });

  it('retries retryable failures, honouring Retry-After, and emits case.retry', async () => {
    const clock = virtualClock();
    const target = fakeTarget((_request, call) => {
      if (call === 0) {
        throw new FlakestormError('FLAKESTORM_TARGET_HTTP_STATUS', 'slow down', {
          details: { cause: 'http_status', status: 429, retryAfterMs: 1500 },
        });
      }
      if (call === 1)
        throw new FlakestormError('FLAKESTORM_TARGET_TIMEOUT', 'timed out', {
          details: { cause: 'timeout' },
        });
      return 'echo ok';
    });
    const events = collect();
    const outcome = await runPlan(
      makePlan({ goldenPrompts: [{ text: 'hi', vars: {} }], mutations: [spec('suffix', 1)] }, { retries: 3 }),
      {
        registry: testRegistry(),
        target,
        clock,
        checks: containsEcho,
        onEvent: events.on,
        keepResults: true,
      },
    );
    const retries = events.of('case.retry');
    expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
    expect(retries[0]?.delayMs).toBe(1500);
    expect(clock.sleeps).toContain(1500);
    expect(retries[1]?.delayMs).toBeLessThan(200);
    expect(outcome.results?.[0]).toMatchObject({ passed: true, error: null, response: 'echo ok' });
    expect(outcome.stats).toMatchObject({ attempts: 3, retries: 2 });
  });

  it('records target failures on the case, never crashing the run', async () => {
    const target = fakeTarget((request) => {
      if (request.prompt.includes('#0')) throw new TypeError('agent bug');
      if (request.prompt.includes('#1')) {
        throw new FlakestormError('FLAKESTORM_TARGET_HTTP_STATUS', 'HTTP 400', {
          details: { cause: 'http_status', status: 400 },
        });
      }
      return 'echo';
    });
    const outcome = await runPlan(makePlan({ goldenPrompts: [{ text: 'x', vars: {} }] }), {
      registry: testRegistry(),
      target,
      checks: containsEcho,
      keepResults: true,
    });
    const [bug, bad, good] = outcome.results ?? [];
    expect(bug).toMatchObject({ passed: false, error: { cause: 'target_error', message: 'agent bug' } });
    expect(bug?.checks.map((c) => c.id)).toEqual(['echo', 'completes']);
    expect(bad).toMatchObject({ passed: false, status: 400, error: { cause: 'http_status', status: 400 } });
    expect(good?.passed).toBe(true);
    expect(target.calls).toHaveLength(3);
    expect(outcome.summary.errorsByCause).toEqual({ target_error: 1, http_status: 1 });
  });

  it('times out calls the target does not answer, even if it ignores its signal', async () => {
    const target = fakeTarget(() => new Promise<string>(() => {}));
    const outcome = await runPlan(
      makePlan(
        { goldenPrompts: [{ text: 'x', vars: {} }], mutations: [spec('suffix', 2)] },
        { timeoutMs: 30, retries: 0 },
      ),
      { registry: testRegistry(), target, checks: async () => [], keepResults: true },
    );
    expect(outcome.results?.map((r) => r.error?.cause)).toEqual(['timeout', 'timeout']);
    expect(target.calls[0]?.timeoutMs).toBe(30);
    expect(target.calls[0]?.signal.aborted).toBe(true);
  });

  it('runs repeat trials with a Wilson interval and flags flaky cases', async () => {
    const target = fakeTarget((_request, call) => (call % 2 === 0 ? 'echo' : 'nope'));
    const outcome = await runPlan(
      makePlan(
        { goldenPrompts: [{ text: 'x', vars: {} }], mutations: [spec('suffix', 1)] },
        { repeat: 4, concurrency: 1 },
      ),
      { registry: testRegistry(), target, checks: containsEcho, keepResults: true },
    );
    const [result] = outcome.results ?? [];
    expect(result?.passed).toBe(false);
    expect(result?.response).toBe('nope');
    expect(result?.trials).toMatchObject({ count: 4, passed: 2, passRate: 0.5, flaky: true });
    expect(result?.trials?.low).toBeCloseTo(0.15, 2);
    expect(result?.trials?.runs.map((r) => r.failedChecks)).toEqual([[], ['echo'], [], ['echo']]);
    expect(new Set(target.calls.map((c) => c.sessionId)).size).toBe(4);
    expect(outcome.summary.flaky).toHaveLength(1);
  });

  it('sends each golden prompt once as a baseline and hands its answer to the cases', async () => {
    const target = fakeTarget((request) => `answer to ${request.prompt}`);
    const seen: Array<string | undefined> = [];
    const outcome = await runPlan(makePlan({ mutations: [spec('suffix', 1)] }, { baseline: true }), {
      registry: testRegistry(),
      target,
      checks: async (observation) => {
        seen.push(observation.goldenResponse);
        return [];
      },
    });
    expect(outcome.meta.baselines).toEqual([
      { goldenIndex: 0, response: 'answer to Book a flight to Paris', latencyMs: 5, error: null },
      { goldenIndex: 1, response: 'answer to What is my balance?', latencyMs: 5, error: null },
    ]);
    expect(seen).toEqual(['answer to Book a flight to Paris', 'answer to What is my balance?']);
    expect(outcome.summary.total).toBe(2);
  });

  it('cancels: stops starting cases, finishes in-flight ones, returns interrupted', async () => {
    const controller = new AbortController();
    const target = fakeTarget(async (request, call) => {
      if (call === 5) controller.abort('user pressed Ctrl-C');
      await delay(call === 5 ? 20 : 1);
      return request.prompt;
    });
    const events = collect();
    const goldenPrompts = Array.from({ length: 20 }, (_, i) => ({ text: `p${i}`, vars: {} }));
    const outcome = await runPlan(
      makePlan({ goldenPrompts, mutations: [spec('suffix', 5)] }, { concurrency: 2 }),
      {
        registry: testRegistry(),
        target,
        checks: async () => [],
        signal: controller.signal,
        onEvent: events.on,
        keepResults: true,
      },
    );
    expect(outcome.meta.status).toBe('interrupted');
    expect(events.of('run.cancelling')).toEqual([{ type: 'run.cancelling', reason: 'user pressed Ctrl-C' }]);
    const emitted = events.of('case.result').map((e) => e.result.index);
    expect(emitted.length).toBeGreaterThanOrEqual(6);
    expect(emitted.length).toBeLessThan(100);
    expect(emitted).toEqual([...emitted].sort((a, b) => a - b));
    expect(outcome.summary.total).toBe(emitted.length);
    expect(target.calls.length).toBeLessThanOrEqual(7);
  });

  it('aborts in-flight cases after the grace period and drops them', async () => {
    const controller = new AbortController();
    const target = fakeTarget((_request, call) => {
      if (call === 0) setTimeout(() => controller.abort(), 5);
      return new Promise<string>(() => {});
    });
    const outcome = await runPlan(makePlan({}, { concurrency: 2 }), {
      registry: testRegistry(),
      target,
      checks: async () => [],
      signal: controller.signal,
      cancelGraceMs: 10,
    });
    expect(outcome.meta.status).toBe('interrupted');
    expect(outcome.summary.total).toBe(0);
    expect(target.calls.every((c) => c.signal.aborted)).toBe(true);
  });

  it('throws FLAKESTORM_TARGET_UNREACHABLE when preflight fails', async () => {
    const target = fakeTarget(undefined, {
      preflight: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:1');
      },
    });
    const events = collect();
    const run = runPlan(makePlan(), {
      registry: testRegistry(),
      target,
      onEvent: events.on,
      checks: async () => [],
    });
    await expect(run).rejects.toSatisfy((error) => isFlakestormError(error, 'FLAKESTORM_TARGET_UNREACHABLE'));
    expect(events.of('run.error')).toHaveLength(1);
    expect(target.calls).toHaveLength(0);
  });

  it('warns about mutation shortfalls once and adjusts the total', async () => {
    const events = collect();
    const outcome = await runPlan(makePlan({ mutations: [spec('short', 4)] }), {
      registry: testRegistry(),
      target: fakeTarget(),
      checks: async () => [],
      onEvent: events.on,
    });
    expect(events.of('warning').map((w) => w.code)).toEqual(['mutation-shortfall', 'mutation-shortfall']);
    expect(events.of('case.result').at(-1)).toMatchObject({ completed: 4, total: 4 });
    expect(outcome.meta.warnings).toHaveLength(2);
  });

  it('falls back to text for wire mutations the target cannot apply', async () => {
    const plain = fakeTarget();
    const wired = fakeTarget(undefined, { supportsWire: true });
    const plan = makePlan({ goldenPrompts: [{ text: 'x', vars: {} }], mutations: [spec('header', 1)] });
    const a = await runPlan(plan, {
      registry: testRegistry(),
      target: plain,
      checks: async () => [],
      keepResults: true,
    });
    const b = await runPlan(plan, {
      registry: testRegistry(),
      target: wired,
      checks: async () => [],
      keepResults: true,
    });
    expect(plain.calls[0]?.wire).toBeUndefined();
    expect(a.results?.[0]?.wireApplied).toBe(false);
    expect(wired.calls[0]?.wire).toEqual({ kind: 'headers', headers: [['x-test', '0']] });
    expect(b.results?.[0]?.wireApplied).toBe(true);
  });

  it('keeps a run id given by a queue', async () => {
    const outcome = await runPlan(makePlan(), {
      registry: testRegistry(),
      target: fakeTarget(),
      checks: async () => [],
      runId: '01JQUEUEDRUN0000000000000',
    });
    expect(outcome.meta.runId).toBe('01JQUEUEDRUN0000000000000');
  });

  it('gives the same case ids, order and seeds on every run', async () => {
    const ids = async () => {
      const events = collect();
      await runPlan(makePlan({}, { concurrency: 3 }), {
        registry: testRegistry(),
        target: fakeTarget(async (r, call) => {
          await delay(call % 3);
          return r.prompt;
        }),
        checks: async () => [],
        onEvent: events.on,
      });
      return events.of('case.result').map((e) => [e.result.id, e.result.mutated]);
    };
    expect(await ids()).toEqual(await ids());
  });
});

describe('runPlan with a failing listener', () => {
  it('stops the run and rejects with the listener error', async () => {
    const target = fakeTarget(async (r) => {
      await delay(1);
      return r.prompt;
    });
    const goldenPrompts = Array.from({ length: 20 }, (_, i) => ({ text: `p${i}`, vars: {} }));
    const run = runPlan(makePlan({ goldenPrompts, mutations: [spec('suffix', 5)] }, { concurrency: 2 }), {
      registry: testRegistry(),
      target,
      checks: async () => [],
      onEvent: (event) => {
        if (event.type === 'case.result' && event.completed === 3) throw new Error('disk full');
      },
    });
    await expect(run).rejects.toThrow('disk full');
    expect(target.calls.length).toBeLessThan(10);
  });
});

describe('run metadata', () => {
  it('hashes the config without secrets: header values do not change the hash', async () => {
    const meta = async (token: string) =>
      (
        await runPlan(
          makePlan({
            target: {
              kind: 'openai',
              baseUrl: 'http://127.0.0.1:1',
              model: 'm',
              stream: false,
              headers: { Authorization: `Bearer ${token}` },
              maxResponseBytes: 1000,
            },
          }),
          { registry: testRegistry(), target: fakeTarget(), checks: async () => [] },
        )
      ).meta;
    const [a, b] = [await meta('secret-one'), await meta('secret-two')];
    expect(a.configHash).toBe(b.configHash);
    expect(a.tool).toEqual({ name: 'flakestorm', version: '0.1.0' });
    expect(a.runId).not.toBe(b.runId);
    expect(a.invariants).toEqual([]);
  });
});
