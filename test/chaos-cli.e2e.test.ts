import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startOrderApi } from '@flakestorm/demo-agent';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp-dir.js';

beforeAll(ensureBuilt, 180_000);

const HEAD =
  'version: "2.0"\nagent:\n  endpoint: http://127.0.0.1:9/invoke\ngolden_prompts:\n  - hello\ninvariants:\n  - type: output_not_empty\n';

describe('flakestorm proxy', () => {
  it('runs standalone, faults by rule, prints each exchange, and stops on SIGINT', async () => {
    const orders = await startOrderApi();
    const dir = tempDir();
    try {
      const config = join(dir.path, 'flakestorm.yaml');
      writeFileSync(
        config,
        `${HEAD}chaos:\n  routes:\n    /tools/orders: ${orders.url}/orders\n  tool_faults:\n    - tool: orders\n      mode: reset\n      for_calls: 1\n`,
      );
      const statuses: string[] = [];
      const result = await runCli(['proxy', '-c', config, '--port', '0'], {
        onSpawn: (child, output) => {
          const poll = setInterval(async () => {
            const url = /chaos proxy on (http:\/\/[\d.:]+)/.exec(output.stderr())?.[1];
            if (!url) return;
            clearInterval(poll);
            for (let i = 0; i < 2; i++) {
              try {
                const response = await fetch(`${url}/tools/orders/A-88412`);
                statuses.push(String(response.status));
                await response.text();
              } catch {
                statuses.push('reset');
              }
            }
            const printed = setInterval(() => {
              if (output.stdout().split('\n').filter(Boolean).length >= 2) {
                clearInterval(printed);
                child.kill('SIGINT');
              }
            }, 20);
          }, 50);
        },
      });
      expect(result.code).toBe(0);
      expect(statuses).toEqual(['reset', '200']);
      const lines = result.stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^--- .* GET .*\/orders\/A-88412 {2}reset$/);
      expect(lines[1]).toMatch(/^200 .* GET .*\/orders\/A-88412 {2}-$/);
    } finally {
      dir.cleanup();
      await orders.close();
    }
  });

  it('reports bad rules as config errors with file:line:col', async () => {
    const dir = tempDir();
    try {
      const config = join(dir.path, 'flakestorm.yaml');
      writeFileSync(
        config,
        `${HEAD}chaos:\n  routes:\n    /tools/orders: http://127.0.0.1:9\n  tool_faults:\n    - tool: payments\n      mode: error\n`,
      );
      const result = await runCli(['proxy', '-c', config]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `${config}:12:13 chaos.tool_faults[0].tool: no route serves tool \`payments\``,
      );
    } finally {
      dir.cleanup();
    }
  });
});

describe('flakestorm demo --chaos', () => {
  it('faults the demo agent upstream calls and records them on each case', async () => {
    const dir = tempDir();
    try {
      const json = join(dir.path, 'report.json');
      const result = await runCli(['demo', '--chaos', '--ci', '--json', json, '--out-dir', dir.path], {
        cwd: dir.path,
        timeoutMs: 120_000,
      });
      expect(result.stderr).toContain('flakestorm chaos proxy on http://127.0.0.1:');
      const report = JSON.parse(readFileSync(json, 'utf8')) as {
        results: Array<{ exchanges: Array<{ route: string; fault: string | null }> }>;
      };
      const exchanges = report.results.flatMap((r) => r.exchanges);
      expect(new Set(exchanges.map((e) => e.route))).toEqual(new Set(['llm', 'tools/orders']));
      const faults = new Set(exchanges.map((e) => e.fault).filter((f) => f !== null));
      for (const fault of ['status:503', 'stream-cut', 'rate-limit', 'corrupt-tool-args'])
        expect(faults).toContain(fault);
    } finally {
      dir.cleanup();
    }
  }, 150_000);
});
