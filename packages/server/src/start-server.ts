import { isIP } from 'node:net';
import { builtinPlugin, createRegistry, FlakestormError, type Plugin } from '@flakestorm/core';
import { reportersPlugin } from '@flakestorm/reporters';
import { createStore, type Store } from '@flakestorm/store';
import type { FastifyInstance } from 'fastify';
import { setupAdminToken } from './auth/admin-token.js';
import type { ApiConfigPolicy } from './config-policy.js';
import { createApp } from './create-server.js';
import { createRunEventHub } from './runs/run-event-hub.js';
import { createInProcessQueue, type RunQueue } from './runs/run-queue.js';
import { createStoreExecutor } from './runs/store-executor.js';

/** Options of `flakestorm serve`. */
export interface ServeOptions {
  port?: number;
  host?: string;
  /** Store URL (SQLite path or postgres://); default FLAKESTORM_DATABASE_URL or the local SQLite file. */
  db?: string;
  /** An already-open store (tests, embedding); the server then does not close it. */
  store?: Store;
  /** Environment for FLAKESTORM_ADMIN_TOKEN (default process.env). */
  env?: Record<string, string | undefined>;
  webDir?: string;
  baseDir?: string;
  plugins?: Plugin[];
  /** Let configs sent over the API run code here (module/command agents, custom invariants, plugins). */
  allowCode?: boolean;
  /** Environment variables configs sent over the API may read (`${NAME}`, `api_key_env`); none by default. */
  allowEnv?: string[];
  /** Runs executed at once by the in-process worker. */
  concurrency?: number;
  /** Runs waiting or running at once before POST /api/runs answers 429 (default 100). */
  maxQueuedRuns?: number;
  logger?: boolean;
}

/** A listening server. */
export interface RunningServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  queue: RunQueue;
  /** Set only on the first start of a store without FLAKESTORM_ADMIN_TOKEN: print it once. */
  adminToken?: string;
  /** Graceful shutdown: in-flight runs stop and are marked interrupted, then the store closes. */
  close(): Promise<void>;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/** Opens the store, sets up the admin token, builds the app and listens (127.0.0.1 unless told otherwise). */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const env = options.env ?? process.env;
  const store = options.store ?? (await createStore(options.db ? { url: options.db } : {}));
  const ownsStore = options.store === undefined;
  try {
    const token = await setupAdminToken(store, env.FLAKESTORM_ADMIN_TOKEN);
    if (!isLoopback(host) && !token.configured) {
      throw new FlakestormError(
        'FLAKESTORM_USAGE',
        `Refusing to listen on ${host} before authentication is configured.`,
        {
          hint: 'Set FLAKESTORM_ADMIN_TOKEN to a long random secret (or start once on 127.0.0.1 to generate one), then bind to other addresses.',
        },
      );
    }
    const registry = createRegistry([builtinPlugin, reportersPlugin, ...(options.plugins ?? [])]);
    const hub = createRunEventHub();
    const policy: ApiConfigPolicy = {
      allowCode: options.allowCode ?? false,
      allowEnv: options.allowEnv ?? [],
      env,
    };
    const app0 = { log: undefined as FastifyInstance['log'] | undefined };
    const executor = createStoreExecutor({
      store,
      hub,
      registry,
      policy,
      onFailure: (runId, error) =>
        app0.log?.warn({ runId, code: (error as { code?: string }).code }, error.message),
    });
    const queue = createInProcessQueue(executor, { concurrency: options.concurrency ?? 2 });
    const app = await createApp(
      {
        store,
        queue,
        hub,
        registry,
        policy,
        baseDir: options.baseDir ?? process.cwd(),
        ...(options.maxQueuedRuns ? { maxQueuedRuns: options.maxQueuedRuns } : {}),
      },
      {
        ...(token.envHash ? { envTokenHash: token.envHash } : {}),
        ...(options.webDir ? { webDir: options.webDir } : {}),
        logger: options.logger ?? false,
      },
    );
    app0.log = app.log;
    const address = await app.listen({ port: options.port ?? 8787, host });
    let closing: Promise<void> | undefined;
    return {
      url: address,
      app,
      store,
      queue,
      ...(token.generated ? { adminToken: token.generated } : {}),
      close() {
        closing ??= (async () => {
          await queue.shutdown();
          await app.close();
          if (ownsStore) await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }
}
