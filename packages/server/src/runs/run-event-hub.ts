import type { RunEvent } from '@flakestorm/core';

/** What a live subscriber gets: progress events, small enough to stream (results are fetched by page). */
export type LiveRunEvent =
  | { type: 'progress'; runId: string; completed: number; total: number; passed: number; failed: number }
  | { type: 'status'; runId: string; status: string; robustness?: number }
  | { type: 'warning'; runId: string; message: string };

type Listener = (event: LiveRunEvent) => void;

/** Fans a run's engine events out to server-sent-event subscribers; keeps only the latest progress. */
export interface RunEventHub {
  publish(runId: string, event: RunEvent): void;
  subscribe(runId: string, listener: Listener): () => void;
  /** The latest progress and status, for a subscriber that joins late. */
  snapshot(runId: string): LiveRunEvent[];
  end(runId: string): void;
}

/** Creates a hub; memory per run is bounded (two events), whatever the run's size. */
export function createRunEventHub(): RunEventHub {
  const listeners = new Map<string, Set<Listener>>();
  const latest = new Map<string, { progress?: LiveRunEvent; status?: LiveRunEvent }>();

  const emit = (runId: string, event: LiveRunEvent) => {
    const slot = latest.get(runId) ?? {};
    if (event.type === 'progress') slot.progress = event;
    if (event.type === 'status') slot.status = event;
    latest.set(runId, slot);
    for (const listener of listeners.get(runId) ?? []) listener(event);
  };

  return {
    publish(runId, event) {
      switch (event.type) {
        case 'run.start':
          emit(runId, { type: 'status', runId, status: 'running' });
          emit(runId, {
            type: 'progress',
            runId,
            completed: 0,
            total: event.totalCases,
            passed: 0,
            failed: 0,
          });
          break;
        case 'case.result':
          emit(runId, {
            type: 'progress',
            runId,
            completed: event.completed,
            total: event.total,
            passed: event.passed,
            failed: event.failed,
          });
          break;
        case 'warning':
          emit(runId, { type: 'warning', runId, message: event.message });
          break;
        case 'run.end':
          emit(runId, {
            type: 'status',
            runId,
            status: event.meta.status,
            robustness: event.summary.robustness,
          });
          break;
        case 'run.error':
          emit(runId, { type: 'status', runId, status: 'failed' });
          break;
        default:
          break;
      }
    },
    subscribe(runId, listener) {
      const set = listeners.get(runId) ?? new Set();
      set.add(listener);
      listeners.set(runId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(runId);
      };
    },
    snapshot(runId) {
      const slot = latest.get(runId);
      return [slot?.status, slot?.progress].filter((e): e is LiveRunEvent => e !== undefined);
    },
    end(runId) {
      // Keep the final snapshot a while for late subscribers, then forget it.
      setTimeout(() => latest.delete(runId), 60_000).unref();
    },
  };
}
