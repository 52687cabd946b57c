import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startDemoAgent } from '@flakestorm/demo-agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();
beforeAll(ensureBuilt, 180_000);
afterAll(() => dir.cleanup());

/** A port nothing listens on: bind one, then close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function write(name: string, text: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
}

describe('config errors', () => {
  it('malformed YAML exits 2 naming file:line:col', async () => {
    const file = write(
      'broken.yaml',
      'agent:\n  endpoint: "http://127.0.0.1:1/x"\ngolden_prompts:\n  - "a\n  - [unclosed\n',
    );
    const result = await runCli(['run', '-c', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.yaml:\d+:\d+/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown key exits 2 with a did-you-mean hint', async () => {
    const file = write('typo.yaml', 'agent:\n  endpoint: http://127.0.0.1:1/x\ngolden_prompt:\n  - hello\n');
    const result = await runCli(['validate', '-c', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/typo\.yaml:3:1/);
    expect(result.stderr).toContain('golden_prompts');
  });

  it('a missing config exits 2 and suggests init', async () => {
    const result = await runCli(['run', '-c', join(dir.path, 'nope.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('flakestorm init');
  });

  it('a target that is down exits 3 with one line naming the URL', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/invoke`;
    const file = write(
      'down.yaml',
      `agent:\n  endpoint: ${url}\ngolden_prompts:\n  - hello\ninvariants:\n  - type: output_not_empty\n`,
    );
    const result = await runCli(['run', '-c', file, '--no-store']);
    expect(result.code).toBe(3);
    const errorLines = result.stderr.split('\n').filter((l) => l.startsWith('error'));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toContain(`127.0.0.1:${port}`);
  });
});

describe('doctor', () => {
  it('says what to fix when the target is down (exit 3), and passes against a live agent', async () => {
    const port = await closedPort();
    const file = write(
      'doctor.yaml',
      `agent:\n  endpoint: http://127.0.0.1:${port}/invoke\ngolden_prompts:\n  - hello\n`,
    );
    const down = await runCli(['doctor', '-c', file]);
    expect(down.code).toBe(3);
    expect(down.stdout).toMatch(/✓ node/);
    expect(down.stdout).toMatch(/✗ reachable/);
    expect(down.stdout).toContain('fix:');
    const agent = await startDemoAgent({ port: 0, host: '127.0.0.1', slowMs: 0 });
    try {
      const live = write(
        'doctor-live.yaml',
        `agent:\n  endpoint: ${agent.url}/invoke\ngolden_prompts:\n  - Where is my order?\n`,
      );
      const ok = await runCli(['doctor', '-c', live]);
      expect(ok.stdout).toMatch(/✓ reachable/);
      expect(ok.stdout).toMatch(/✓ answer/);
      expect(ok.code).toBe(0);
    } finally {
      await agent.close();
    }
    const broken = await runCli(['doctor', '-c', join(dir.path, 'missing.yaml')]);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toMatch(/✗ config/);
  });
});

describe('init, validate, schema', () => {
  it('init writes a starter config that validates, and refuses to overwrite it without --force', async () => {
    const file = join(dir.path, 'flakestorm.yaml');
    const first = await runCli(['init', file]);
    expect(first.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('golden_prompts');
    const again = await runCli(['init', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect((await runCli(['init', file, '--force'])).code).toBe(0);
    const valid = await runCli(['validate', '-c', file]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain('is valid');
  });

  it('schema prints a JSON Schema', async () => {
    const result = await runCli(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.properties.golden_prompts).toBeDefined();
    expect(existsSync(join(dir.path, 'schema.json'))).toBe(false);
  });
});
