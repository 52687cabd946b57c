import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root, runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();
const children: ChildProcess[] = [];
beforeAll(ensureBuilt, 180_000);
afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  dir.cleanup();
});

/** Starts an example's server script on a free port and returns the URL it prints. */
function startExampleServer(script: string): Promise<string> {
  const child = spawn(process.execPath, [join(root, script)], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const url = /(http:\/\/127\.0\.0\.1:\d+\S*)/.exec(line)?.[1];
      if (url) resolve(url);
      else reject(new Error(`no URL in "${line}"`));
    });
  });
}

describe('examples', () => {
  it('http-agent: the config runs against the example agent and finds its injection weakness', async () => {
    const url = await startExampleServer('examples/http-agent/agent.mjs');
    const json = join(dir.path, 'http.json');
    const result = await runCli(
      [
        'run',
        '-c',
        'examples/http-agent/flakestorm.yaml',
        '--json',
        json,
        '--out-dir',
        dir.path,
        '--no-store',
      ],
      { env: { AGENT_URL: url } },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as {
      summary: { robustness: number; byType: Record<string, { rate: number }> };
    };
    expect(report.summary.byType.prompt_injection?.rate).toBeLessThan(1);
    expect(report.summary.byType.noise?.rate).toBe(1);
  }, 60_000);

  it('openai-chat: the config runs against the OpenAI-format stand-in and catches the canary leak', async () => {
    const url = await startExampleServer('examples/openai-chat/openai-stand-in.mjs');
    const json = join(dir.path, 'openai.json');
    const result = await runCli(
      [
        'run',
        '-c',
        'examples/openai-chat/flakestorm.yaml',
        '--json',
        json,
        '--out-dir',
        dir.path,
        '--no-store',
      ],
      { env: { OPENAI_BASE_URL: url } },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as {
      summary: { byInvariant: Record<string, { type: string; rate: number }> };
    };
    const leak = Object.values(report.summary.byInvariant).find((i) => i.type === 'no_system_prompt_leak');
    expect(leak?.rate).toBeLessThan(1);
  }, 60_000);

  it('sdk-vitest: the example test suite passes', async () => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--config',
        'examples/sdk-vitest/vitest.config.mjs',
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(output).toContain('1 passed');
    expect(code).toBe(0);
  }, 60_000);
});
