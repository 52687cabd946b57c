import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@flakestorm/store';
import { type RunningServer, startServer } from '../start-server.js';

/** A server on a free loopback port over a fresh SQLite store, with a known admin token. */
export interface TestServer extends RunningServer {
  token: string;
  /** fetch against the server with the admin token. */
  api(path: string, init?: RequestInit): Promise<Response>;
}

/** Starts a test server over a fresh SQLite file, or over a given store (e.g. an isolated PostgreSQL schema). */
export async function startTestServer(
  options: {
    store?: Store;
    token?: string;
    /** Server environment (FLAKESTORM_ADMIN_TOKEN is set to the token unless given). */
    env?: Record<string, string>;
    allowCode?: boolean;
    allowEnv?: string[];
    /** Runs executed at once (default 2). */
    concurrency?: number;
    maxQueuedRuns?: number;
  } = {},
): Promise<TestServer> {
  const token = options.token ?? options.env?.FLAKESTORM_ADMIN_TOKEN ?? 'test-admin-token-0123456789';
  const db = join(mkdtempSync(join(tmpdir(), 'fs-server-')), 'flakestorm.db');
  const server = await startServer({
    port: 0,
    ...(options.store ? { store: options.store } : { db }),
    env: { FLAKESTORM_ADMIN_TOKEN: token, ...options.env },
    ...(options.allowCode ? { allowCode: true } : {}),
    ...(options.allowEnv ? { allowEnv: options.allowEnv } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.maxQueuedRuns ? { maxQueuedRuns: options.maxQueuedRuns } : {}),
  });
  return {
    ...server,
    token,
    api: (path, init = {}) =>
      fetch(`${server.url}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...(init.headers ?? {}),
        },
      }),
  };
}

/**
 * A config that runs a few quick cases against an HTTP agent. `extra` is appended under `run:`;
 * `invariant` replaces the second check (default: the answer is not empty).
 */
export function quickConfig(url: string, extra = '', invariant = '  - type: output_not_empty\n'): string {
  return `version: "3"
agent:
  type: http
  endpoint: "${url}"
  timeout: 5000
golden_prompts:
  - "What is my order status?"
  - "Cancel my subscription"
mutations:
  count: 2
  types: [noise, paraphrase, prompt_injection]
invariants:
  - type: latency
    max_ms: 4000
${invariant}run:
  concurrency: 4
  seed: 3
${extra}`;
}

/** Polls a run until it has ended. */
export async function waitForRun(
  server: TestServer,
  runId: string,
  timeoutMs = 20_000,
): Promise<{ status: string; robustness: number | null }> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const run = (await (await server.api(`/api/runs/${runId}`)).json()) as {
      status: string;
      robustness: number | null;
    };
    if (!['queued', 'running'].includes(run.status)) return run;
    if (Date.now() > end) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
