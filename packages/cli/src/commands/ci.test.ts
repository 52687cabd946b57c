import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The core's contract test fixtures: an agent that calls its order tool through the chaos proxy.
import { freePort, startOrderTool, startToolAgent } from '../../../core/src/contract/tool-agent.test-util.js';
import { main } from '../cli.js';

let dir: string;
let config: string;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flakestorm-ci-'));
  const port = await freePort();
  const tool = await startOrderTool();
  const agent = await startToolAgent(() => `http://127.0.0.1:${port}`);
  closers.push(tool.close, agent.close);
  config = join(dir, 'flakestorm.yaml');
  await writeFile(
    config,
    `version: "2.0"
agent: { endpoint: "${agent.url}/invoke", reset_endpoint: "${agent.url}/reset", timeout: 3000 }
golden_prompts: ["Where is my order ORD-1?"]
mutations: { count: 2, types: [noise] }
invariants:
  - { type: contains, value: ORD-1 }
chaos:
  port: ${port}
  routes: { /tools/orders: "${tool.url}/orders" }
  tool_faults: [{ tool: orders, mode: error, error_code: 503 }]
contract:
  name: orders
  invariants:
    - { type: contains, value: ORD-1, severity: critical, id: names-order }
  chaos_matrix:
    - { name: healthy }
    - { name: down, tool_faults: [{ mode: error, error_code: 500 }] }
replays:
  sessions:
    - id: tool-lies
      input: "Where is my order ORD-1?"
      tool_responses: [{ tool: orders, response: { id: ORD-1, status: lost, eta: never } }]
scoring: { mutation: 0.25, chaos: 0.25, contract: 0.25, replay: 0.25 }
output: { path: reports }
`,
  );
});

afterAll(async () => {
  for (const close of closers) await close();
  await rm(dir, { recursive: true, force: true });
});

describe('flakestorm ci, contract and replay commands', () => {
  it('runs every phase, writes every report and exits 1 below --min-score', async () => {
    const summaryPath = join(dir, 'ci.json');
    expect(await main(['ci', '-c', config, '--min-score', '0.9', '--json', summaryPath, '-q'])).toBe(1);
    const summary = JSON.parse(await readFile(summaryPath, 'utf8')) as {
      phases: Array<{ phase: string; score: number }>;
      overall: { score: number; weights: Record<string, number> };
      passed: boolean;
    };
    expect(Object.fromEntries(summary.phases.map((p) => [p.phase, p.score]))).toEqual({
      mutation: 1,
      chaos: 0,
      contract: 0.5,
      replay: 1,
    });
    expect(summary.overall.score).toBeCloseTo(0.625, 5);
    expect(summary.passed).toBe(false);
    const reports = await readdir(join(dir, 'reports'));
    for (const kind of ['mutation', 'chaos', 'contract', 'replay']) {
      expect(reports.some((name) => name.startsWith(`flakestorm-${kind}-`))).toBe(true);
    }
    expect(await main(['ci', '-c', config, '--min-score', '0.6', '-q'])).toBe(0);
  });

  it('validates, runs and rescores a contract (a critical failure fails it)', async () => {
    expect(await main(['contract', 'validate', '-c', config])).toBe(0);
    const report = join(dir, 'contract.json');
    expect(await main(['contract', 'run', '-c', config, '--json', report, '-q'])).toBe(1);
    expect(await main(['contract', 'score', report])).toBe(1);
    await writeFile(join(dir, 'not-a-report.json'), '{"kind":"run"}');
    expect(await main(['contract', 'score', join(dir, 'not-a-report.json')])).toBe(2);
  });

  it('exports failing mutated requests from a run report and replays them', async () => {
    const report = {
      runId: 'r',
      results: [
        {
          id: 'c1',
          passed: false,
          mutated: 'Wher is my ordr ORD-1?',
          goldenPrompt: 'g',
          mutationType: 'noise',
          variantIndex: 0,
          goldenIndex: 0,
          response: '',
          checks: [],
          error: null,
        },
      ],
    };
    await writeFile(join(dir, 'run.json'), JSON.stringify(report));
    const out = join(dir, 'sessions');
    expect(await main(['replay', 'export', '--from-report', join(dir, 'run.json'), '-o', out])).toBe(0);
    const [file] = await readdir(out);
    expect(await readFile(join(out, file ?? ''), 'utf8')).toContain('input: Wher is my ordr ORD-1?');
    // The exported session has no recorded tool answer: the replay has nothing to serve and says so.
    expect(
      await main([
        'replay',
        'run',
        join(out, file ?? ''),
        '-c',
        config,
        '--json',
        join(dir, 'replay.json'),
        '-q',
      ]),
    ).toBe(1);
    const replay = JSON.parse(await readFile(join(dir, 'replay.json'), 'utf8')) as {
      results: Array<{ misses: string[] }>;
    };
    expect(replay.results[0]?.misses).toEqual(['GET /tools/orders/ORD-1']);
  });
});
