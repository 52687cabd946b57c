import type { RunEvent } from './events.js';
import type { RunMeta } from './report.js';
import type { CaseResult } from './result.js';
import type { RunSummary } from './summary.js';

/** Where a run's history goes, result by result (the store implements it). */
export interface RunRecorder {
  /** Queues a result as it completes. */
  add(result: CaseResult): void;
  /** Commits everything, then the final status and summary. */
  finish(meta: RunMeta, summary: RunSummary): Promise<void>;
  /** Commits what is queued (used when a run ends without run.end). */
  flush?(): Promise<void>;
  /** Marks the run failed: it stopped on an operational error (e.g. the target was unreachable at preflight). */
  fail?(error: { code: string; message: string }): Promise<void>;
}

/** Opens a recorder when a run starts. */
export type RunRecorderFactory = (meta: RunMeta, totalCases: number) => Promise<RunRecorder>;

/** An event listener that feeds a recorder; `done` waits for it and rethrows its first failure. */
export interface RecorderListener {
  onEvent(event: RunEvent): void;
  done(): Promise<void>;
}

/**
 * Opens the recorder on `run.start`, streams `case.result`s into it and finishes it on `run.end`.
 * Engine listeners are synchronous while opening a recorder is not: results arriving meanwhile wait
 * in a small buffer (one round trip's worth), so nothing is dropped and memory stays flat.
 */
export function createRecorderListener(open: RunRecorderFactory): RecorderListener {
  let recorder: RunRecorder | undefined;
  let opening: Promise<void> | undefined;
  let early: CaseResult[] = [];
  let finishing: Promise<void> | undefined;
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown) => {
    failure ??= { error };
  };
  const finish = (rec: RunRecorder, meta: RunMeta, summary: RunSummary) => {
    finishing = rec.finish(meta, summary).catch(fail);
  };
  let pendingEnd: { meta: RunMeta; summary: RunSummary } | undefined;
  let pendingError: { code: string; message: string } | undefined;
  const failRun = (rec: RunRecorder, error: { code: string; message: string }) => {
    if (rec.fail) finishing = rec.fail(error).catch(fail);
  };

  return {
    onEvent(event) {
      if (event.type === 'run.start') {
        opening = open(event.meta, event.totalCases).then((rec) => {
          for (const result of early) rec.add(result);
          early = [];
          recorder = rec;
          if (pendingEnd) finish(rec, pendingEnd.meta, pendingEnd.summary);
          else if (pendingError) failRun(rec, pendingError);
        }, fail);
      } else if (event.type === 'case.result') {
        if (recorder) recorder.add(event.result);
        else if (opening) early.push(event.result);
      } else if (event.type === 'run.end') {
        if (recorder) finish(recorder, event.meta, event.summary);
        else if (opening) pendingEnd = { meta: event.meta, summary: event.summary };
      } else if (event.type === 'run.error') {
        const error = { code: event.code, message: event.message };
        if (recorder) failRun(recorder, error);
        else if (opening) pendingError = error;
      }
    },
    async done() {
      await opening;
      if (!finishing && recorder?.flush) await recorder.flush().catch(fail);
      await finishing;
      if (failure) throw failure.error;
    },
  };
}
