import type { CaseResult, RunMeta, RunStatus } from '@flakestorm/core';
import { sql } from 'kysely';
import { DEFAULT_PROJECT, DEFAULT_WORKSPACE } from './ids.js';
import { migrateToLatest } from './migrate.js';
import { DEFAULT_SQLITE_PATH, type OpenDatabase, openDatabase, type StoreDialect } from './open-database.js';
import { iterateResults, listResults, listResultsJson, type ResultFilter } from './result-queries.js';
import {
  deleteRun,
  getRun,
  insertRun,
  listRuns,
  markStaleRunsInterrupted,
  type Page,
  type RunDetail,
  type RunListFilter,
  type RunRecord,
  setRunStatus,
} from './run-queries.js';
import { createRunRecorder, type RunRecorder } from './run-recorder.js';
import {
  type AgentRecord,
  ensureProject,
  ensureWorkspace,
  getAgent,
  listAgents,
  listProjects,
  type ProjectRecord,
  upsertAgent,
} from './scope-queries.js';
import { type ApiTokenRecord, countApiTokens, findApiToken, insertApiToken } from './token-queries.js';
import { type TrendFilter, type TrendPoint, trends } from './trend-queries.js';

/** Where a run is filed. */
export interface RunScope {
  workspace?: string;
  project?: string;
  agentId?: string;
  /** What started it: "cli", "server", "worker". */
  origin?: string;
}

/** Options of `createStore`. */
export interface StoreOptions {
  /** A SQLite path or `postgres://` URL; default FLAKESTORM_DATABASE_URL, else ./.flakestorm/flakestorm.db. */
  url?: string;
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  searchPath?: string;
  /** A "running" run whose heartbeat is older than this is marked interrupted on start (default 30 s). */
  staleAfterMs?: number;
}

