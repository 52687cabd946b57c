import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinPlugin, createRegistry, createRunId, type RunMeta } from '@flakestorm/core';
import { createStore, type Store } from '@flakestorm/store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from './auth/tokens.js';
import { createApp } from './create-server.js';
import { createRunEventHub, type RunEventHub } from './runs/run-event-hub.js';
import { createInProcessQueue } from './runs/run-queue.js';

const token = 'sse-test-token-0123456789';

function meta(runId: string): RunMeta {
  return {
    runId,
    status: 'queued',
    startedAt: new Date().toISOString(),
    tool: { name: 'flakestorm', version: '0' },
    configHash: '',
    configSource: 'inline',
    agent: { kind: 'http', description: 'POST http://127.0.0.1:9/' },
    seed: 1,
    mutationTypes: [],
    invariants: [],
    warnings: [],
  };
}

describe('live events of a run', () => {
  let app: FastifyInstance;
  let store: Store;
  let hub: RunEventHub;
  let url: string;
  beforeAll(async () => {
    store = await createStore({ url: join(mkdtempSync(join(tmpdir(), 'fs-sse-')), 'f.db') });
    hub = createRunEventHub();
    const queue = createInProcessQueue(async () => undefined);
    app = await createApp(
      {
        store,
        hub,
        queue,
        registry: createRegistry([builtinPlugin]),
        baseDir: process.cwd(),
        policy: { allowCode: false, allowEnv: [], env: {} },
      },
      { envTokenHash: hashToken(token) },
    );
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('end when the run ended between reading it and subscribing (the hub knows, the store not yet)', async () => {
    const runId = createRunId();
    await store.queueRun(meta(runId));
    // The worker has published the end; the store write of the final status is still in flight.
    hub.publish(runId, { type: 'run.error', code: 'FLAKESTORM_INTERNAL', message: 'boom' });
    const res = await fetch(`${url}/api/runs/${runId}/events`, {
      headers: { authorization: `Bearer ${token}` },
      // A stream that never ends fails here instead of hanging the suite.
      signal: AbortSignal.timeout(5000),
    });
    const text = await res.text();
    expect(text).toMatch(/event: status\ndata: .*"status":"failed"/);
  });

  it('answer 404 for an unknown run and 401 without a token', async () => {
    const unknown = await fetch(`${url}/api/runs/nope/events`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(unknown.status).toBe(404);
    const anonymous = await fetch(`${url}/api/runs/nope/events`);
    expect(anonymous.status).toBe(401);
  });
});
