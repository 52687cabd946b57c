import type { Registry } from '@flakestorm/core';
import type { Store } from '@flakestorm/store';
import type { ApiConfigPolicy } from './config-policy.js';
import type { RunEventHub } from './runs/run-event-hub.js';
import type { RunQueue } from './runs/run-queue.js';

/** What the routes share: the store, the run queue, live events and the plugin registry. */
export interface ServerDeps {
  store: Store;
  queue: RunQueue;
  hub: RunEventHub;
  registry: Registry;
  /** Folder that relative paths in configs submitted over the API resolve against. */
  baseDir: string;
  /** What configs sent over the API may do (run code, read which variables). */
  policy: ApiConfigPolicy;
  /** Runs waiting or running at once; beyond it POST /api/runs answers 429 (default 100). */
  maxQueuedRuns?: number;
}
