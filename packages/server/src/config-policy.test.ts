import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server.js';

// A module that would prove code ran on the server if it were ever imported.
const dir = mkdtempSync(join(tmpdir(), 'fs-policy-'));
const marker = join(dir, 'ran.txt');
writeFileSync(
  join(dir, 'evil.mjs'),
  `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default async () => 'ok';\nexport const check = () => ({ passed: true });\n`,
);

const base = (agent: string, extra = '') => `version: "3"
${agent}
golden_prompts:
  - "hello"
mutations:
  count: 1
  types: [noise]
invariants:
  - type: output_not_empty
${extra}`;

const httpAgent = `agent:\n  type: http\n  endpoint: "http://127.0.0.1:9/invoke"`;

const codeConfigs: Array<[string, string, RegExp]> = [
  ['a module target', base(`agent:\n  type: module\n  path: ${join(dir, 'evil.mjs')}`), /module/],
  [
    'a command target',
    base(`agent:\n  type: command\n  command: node\n  args: ["${join(dir, 'evil.mjs')}"]`),
    /command/,
  ],
  [
    'a custom invariant',
    base(httpAgent).replace(
      '  - type: output_not_empty',
      `  - type: custom\n    module: ${join(dir, 'evil.mjs')}\n    export: check`,
    ),
    /custom/,
  ],
  ['plugins', base(httpAgent, `plugins: ["${join(dir, 'evil.mjs')}"]\n`), /plugin/],
];

describe('configs submitted over the API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      env: { FLAKESTORM_ADMIN_TOKEN: 'test-admin-token-0123456789', SERVER_SECRET: 's3cr3t-value' },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(codeConfigs)(
    'rejects %s on every route unless the server allows code',
    async (_name, yaml, what) => {
      for (const [path, method, body] of [
        ['/api/runs', 'POST', { configYaml: yaml }],
        ['/api/agents', 'PUT', { name: 'evil', configYaml: yaml }],
      ] as const) {
        const res = await server.api(path, { method, body: JSON.stringify(body) });
        expect(res.status).toBe(400);
        const answer = (await res.json()) as { error: { code: string; message: string; hint?: string } };
        expect(answer.error.code).toBe('FLAKESTORM_CONFIG_UNSUPPORTED');
        expect(answer.error.message).toMatch(what);
        expect(answer.error.hint).toContain('--allow-code');
      }
      const validation = (await (
        await server.api('/api/config/validate', {
          method: 'POST',
          body: JSON.stringify({ configYaml: yaml }),
        })
      ).json()) as { valid: boolean; message?: string };
      expect(validation.valid).toBe(false);
      expect(validation.message).toMatch(what);
    },
  );

  it('does not let a config read the server environment through variables or api_key_env', async () => {
    const viaInterpolation = base(`agent:\n  type: http\n  endpoint: "http://127.0.0.1:9/\${SERVER_SECRET}"`);
    const res = await server.api('/api/runs', {
      method: 'POST',
      body: JSON.stringify({ configYaml: viaInterpolation }),
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('SERVER_SECRET');
    expect(text).not.toContain('s3cr3t-value');

    const viaKeyEnv = base(
      `agent:\n  type: openai\n  endpoint: "http://127.0.0.1:9/v1"\n  model: m\n  api_key_env: FLAKESTORM_ADMIN_TOKEN`,
    );
    const res2 = await server.api('/api/runs', {
      method: 'POST',
      body: JSON.stringify({ configYaml: viaKeyEnv }),
    });
    expect(res2.status).toBe(400);
    expect(((await res2.json()) as { error: { message: string } }).error.message).toContain(
      'FLAKESTORM_ADMIN_TOKEN',
    );
  });

  it('still accepts a plain HTTP config', async () => {
    const res = await server.api('/api/config/validate', {
      method: 'POST',
      body: JSON.stringify({ configYaml: base(httpAgent) }),
    });
    expect(((await res.json()) as { valid: boolean }).valid).toBe(true);
  });

  it('never imported any of the modules', async () => {
    const { existsSync } = await import('node:fs');
    expect(existsSync(marker)).toBe(false);
  });
});

describe('a server started with allowCode and allowEnv', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      env: { FLAKESTORM_ADMIN_TOKEN: 'test-admin-token-0123456789', AGENT_KEY: 'k' },
      allowCode: true,
      allowEnv: ['AGENT_KEY'],
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('accepts code-running configs and the allowed variables', async () => {
    const first = codeConfigs[0] as [string, string, RegExp];
    const res = await server.api('/api/config/validate', {
      method: 'POST',
      body: JSON.stringify({ configYaml: first[1] }),
    });
    expect(((await res.json()) as { valid: boolean }).valid).toBe(true);
  });
});

describe('a run waiting in the queue', () => {
  let server: TestServer;
  const hanging = createServer(() => undefined);
  beforeAll(async () => {
    server = await startTestServer({ concurrency: 1 });
    await new Promise<void>((done) => hanging.listen(0, '127.0.0.1', done));
  });
  afterAll(async () => {
    await server.close();
    hanging.closeAllConnections();
    hanging.close();
  });

  it('shows its agent URL with credentials masked', async () => {
    const busy = base(
      `agent:\n  type: http\n  endpoint: "http://127.0.0.1:${(hanging.address() as AddressInfo).port}/"`,
    );
    const first = await server.api('/api/runs', {
      method: 'POST',
      body: JSON.stringify({ configYaml: busy }),
    });
    expect(first.status).toBe(202);
    const yaml = base(
      `agent:\n  type: http\n  endpoint: "http://user:hunter2pw@127.0.0.1:9/invoke?api_key=k3y-value&x=1"`,
    );
    const res = await server.api('/api/runs', { method: 'POST', body: JSON.stringify({ configYaml: yaml }) });
    expect(res.status).toBe(202);
    const { runId } = (await res.json()) as { runId: string };
    const queued = (await (await server.api(`/api/runs/${runId}`)).json()) as { status: string };
    expect(queued.status).toBe('queued');
    const text = JSON.stringify(queued);
    expect(text).toContain('127.0.0.1:9');
    expect(text).not.toContain('hunter2pw');
    expect(text).not.toContain('k3y-value');
  });
});
