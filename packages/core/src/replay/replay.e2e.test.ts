import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigText } from '../config/load-config.js';
import { freePort } from '../contract/tool-agent.test-util.js';
import { builtinPlugin } from '../plugin/builtin-plugin.js';
import { createRegistry } from '../plugin/registry.js';
import type { RunPlan } from '../run/plan.js';
import { type FixtureProcess, startFixtureProcess } from './processes.test-util.js';
import { recordSession } from './record-session.js';
import { runReplays } from './run-replays.js';
import type { ReplaySession } from './session.js';
import { loadSessionFile, writeSessionFile } from './session-file.js';

const registry = createRegistry([builtinPlugin]);
let upstreams: FixtureProcess<{ llm: string; tool: string }>;
let agent: FixtureProcess<{ url: string }>;
let plan: RunPlan;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flakestorm-replay-'));
  const port = await freePort();
  upstreams = await startFixtureProcess('upstreams.mjs');
  agent = await startFixtureProcess('order-agent.mjs', { FLAKESTORM_PROXY: `http://127.0.0.1:${port}` });
  plan = loadConfigText(
    `version: "2.0"
agent: { endpoint: "${agent.info.url}/invoke", timeout: 5000 }
golden_prompts: ["Where is my order?"]
invariants:
  - { type: contains, value: ORD-7 }
  - { type: output_not_empty }
chaos:
  port: ${port}
  routes:
    /llm: "${upstreams.info.llm}"
    /tools/orders: "${upstreams.info.tool}/orders"
`,
    { file: join(dir, 'flakestorm.yaml') },
  ).plan;
});

afterAll(async () => {
  await agent?.stop();
  await upstreams?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('record and replay with real processes', () => {
  it('replays a recorded session to identical results with the upstreams stopped', async () => {
    const recorded = await recordSession(plan, { registry, input: 'Where is my order?', id: 'incident-1' });
    expect(recorded.response).toMatch(
      /^Order status: Where is my order\? \[ORD-7 shipped \d+\] \(model run \d+\)\.$/,
    );
    expect(recorded.exchanges.map((e) => `${e.method} ${e.route}${e.path} ${e.status}`)).toEqual([
      'GET /tools/orders/ORD-7 200',
      'POST /llm/v1/chat/completions 200',
    ]);
    expect(recorded.exchanges[1]?.headers['content-type']).toBe('text/event-stream');
    const file = join(dir, 'incident-1.yaml');
    await writeSessionFile(file, recorded);

    // Same answers live would differ (timestamps), so identical answers prove they came from the file.
    await upstreams.stop();
    await expect(fetch(`${upstreams.info.llm}/v1/chat/completions`)).rejects.toThrow();

    const session = await loadSessionFile(file);
    const first = await runReplays(plan, { registry, sessions: [session] });
    const second = await runReplays(plan, { registry, sessions: [session] });
    for (const report of [first, second]) {
      const [result] = report.results;
      expect(result).toMatchObject({
        id: 'incident-1',
        response: recorded.response,
        matchesRecording: true,
        passed: true,
        served: 2,
        misses: [],
      });
      expect(result?.checks.map((c) => c.passed)).toEqual([true, true]);
      expect(result?.exchanges.map((e) => `${e.route} ${e.status}`)).toEqual(['tools/orders 200', 'llm 200']);
      expect(report.summary).toMatchObject({ total: 1, passed: 1, score: 1, matchingRecording: 1 });
    }
  });

  it('reports calls the recording cannot answer and fails the session', async () => {
    const session: ReplaySession = {
      id: 'no-llm',
      input: 'Where is my order?',
      exchanges: [
        {
          route: '/tools/orders',
          method: '*',
          path: '*',
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: '{"id":"ORD-7","status":"lost","checkedAt":1}',
        },
      ],
    };
    const report = await runReplays(plan, { registry, sessions: [session] });
    const [result] = report.results;
    expect(result?.misses).toEqual(['POST /llm/v1/chat/completions']);
    expect(result?.response).toBe('Sorry, the model failed (502).');
    expect(result?.passed).toBe(false);
    expect(report.summary.score).toBe(0);
  });
});
