/** The abort reason of a run a user cancelled (a shutdown aborts with another reason: the run is interrupted). */
export class RunCancelledError extends Error {
  constructor() {
    super('cancelled by user');
  }
}

/** A run waiting to execute: the config text and where to file it. */
export interface RunJob {
  runId: string;
  configYaml: string;
  /** Folder relative paths in the config resolve against. */
  baseDir: string;
  workspace: string;
  project: string;
  agentId?: string;
}

/** Executes one job; resolves when the run has ended (whatever its status). */
export type RunExecutor = (job: RunJob, signal: AbortSignal) => Promise<void>;

/**
 * Where the server puts runs. This in-process queue is one implementation; distributed workers
 * (Redis/BullMQ or PostgreSQL) implement the same interface later.
 */
export interface RunQueue {
  enqueue(job: RunJob): Promise<void>;
  /** Cancels a queued or running job; false when unknown. */
  cancel(runId: string): boolean;
  /** Jobs waiting plus running. */
  size(): number;
  /** Stops taking jobs, aborts running ones (they end as interrupted) and waits for them. */
  shutdown(): Promise<void>;
}

/** Runs jobs in this process, `concurrency` at a time, in arrival order. */
export function createInProcessQueue(execute: RunExecutor, options: { concurrency?: number } = {}): RunQueue {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const waiting: RunJob[] = [];
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  let closed = false;

  const pump = () => {
    while (!closed && running.size < concurrency && waiting.length > 0) {
      const job = waiting.shift() as RunJob;
      const controller = new AbortController();
      const done = execute(job, controller.signal)
        .catch(() => undefined)
        .finally(() => {
          running.delete(job.runId);
          pump();
        });
      running.set(job.runId, { controller, done });
    }
  };

  return {
    async enqueue(job) {
      if (closed) throw new Error('The run queue is shut down.');
      waiting.push(job);
      pump();
    },
    cancel(runId) {
      const index = waiting.findIndex((j) => j.runId === runId);
      if (index >= 0) {
        waiting.splice(index, 1);
        return true;
      }
      const active = running.get(runId);
      active?.controller.abort(new RunCancelledError());
      return active !== undefined;
    },
    size: () => waiting.length + running.size,
    async shutdown() {
      closed = true;
      waiting.length = 0;
      const active = [...running.values()];
      for (const r of active) r.controller.abort(new Error('server shutting down'));
      await Promise.all(active.map((r) => r.done));
    },
  };
}
