import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/cli.js';
import { startSlowAgent } from './helpers/slow-agent.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();
let agent: Awaited<ReturnType<typeof startSlowAgent>>;
beforeAll(async () => {
  await ensureBuilt();
  agent = await startSlowAgent(150);
}, 180_000);
afterAll(async () => {
  await agent.close();
  dir.cleanup();
});

function writeConfig(folder: string, count: number): string {
  const path = join(folder, 'flakestorm.yaml');
  writeFileSync(
    path,
    `version: "3"
agent:
  endpoint: "${agent.url}/invoke"
  timeout: 5000
golden_prompts: ["Where is my order?", "Cancel my plan"]
mutations:
  count: ${count}
  types: [noise, paraphrase]
invariants:
  - type: output_not_empty
run:
  concurrency: 2
  baseline: false
`,
  );
  return path;
}

interface ListedRun {
  id: string;
  status: string;
  completed: number;
  robustness: number | null;
}

describe('run history', () => {
  it('records a run into the local store by default, and not with --no-store', async () => {
    const cwd = join(dir.path, 'default');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(cwd);
    writeConfig(cwd, 2);
    const run = await runCli(['run', '--ci'], { cwd, timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/History: run \w+ recorded in/);
    const listed = await runCli(['runs', '--json'], { cwd });
    const runs = JSON.parse(listed.stdout) as ListedRun[];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', completed: 4 });

    const bare = join(dir.path, 'bare');
    mkdirSync(bare);
    writeConfig(bare, 2);
    expect((await runCli(['run', '--ci', '--no-store'], { cwd: bare, timeoutMs: 60_000 })).code).toBe(0);
    expect(existsSync(join(bare, '.flakestorm'))).toBe(false);
  });

  it('keeps the finished results of a run killed with SIGKILL and marks it interrupted on next start', async () => {
    const cwd = join(dir.path, 'killed');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(cwd);
    writeConfig(cwd, 40);
    let seen = 0;
    const killed = await runCli(['run', '--ci'], {
      cwd,
      timeoutMs: 60_000,
      onSpawn: (child, output) => {
        const poll = setInterval(() => {
          // Plain progress lines report completed cases; kill once a few are done.
          const counts = [...output.stderr().matchAll(/(\d+)\/\d+/g)].map((m) => Number(m[1]));
          seen = Math.max(0, ...counts);
          if (seen >= 6) {
            clearInterval(poll);
            child.kill('SIGKILL');
          }
        }, 50);
      },
    });
    expect(killed.signal).toBe('SIGKILL');
    const listed = await runCli(['runs', '--json'], { cwd, env: { FLAKESTORM_STALE_AFTER_MS: '1' } });
    const [run] = JSON.parse(listed.stdout) as ListedRun[];
    expect(run?.status).toBe('interrupted');
    expect(run?.completed).toBeGreaterThanOrEqual(1);
    expect(listed.stderr).toMatch(/marked interrupted/);
    const exported = await runCli(['runs', 'export', run?.id ?? '', '--format', 'csv', '--out-dir', 'out'], {
      cwd,
    });
    // What finished before the kill is still reportable: it is scored from the stored results.
    expect(exported.code).toBe(0);
    const csv = readFileSync(join(cwd, 'out', `flakestorm-${run?.id}.csv`), 'utf8');
    expect(csv.trim().split('\n')).toHaveLength((run?.completed ?? 0) + 1);
  });

  it('records a run whose target is down at preflight as failed, with the reason', async () => {
    const cwd = join(dir.path, 'down');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(cwd);
    writeFileSync(
      join(cwd, 'flakestorm.yaml'),
      'version: "3"\nagent:\n  endpoint: "http://127.0.0.1:9/invoke"\ngolden_prompts: ["hi"]\ninvariants:\n  - type: output_not_empty\n',
    );
    const run = await runCli(['run', '--ci'], { cwd, timeoutMs: 60_000 });
    expect(run.code).toBe(3);
    const listed = await runCli(['runs', '--json'], { cwd });
    const [failed] = JSON.parse(listed.stdout) as ListedRun[];
    expect(failed?.status).toBe('failed');
  });
});
