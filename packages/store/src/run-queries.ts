import type { RunMeta, RunStatus, RunSummary } from '@flakestorm/core';
import { type Kysely, sql } from 'kysely';
import { nowIso } from './ids.js';
import type { RunTable, StoreDatabase } from './schema.js';

/** A run as listed: header columns, no results. */
export interface RunRecord {
  id: string;
  workspaceId: string;
  projectId: string;
  agentId: string | null;
  status: RunStatus;
  origin: string;
  startedAt: string;
  finishedAt: string | null;
  configHash: string;
  agentKind: string;
  agentDescription: string;
  seed: number;
  totalCases: number;
  completed: number;
  passed: number;
  failed: number;
  errored: number;
  robustness: number | null;
}

/** A run with its full header and summary. */
export interface RunDetail extends RunRecord {
  meta: RunMeta;
  summary: RunSummary | null;
}

/** Filters of the run list; the cursor comes from the previous page. */
export interface RunListFilter {
  workspaceId: string;
  projectId?: string;
  agentId?: string;
  status?: RunStatus;
  /** Matches the agent description, config hash or run id. */
  search?: string;
  limit?: number;
  cursor?: string;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The columns a run list needs: everything but the JSON documents (kept out of list reads and sorts). */
const listColumns = [
  'id',
  'workspace_id',
  'project_id',
  'agent_id',
  'status',
  'origin',
  'started_at',
  'finished_at',
  'heartbeat_at',
  'config_hash',
  'agent_kind',
  'agent_description',
  'seed',
  'total_cases',
  'completed',
  'passed',
  'failed',
  'errored',
  'robustness',
] as const;

function toRecord(r: Omit<RunTable, 'meta_json' | 'summary_json'>): RunRecord {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    projectId: r.project_id,
    agentId: r.agent_id,
    status: r.status as RunStatus,
    origin: r.origin,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    configHash: r.config_hash,
    agentKind: r.agent_kind,
    agentDescription: r.agent_description,
    seed: Number(r.seed),
    totalCases: Number(r.total_cases),
    completed: Number(r.completed),
    passed: Number(r.passed),
    failed: Number(r.failed),
    errored: Number(r.errored),
    robustness: r.robustness === null ? null : Number(r.robustness),
  };
}

/** Inserts a run in status "running". */
export async function insertRun(
  db: Kysely<StoreDatabase>,
  input: {
    meta: RunMeta;
    workspaceId: string;
    projectId: string;
    agentId?: string;
    origin: string;
    totalCases: number;
    status?: RunStatus;
  },
): Promise<void> {
  const { meta } = input;
  await db
    .insertInto('runs')
    .values({
      id: meta.runId,
      workspace_id: input.workspaceId,
      project_id: input.projectId,
      agent_id: input.agentId ?? null,
      status: input.status ?? 'running',
      origin: input.origin,
      started_at: meta.startedAt,
      finished_at: null,
      heartbeat_at: nowIso(),
      config_hash: meta.configHash,
      agent_kind: meta.agent.kind,
      agent_description: meta.agent.description,
      seed: meta.seed,
      total_cases: input.totalCases,
      completed: 0,
      passed: 0,
      failed: 0,
      errored: 0,
      robustness: null,
      meta_json: JSON.stringify(meta),
      summary_json: null,
    })
    // A run queued by the server already has its row: starting it fills in the real header.
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        status: input.status ?? 'running',
        started_at: meta.startedAt,
        heartbeat_at: nowIso(),
        config_hash: meta.configHash,
        agent_kind: meta.agent.kind,
        agent_description: meta.agent.description,
        seed: meta.seed,
        total_cases: input.totalCases,
        meta_json: JSON.stringify(meta),
      }),
    )
    .execute();
}

const encodeCursor = (startedAt: string, id: string) =>
  Buffer.from(`${startedAt}\n${id}`).toString('base64url');
function decodeCursor(cursor: string): [string, string] | undefined {
  const [startedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('\n');
  return startedAt && id ? [startedAt, id] : undefined;
}

/** Lists runs newest first with keyset pagination (stable under inserts, fast at any depth). */
export async function listRuns(db: Kysely<StoreDatabase>, filter: RunListFilter): Promise<Page<RunRecord>> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  let query = db.selectFrom('runs').select(listColumns).where('workspace_id', '=', filter.workspaceId);
  if (filter.projectId) query = query.where('project_id', '=', filter.projectId);
  if (filter.agentId) query = query.where('agent_id', '=', filter.agentId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.search) {
    const like = `%${filter.search.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    // An explicit ESCAPE: SQLite has no default escape character, PostgreSQL's is the backslash.
    query = query.where(
      sql<boolean>`(lower(agent_description) like ${like} escape '\\' or config_hash like ${like} escape '\\' or id like ${like} escape '\\')`,
    );
  }
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  if (after) {
    const [startedAt, id] = after;
    query = query.where((eb) =>
      eb.or([
        eb('started_at', '<', startedAt),
        eb.and([eb('started_at', '=', startedAt), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(toRecord);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.startedAt, last.id) : null };
}

/** One run with its header and summary. */
export async function getRun(
  db: Kysely<StoreDatabase>,
  workspaceId: string,
  id: string,
): Promise<RunDetail | undefined> {
  const row = await db
    .selectFrom('runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toRecord(row),
    meta: JSON.parse(row.meta_json) as RunMeta,
    summary: row.summary_json ? (JSON.parse(row.summary_json) as RunSummary) : null,
  };
}

/**
 * Marks runs still "running" whose heartbeat is older than `staleMs` as interrupted: their process died
 * (SIGKILL, power loss) without finishing. Their committed results stay. Returns how many were marked.
 */
export async function markStaleRunsInterrupted(db: Kysely<StoreDatabase>, staleMs: number): Promise<number> {
  const cutoff = new Date(Date.now() - staleMs).toISOString();
  const result = await db
    .updateTable('runs')
    .set({ status: 'interrupted', finished_at: nowIso() })
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Sets a run's status (e.g. cancelled by a user, interrupted by a shutdown). */
export async function setRunStatus(db: Kysely<StoreDatabase>, id: string, status: RunStatus): Promise<void> {
  await db.updateTable('runs').set({ status, finished_at: nowIso() }).where('id', '=', id).execute();
}

/** Deletes a run and its results. */
export async function deleteRun(
  db: Kysely<StoreDatabase>,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  await db.deleteFrom('results').where('run_id', '=', id).where('workspace_id', '=', workspaceId).execute();
  const r = await db
    .deleteFrom('runs')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
