import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../plugin/plugin.js';
import { createRegistry } from '../plugin/registry.js';
import { httpTargetFactory } from '../target/http-target.js';
import { closedPort } from '../target/test-helpers.test-util.js';
import { collect, httpSpec, makePlan, spec, testMutators } from './run-fixtures.test-util.js';
import { runPlan } from './run-plan.js';

// A real agent on 127.0.0.1: echoes prompts, is briefly overloaded (503 + Retry-After) on variant #1,
// always fails (500) on variant #2, and counts what it saw.
let server: Server;
let url: string;
const seen = new Map<string, number>();
let posts = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      if (req.method !== 'POST') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      posts++;
      const prompt = String((JSON.parse(body || '{}') as { prompt?: unknown }).prompt ?? '');
      const count = (seen.get(prompt) ?? 0) + 1;
      seen.set(prompt, count);
      if (prompt.includes('#1-') && count === 1) {
        res
          .writeHead(503, { 'retry-after': '0', 'content-type': 'application/json' })
          .end('{"error":"busy"}');
      } else if (prompt.includes('#2-')) {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"boom"}');
      } else {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ output: `echo: ${prompt}` }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/invoke`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('runPlan against a real HTTP agent', () => {
  it('creates the target from the plan, retries 503 with Retry-After, records 500s, and closes', async () => {
    const registry = createRegistry([
      definePlugin({ name: 't', mutators: testMutators, targets: [httpTargetFactory] }),
    ]);
    const plan = makePlan(
      {
        target: httpSpec(url),
        goldenPrompts: [{ text: 'Book a flight', vars: {} }],
        mutations: [spec('suffix', 4)],
      },
      { retries: 2, retryBaseMs: 1, concurrency: 2 },
    );
    const events = collect();
    const outcome = await runPlan(plan, {
      registry,
      onEvent: events.on,
      keepResults: true,
      checks: async (o) => [
        {
          type: 'contains',
          id: 'echo',
          passed: o.response.startsWith('echo:'),
          reason: 'echo',
          severity: 'medium',
        },
      ],
    });
    const results = outcome.results ?? [];
    expect(results.map((r) => r.passed)).toEqual([true, true, false, true]);
    expect(results[0]?.response).toBe(`echo: ${results[0]?.mutated}`);
    expect(results[2]).toMatchObject({ status: 500, error: { cause: 'http_status', status: 500 } });
    expect(events.of('case.retry')).toHaveLength(1);
    expect(events.of('case.retry')[0]).toMatchObject({ attempt: 1, delayMs: 0 });
    expect(posts).toBe(5);
    expect(outcome.meta.agent).toEqual({ kind: 'http', description: expect.stringContaining('127.0.0.1') });
    expect(outcome.summary).toMatchObject({
      total: 4,
      passed: 3,
      errored: 1,
      errorsByCause: { http_status: 1 },
    });
  });

  it('fails fast with FLAKESTORM_TARGET_UNREACHABLE when nothing listens', async () => {
    const registry = createRegistry([
      definePlugin({ name: 't', mutators: testMutators, targets: [httpTargetFactory] }),
    ]);
    const port = await closedPort();
    const plan = makePlan({ target: httpSpec(`http://127.0.0.1:${port}/invoke`) });
    await expect(runPlan(plan, { registry, checks: async () => [] })).rejects.toMatchObject({
      code: 'FLAKESTORM_TARGET_UNREACHABLE',
    });
  });
});
