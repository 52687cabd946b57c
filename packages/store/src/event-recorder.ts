import type { RunEvent } from '@flakestorm/core';
import type { RunRecorder } from './run-recorder.js';
import type { RunScope, Store } from './store.js';

/** Feeds a run's engine events into the store; `onEvent` is synchronous, as the engine requires. */
export interface StoreEventRecorder {
  onEvent(event: RunEvent): void;
  /** Resolves once everything is committed; rejects with the first store failure. */
  done(): Promise<void>;
  /** The run id once the run has started. */
  readonly runId: string | undefined;
}

/**
 * Files the run on `run.start`, streams `case.result`s into batches, and writes the summary on
 * `run.end`. Results arriving before the run row exists wait in a small buffer (the row insert is
 * one round trip), so nothing is dropped and memory stays flat.
 */
export function recordRunEvents(store: Store, scope: RunScope = {}): StoreEventRecorder {
  let recorder: RunRecorder | undefined;
  let starting: Promise<RunRecorder> | undefined;
  let pending: RunEvent[] = [];
  let finishing: Promise<void> | undefined;
  let failure: unknown;
  let runId: string | undefined;

  const apply = (event: RunEvent, rec: RunRecorder) => {
    if (event.type === 'case.result') rec.add(event.result);
    if (event.type === 'run.end') {
      finishing = rec.finish(event.meta, event.summary).catch((error: unknown) => {
        failure ??= error;
      });
    }
  };

  return {
    get runId() {
      return runId;
    },
    onEvent(event) {
      if (event.type === 'run.start') {
        runId = event.meta.runId;
        starting = store.startRun(event.meta, event.totalCases, scope);
        starting.then(
          (rec) => {
            recorder = rec;
            const queued = pending;
            pending = [];
            for (const e of queued) apply(e, rec);
          },
          (error: unknown) => {
            failure ??= error;
          },
        );
        return;
      }
      if (event.type !== 'case.result' && event.type !== 'run.end') return;
      if (recorder) apply(event, recorder);
      else if (starting) pending.push(event);
    },
    async done() {
      if (starting) await starting.catch(() => undefined);
      if (recorder && !finishing)
        await recorder.flush().catch((error: unknown) => {
          failure ??= error;
        });
      await finishing;
      if (failure) throw failure;
    },
  };
}