/** Run history: one API over SQLite and PostgreSQL. Workspace names default to "default". */
export interface Store {
  readonly dialect: StoreDialect;
  readonly location: string;
  /** How many dead runs were marked interrupted when the store opened. */
  readonly recoveredRuns: number;
  workspaceId(name?: string): Promise<string>;
  projectId(workspace?: string, project?: string): Promise<string>;
  listProjects(workspace?: string): Promise<ProjectRecord[]>;
  upsertAgent(input: {
    workspace?: string;
    project?: string;
    name: string;
    configYaml: string;
  }): Promise<AgentRecord>;
  listAgents(workspace?: string, projectId?: string): Promise<AgentRecord[]>;
  getAgent(id: string, workspace?: string): Promise<AgentRecord | undefined>;
  /** Files a run that waits in a queue (status "queued"); `startRun` with the same id takes it over. */
  queueRun(meta: RunMeta, scope?: RunScope): Promise<void>;
  /** Records a new run in status "running" and returns its streaming writer. */
  startRun(meta: RunMeta, totalCases: number, scope?: RunScope): Promise<RunRecorder>;
  listRuns(filter?: Partial<RunListFilter> & { workspace?: string }): Promise<Page<RunRecord>>;
  getRun(id: string, workspace?: string): Promise<RunDetail | undefined>;
  setRunStatus(id: string, status: RunStatus): Promise<void>;
  deleteRun(id: string, workspace?: string): Promise<boolean>;
  listResults(
    runId: string,
    filter?: Partial<Omit<ResultFilter, 'runId'>> & { workspace?: string },
  ): Promise<Page<CaseResult>>;
  /** Like listResults, with each result as its stored JSON text (for APIs that pass it through). */
  listResultsJson(
    runId: string,
    filter?: Partial<Omit<ResultFilter, 'runId'>> & { workspace?: string },
  ): Promise<Page<string>>;
  iterateResults(runId: string, workspace?: string): AsyncIterable<CaseResult>;
  trends(filter?: Partial<TrendFilter> & { workspace?: string }): Promise<TrendPoint[]>;
  /** Stores an API token's hash under a role. */
  createApiToken(input: {
    workspace?: string;
    name: string;
    role: string;
    tokenHash: string;
  }): Promise<ApiTokenRecord>;
  findApiToken(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  countApiTokens(role: string): Promise<number>;
  /** Marks dead runs interrupted (also done on open). */
  recoverInterruptedRuns(staleAfterMs?: number): Promise<number>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Opens (and migrates) the store named by `options.url`, the environment, or the default SQLite file. */
export async function createStore(options: StoreOptions = {}): Promise<Store> {
  const url = options.url ?? process.env.FLAKESTORM_DATABASE_URL ?? DEFAULT_SQLITE_PATH;
  const opened: OpenDatabase = await openDatabase(
    url,
    options.searchPath ? { searchPath: options.searchPath } : {},
  );
  const { db } = opened;
  await migrateToLatest(db, opened.dialect === 'postgres' ? options.searchPath : undefined);
  // A live run heartbeats every 5 s; FLAKESTORM_STALE_AFTER_MS tunes how soon a silent one counts as dead.
  const staleAfterMs = options.staleAfterMs ?? (Number(process.env.FLAKESTORM_STALE_AFTER_MS) || 30_000);
  const recoveredRuns = await markStaleRunsInterrupted(db, staleAfterMs);

  const workspaceIds = new Map<string, string>();
  const workspaceId = async (name = DEFAULT_WORKSPACE) => {
    let id = workspaceIds.get(name);
    if (!id) {
      id = await ensureWorkspace(db, name);
      workspaceIds.set(name, id);
    }
    return id;
  };
  const projectId = async (workspace?: string, project = DEFAULT_PROJECT) =>
    ensureProject(db, await workspaceId(workspace), project);

  return {
    dialect: opened.dialect,
    location: opened.location,
    recoveredRuns,
    workspaceId,
    projectId,
    listProjects: async (workspace) => listProjects(db, await workspaceId(workspace)),
    upsertAgent: async ({ workspace, project, name, configYaml }) => {
      const ws = await workspaceId(workspace);
      return upsertAgent(db, {
        workspaceId: ws,
        projectId: await ensureProject(db, ws, project ?? DEFAULT_PROJECT),
        name,
        configYaml,
      });
    },
    listAgents: async (workspace, project) => listAgents(db, await workspaceId(workspace), project),
    getAgent: async (id, workspace) => getAgent(db, await workspaceId(workspace), id),
    async queueRun(meta, scope = {}) {
      const ws = await workspaceId(scope.workspace);
      const prj = await ensureProject(db, ws, scope.project ?? DEFAULT_PROJECT);
      await insertRun(db, {
        meta,
        workspaceId: ws,
        projectId: prj,
        origin: scope.origin ?? 'server',
        totalCases: 0,
        status: 'queued',
        ...(scope.agentId ? { agentId: scope.agentId } : {}),
      });
    },
    async startRun(meta, totalCases, scope = {}) {
      const ws = await workspaceId(scope.workspace);
      const prj = await ensureProject(db, ws, scope.project ?? DEFAULT_PROJECT);
      await insertRun(db, {
        meta,
        workspaceId: ws,
        projectId: prj,
        origin: scope.origin ?? 'cli',
        totalCases,
        ...(scope.agentId ? { agentId: scope.agentId } : {}),
      });
      return createRunRecorder(db, { runId: meta.runId, workspaceId: ws, projectId: prj }, meta);
    },
    listRuns: async ({ workspace, ...filter } = {}) =>
      listRuns(db, { ...filter, workspaceId: await workspaceId(workspace) }),
    getRun: async (id, workspace) => getRun(db, await workspaceId(workspace), id),
    setRunStatus: (id, status) => setRunStatus(db, id, status),
    deleteRun: async (id, workspace) => deleteRun(db, await workspaceId(workspace), id),
    listResults: async (runId, { workspace, ...filter } = {}) =>
      listResults(db, { ...filter, runId, workspaceId: await workspaceId(workspace) }),
    listResultsJson: async (runId, { workspace, ...filter } = {}) =>
      listResultsJson(db, { ...filter, runId, workspaceId: await workspaceId(workspace) }),
    iterateResults: (runId, workspace) => ({
      async *[Symbol.asyncIterator]() {
        yield* iterateResults(db, await workspaceId(workspace), runId);
      },
    }),
    trends: async ({ workspace, ...filter } = {}) =>
      trends(db, { ...filter, workspaceId: await workspaceId(workspace) }),
    createApiToken: async ({ workspace, ...input }) =>
      insertApiToken(db, { ...input, workspaceId: await workspaceId(workspace) }),
    findApiToken: (tokenHash) => findApiToken(db, tokenHash),
    countApiTokens: (role) => countApiTokens(db, role),
    recoverInterruptedRuns: (ms = staleAfterMs) => markStaleRunsInterrupted(db, ms),
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}
