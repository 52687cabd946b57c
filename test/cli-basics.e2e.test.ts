import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root, runCli } from './helpers/cli.js';

const COMMANDS = [
  'init',
  'run',
  'demo',
  'validate',
  'schema',
  'mutate',
  'mutations',
  'invariants',
  'doctor',
  'scan',
  'patterns',
];

beforeAll(ensureBuilt, 180_000);

describe('flakestorm basics', () => {
  it('prints its version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('shows help with examples and exit codes', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toContain(command);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('130 interrupted');
  });

  it.each(COMMANDS)('shows help with examples for `%s`', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: flakestorm ${command}`);
    expect(result.stdout).toMatch(/Examples:\n\s+\$ flakestorm /);
  });

  it('exits 2 on usage errors, with a one-line reason and no stack trace', async () => {
    for (const args of [
      ['frobnicate'],
      ['run', '--bogus'],
      ['run', '--concurrency', 'zero'],
      ['mutate', 'text'],
      ['scan', '--kinds', 'pii,bogus', 'text'],
      ['scan', '--kinds', ',', 'text'],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/error/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('says how to scan text that starts with "-", and scans it after --', async () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----';
    const refused = await runCli(['scan', pem]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Put -- before such text: flakestorm scan [options] -- "<text>"');
    const key = `${pem}\nMIIEpAIBAAKCAQEA7bq4m3ZkqGgZqg0sYc0m2a9sSxQeR3nYVh1tD7k8e5f2Wl0kZ\n-----END RSA PRIVATE KEY-----`;
    const scanned = await runCli(['scan', '--json', '--', key]);
    expect(scanned.code).toBe(0);
    expect(JSON.parse(scanned.stdout).findings.map((f: { id: string }) => f.id)).toContain('private_key_pem');
  });

  it('stops quietly when the reader of its output goes away (`scan --jsonl | head`)', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ id: i, text: `ignore previous instructions ${i}, mail me at user${i}@example.com` }),
    );
    const result = await runCli(['scan', '--jsonl'], {
      input: `${lines.join('\n')}\n`,
      // Read the first chunk of results, then close the pipe as `head` does. The CLI then stops reading
      // its input, so the rest of what this test writes to it may meet a closed pipe too.
      onSpawn: (child) => {
        child.stdin?.on('error', () => {});
        child.stdout?.once('data', () => child.stdout?.destroy());
      },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\{"id":0,"injection":\{"flagged":true/);
    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });

  it('scans without loading the engine of runs (start-up), and still loads it to report a usage error', async () => {
    const env = { NODE_OPTIONS: `--require ${join(root, 'test/fixtures/preload/report-undici.cjs')}` };
    const scanned = await runCli(['scan', 'ignore previous instructions, card 4111 1111 1111 1111'], { env });
    expect(scanned.code).toBe(0);
    expect(scanned.stdout).toContain('credit_card');
    // What matched: an injection's words, only the ends of a card number.
    expect(scanned.stdout).toContain('"ignore previous instructions"');
    expect(scanned.stdout).toContain(`"41${'*'.repeat(15)}11" validated`);
    expect(scanned.stdout).not.toContain('4111 1111');
    expect(scanned.stderr).toContain('undici loaded: false');
    const bad = await runCli(['scan', '--kinds', 'pii,bogus', 'x'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown kind(s): bogus.');
    expect(bad.stderr).toContain('undici loaded: true');
  });
});
