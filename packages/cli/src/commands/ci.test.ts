import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The core's contract test fixtures: an agent that calls its order tool through the chaos proxy.
import { freePort, startOrderTool, startToolAgent } from '../../../core/src/contract/tool-agent.test-util.js';
import { main } from '../cli.js';

/** Runs the CLI in-process and keeps what it wrote to stdout and stderr (still real streams). */
async function capture(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof writeOut;
  process.stderr.write = ((chunk: string | Uint8Array) => err.push(String(chunk)) > 0) as typeof writeErr;
  try {
    const code = await main(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

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

  it('shows progress per phase on stderr and a table of phase scores and the overall score', async () => {
    const result = await capture(['ci', '-c', config, '--min-score', '0.9', '--json', join(dir, 'ci2.json')]);
    expect(result.code).toBe(1);
    for (const [index, phase] of ['mutation', 'chaos', 'contract', 'replay'].entries()) {
      expect(result.stderr).toContain(`phase ${index + 1}/4: ${phase}`);
    }
    // Plain progress lines (stderr is not a TTY here) for every phase, cells and sessions included.
    expect(result.stderr).toMatch(/phase 3\/4: contract\n(.*\n)*?progress 2\/2 \(100%\) passed 1 failed 1/);
    expect(result.stderr).toMatch(/phase 4\/4: replay\n(.*\n)*?progress 1\/1 \(100%\) passed 1 failed 0/);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^phase\s+score\s+weight\s+weighted\s+detail$/);
    expect(lines).toContainEqual(
      expect.stringMatching(/^mutation\s+100\.0%\s+0\.25\s+25\.0%\s+2\/2 cases passed$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^contract\s+50\.0%\s+0\.25\s+12\.5%\s+1 passed, 1 failed/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^overall\s+62\.5%\s+1\.00\s+62\.5%.*below min 90\.0%$/),
    );
    expect(result.stdout).toMatch(/reports\n\s+mutation\s+\S+flakestorm-mutation-/);
    const quiet = await capture(['ci', '-c', config, '-q']);
    expect(quiet.stderr).not.toContain('phase 1/');
    expect(quiet.stdout).toMatch(/^overall 62\.5%/);
  });

  it('gives every contract and replay subcommand --help with examples', async () => {
    const commands = [
      ['contract'],
      ['contract', 'run'],
      ['contract', 'validate'],
      ['contract', 'score'],
      ['replay'],
      ['replay', 'run'],
      ['replay', 'record'],
      ['replay', 'export'],
      ['replay', 'import'],
      ['ci'],
    ];
    for (const command of commands) {
      const result = await capture([...command, '--help']);
      expect(result.code, command.join(' ')).toBe(0);
      expect(result.stdout).toContain(`Usage: flakestorm ${command.join(' ')}`);
      expect(result.stdout, command.join(' ')).toMatch(
        new RegExp(`Examples:\\n\\s+\\$ flakestorm ${command[0]} `),
      );
    }
    expect((await capture(['replay', 'run', '--help'])).stdout).toContain('--speed <n>');
  });

  it('replays at --speed 0 and rejects an unknown --speed value as a usage error', async () => {
    for (const speed of ['fast', '-1', '', 'Infinity']) {
      const result = await capture(['replay', 'run', '-c', config, '--speed', speed]);
      expect(result.code, speed).toBe(2);
      expect(result.stderr).toContain('--speed must be a number of 0 or more');
    }
    const json = join(dir, 'replay-fast.json');
    expect(await main(['replay', 'run', '-c', config, '--speed', '0', '--json', json, '-q'])).toBe(0);
    const report = JSON.parse(await readFile(json, 'utf8')) as { summary: { passed: number } };
    expect(report.summary.passed).toBe(1);
  });

  it('fails a replay whose session file has a malformed exchange, with file:line:col', async () => {
    const bad = join(dir, 'bad-session.yaml');
    await writeFile(bad, 'id: bad\ninput: hi\nexchanges:\n  - route: /llm\n    status: lots\n');
    const result = await capture(['replay', 'run', bad, '-c', config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad-session.yaml:5:13');
  });
});
