import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './start-server.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

describe('authentication', () => {
  let server: TestServer | RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers 401 on every /api route without a valid bearer token, and serves health without one', async () => {
    const s = await startTestServer();
    server = s;
    for (const path of ['/api/runs', '/api/projects', '/api/agents', '/api/trends', '/api/openapi.json']) {
      expect((await fetch(`${s.url}${path}`)).status).toBe(401);
      expect((await fetch(`${s.url}${path}`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(
        401,
      );
    }
    expect(
      (
        await fetch(`${s.url}/api/scan`, {
          method: 'POST',
          body: '{"text":"x"}',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(401);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
    expect((await s.api('/api/runs')).status).toBe(200);
  });

  it('generates an admin token on first start only, keeping just its hash', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'fs-auth-')), 'flakestorm.db');
    const first = await startServer({ port: 0, db, env: {} });
    const token = first.adminToken;
    expect(token).toMatch(/^fst_[\w-]{40,}$/);
    expect(
      (await fetch(`${first.url}/api/runs`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    await first.close();
    const second = await startServer({ port: 0, db, env: {} });
    server = second;
    expect(second.adminToken).toBeUndefined();
    expect(
      (await fetch(`${second.url}/api/runs`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
  });

  it('refuses to bind beyond loopback before authentication is configured', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'fs-auth-')), 'flakestorm.db');
    await expect(startServer({ port: 0, host: '0.0.0.0', db, env: {} })).rejects.toMatchObject({
      code: 'FLAKESTORM_USAGE',
    });
  });

  it('serves a valid OpenAPI 3.1 document describing the routes', async () => {
    const s = await startTestServer();
    server = s;
    const doc = (await (await s.api('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/runs',
      '/api/runs/{id}',
      '/api/runs/{id}/results',
      '/api/trends',
      '/api/compare',
      '/api/scan',
      '/api/agents',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
