import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CaseResult, isFlakestormError, type RunEvent } from '@flakestorm/core';
import { type DemoAgent, startDemoAgent } from '@flakestorm/demo-agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './sdk-run.js';

let agent: DemoAgent;
beforeAll(async () => {
  agent = await startDemoAgent({ port: 0, host: '127.0.0.1', slowMs: 0 });
});
afterAll(async () => {
  await agent.close();
});

const config = () => ({
  agent: { endpoint: `${agent.url}/invoke`, timeout: 2000 },
  golden_prompts: ['Where is my order?', 'Cancel my subscription'],
  mutations: {
    types: [
      { type: 'noise', count: 3 },
      { type: 'prompt_injection', count: 3 },
    ],
  },
  invariants: [{ type: 'output_not_empty' }, { type: 'excludes_pii' }],
  run: { concurrency: 4, seed: 5, retries: 0 },
});

describe('SDK run()', () => {
  it('runs a config object, streams events and returns the results in case order', async () => {
    const events: RunEvent['type'][] = [];
    const outcome = await run(config(), { onEvent: (e) => events.push(e.type) });
    expect(events[0]).toBe('run.start');
    expect(events.at(-1)).toBe('run.end');
    expect(events.filter((t) => t === 'case.result')).toHaveLength(outcome.summary.total);
    expect(outcome.results.map((r) => r.index)).toEqual(
      [...outcome.results.map((r) => r.index)].sort((a, b) => a - b),
    );
    expect(outcome.summary.byType.noise?.total).toBe(6);
    expect(outcome.meta.status).toBe('completed');
  });

  it('is deterministic for a seed', async () => {
    const a = await run(config());
    const b = await run(config());
    expect(b.results.map((r) => [r.id, r.mutated])).toEqual(a.results.map((r) => [r.id, r.mutated]));
  });

  it('records results through a recorder, then finishes it', async () => {
    const added: CaseResult[] = [];
    let finished = '';
    const outcome = await run(config(), {
      collectResults: false,
      recorder: async () => ({
        add: (r) => added.push(r),
        finish: async (meta) => {
          finished = meta.status;
        },
      }),
    });
    expect(outcome.results).toEqual([]);
    expect(added).toHaveLength(outcome.summary.total);
    expect(finished).toBe('completed');
  });

  it('loads a config file by path, resolving it against its folder', async () => {
    const file = join(tmpdir(), `flakestorm-sdk-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(config()));
    const outcome = await run(file);
    expect(outcome.plan.source).toContain('flakestorm-sdk-');
    expect(outcome.summary.total).toBeGreaterThan(0);
  });

  it('stops early when its signal is aborted, and reports the run as interrupted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('test cancel'));
    const outcome = await run(config(), { signal: controller.signal });
    expect(outcome.meta.status).toBe('interrupted');
    expect(outcome.summary.total).toBeLessThan(12);
  });

  it('throws a FlakestormError for an invalid config', async () => {
    const bad = { ...config(), golden_prompt: ['typo'] };
    await expect(run(bad)).rejects.toSatisfy((e: unknown) =>
      isFlakestormError(e, 'FLAKESTORM_CONFIG_INVALID'),
    );
  });
});
