import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DemoAgent, startDemoAgent } from '@flakestorm/demo-agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root, runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp-dir.js';

const fixtures = join(root, 'test/fixtures/python');
const dir = tempDir();
let agent: DemoAgent;

beforeAll(async () => {
  await ensureBuilt();
  agent = await startDemoAgent({ port: 0, host: '127.0.0.1', slowMs: 50 });
}, 180_000);
afterAll(async () => {
  await agent?.close();
  dir.cleanup();
});

/** A temporary copy of a fixture with only the endpoint's origin replaced by the demo agent's. */
function withDemoEndpoint(name: string): string {
  const text = readFileSync(join(fixtures, name), 'utf8');
  const replaced = text.replace(/^(\s*endpoint:\s*)"http:\/\/localhost:\d+/m, `$1"${agent.url}`);
  expect(replaced).not.toBe(text);
  const folder = join(dir.path, name.replace(/\.yaml$/, ''));
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'flakestorm.yaml');
  writeFileSync(path, replaced);
  return path;
}

describe.each(['v1-broken-agent.yaml', 'v1-keywords-extractor.yaml', 'v1-example.yaml', 'v2-chaos.yaml'])(
  'Python Flakestorm config %s',
  (name) => {
    it('validates unchanged and runs against the demo agent', async () => {
      const config = withDemoEndpoint(name);
      const valid = await runCli(['validate', '-c', config]);
      expect(valid.stderr).not.toMatch(/^error/m);
      expect(valid.code).toBe(0);
      const json = join(dir.path, `${name}.json`);
      const result = await runCli(['run', '-c', config, '--json', json, '--no-store', '--ci'], {
        timeoutMs: 120_000,
      });
      expect(result.stderr).not.toMatch(/^error/m);
      expect(result.code).toBe(0);
      const report = JSON.parse(readFileSync(json, 'utf8')) as {
        summary: { total: number; robustness: number };
      };
      expect(report.summary.total).toBeGreaterThan(0);
      expect(report.summary.robustness).toBeGreaterThanOrEqual(0);
    }, 150_000);
  },
);
