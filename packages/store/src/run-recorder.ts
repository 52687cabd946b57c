import type { CaseResult, RunMeta, RunSummary } from '@flakestorm/core';
import type { Kysely } from 'kysely';
import { nowIso } from './ids.js';
import type { ResultTable, StoreDatabase } from './schema.js';

/** Writes one run's results as they stream, in batches, each batch one transaction. */
export interface RunRecorder {
  readonly runId: string;
  /** How many results are committed (durable) so far. */
  readonly persisted: number;
  /** Queues a result; it is committed with the next batch. */
  add(result: CaseResult): void;
  /** Resolves when everything queued so far is committed. */
  flush(): Promise<void>;
  /** Commits what is queued, then the final status and summary. */
  finish(meta: RunMeta, summary: RunSummary): Promise<void>;
  /** Commits what is queued and marks the run failed (an operational error stopped it). */
  fail(error: { code: string; message: string }): Promise<void>;
}

/** Scope of the rows a recorder writes. */
export interface RecorderScope {
  runId: string;
  workspaceId: string;
  projectId: string;
}

const MAX_BATCH = 500;
const HEARTBEAT_MS = 5_000;

function toRow(scope: RecorderScope, r: CaseResult): ResultTable {
  return {
    run_id: scope.runId,
    idx: r.index,
    workspace_id: scope.workspaceId,
    project_id: scope.projectId,
    case_id: r.id,
    golden_index: r.goldenIndex,
    mutation_type: r.mutationType,
    passed: r.passed ? 1 : 0,
    latency_ms: r.latencyMs,
    error_cause: r.error?.cause ?? null,
    failed_checks: r.checks
      .filter((c) => !c.passed)
      .map((c) => c.id)
      .join(','),
    result_json: JSON.stringify(r),
  };
}

/**
 * Group commit: the first result starts a transaction at once; results arriving while it commits
 * wait for the next one. Under load batches grow (up to MAX_BATCH); when idle every result is
 * committed immediately, so a run killed with SIGKILL loses at most the batch in flight.
 */
export function createRunRecorder(
  db: Kysely<StoreDatabase>,
  scope: RecorderScope,
  meta: RunMeta,
): RunRecorder {
  let queue: CaseResult[] = [];
  let persisted = 0;
  let counts = { completed: 0, passed: 0, failed: 0, errored: 0 };
  let writing: Promise<void> | undefined;
  let failure: unknown;
  let lastHeartbeat = 0;

  async function writeBatch(batch: CaseResult[]): Promise<void> {
    for (const r of batch) {
      counts = {
        completed: counts.completed + 1,
        passed: counts.passed + (r.passed ? 1 : 0),
        failed: counts.failed + (r.passed ? 0 : 1),
        errored: counts.errored + (r.error ? 1 : 0),
      };
    }
    const snapshot = counts;
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('results')
        .values(batch.map((r) => toRow(scope, r)))
        .onConflict((oc) => oc.columns(['run_id', 'idx']).doNothing())
        .execute();
      await tx
        .updateTable('runs')
        .set({ ...snapshot, heartbeat_at: nowIso() })
        .where('id', '=', scope.runId)
        .execute();
    });
    lastHeartbeat = Date.now();
    persisted += batch.length;
  }

  function pump(): Promise<void> {
    if (writing) return writing;
    if (queue.length === 0) return Promise.resolve();
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(batch.length);
    writing = writeBatch(batch)
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        writing = undefined;
      })
      .then(() => pump());
    return writing;
  }

  const heartbeat = setInterval(() => {
    if (Date.now() - lastHeartbeat < HEARTBEAT_MS || writing) return;
    void db
      .updateTable('runs')
      .set({ heartbeat_at: nowIso() })
      .where('id', '=', scope.runId)
      .execute()
      .then(() => {
        lastHeartbeat = Date.now();
      })
      .catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();

  async function flush(): Promise<void> {
    while (writing || queue.length > 0) await pump();
    if (failure) throw failure;
  }

  return {
    runId: scope.runId,
    get persisted() {
      return persisted;
    },
    add(result) {
      queue.push(result);
      void pump();
    },
    flush,
    async fail(error) {
      try {
        await flush();
      } finally {
        clearInterval(heartbeat);
      }
      await db
        .updateTable('runs')
        .set({
          status: 'failed',
          finished_at: nowIso(),
          heartbeat_at: nowIso(),
          // The reason stays with the run, so history says why it stopped.
          meta_json: JSON.stringify({
            ...meta,
            status: 'failed',
            warnings: [...meta.warnings, `failed: ${error.message} (${error.code})`],
          }),
          ...counts,
        })
        .where('id', '=', scope.runId)
        .execute();
    },
    async finish(meta, summary) {
      try {
        await flush();
      } finally {
        clearInterval(heartbeat);
      }
      await db
        .updateTable('runs')
        .set({
          status: meta.status,
          finished_at: meta.finishedAt ?? nowIso(),
          heartbeat_at: nowIso(),
          robustness: summary.total > 0 ? summary.robustness : null,
          meta_json: JSON.stringify(meta),
          summary_json: JSON.stringify(summary),
          ...counts,
        })
        .where('id', '=', scope.runId)
        .execute();
    },
  };
}
