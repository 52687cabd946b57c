import { createRecorderListener, type RecorderListener } from '@flakestorm/core';
import type { RunScope, Store } from './store.js';

/** Feeds a run's engine events into the store; `onEvent` is synchronous, as the engine requires. */
export type StoreEventRecorder = RecorderListener;

/** Files the run on `run.start`, streams results into batches and writes the summary on `run.end`. */
export function recordRunEvents(store: Store, scope: RunScope = {}): StoreEventRecorder {
  return createRecorderListener((meta, totalCases) => store.startRun(meta, totalCases, scope));
}
