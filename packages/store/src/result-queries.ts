import type { CaseResult } from '@flakestorm/core';
import { type Kysely, sql } from 'kysely';
import type { Page } from './run-queries.js';
import type { StoreDatabase } from './schema.js';

/** Filters of a run's results. */
export interface ResultFilter {
  workspaceId: string;
  runId: string;
  passed?: boolean;
  mutationType?: string;
  /** Only results whose failed checks include this invariant id. */
  failedInvariant?: string;
  errorCause?: string;
  limit?: number;
  /** The index after which the page starts (from `nextCursor`). */
  cursor?: string;
}

/**
 * One page of a run's results as their stored JSON text, in case order: an API can send them without
 * parsing and re-encoding each result (the bulk of a results request's cost).
 */
export async function listResultsJson(
  db: Kysely<StoreDatabase>,
  filter: ResultFilter,
): Promise<Page<string>> {
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
  let query = db
    .selectFrom('results')
    .select(['idx', 'result_json'])
    .where('workspace_id', '=', filter.workspaceId)
    .where('run_id', '=', filter.runId);
  if (filter.passed !== undefined) query = query.where('passed', '=', filter.passed ? 1 : 0);
  if (filter.mutationType) query = query.where('mutation_type', '=', filter.mutationType);
  if (filter.errorCause) query = query.where('error_cause', '=', filter.errorCause);
  if (filter.failedInvariant) {
    // failed_checks is a comma-joined id list; wrapping both sides in commas matches whole ids only.
    const needle = `%,${filter.failedInvariant.replace(/[%_\\]/g, (c) => `\\${c}`)},%`;
    query = query.where(sql<boolean>`(',' || failed_checks || ',') like ${needle} escape '\\'`);
  }
  const after = filter.cursor === undefined ? undefined : Number.parseInt(filter.cursor, 10);
  if (after !== undefined && Number.isFinite(after)) query = query.where('idx', '>', after);
  const rows = await query
    .orderBy('idx')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map((r) => r.result_json);
  const last = rows[limit - 1];
  return { items, nextCursor: rows.length > limit && last ? String(last.idx) : null };
}

/** One page of a run's results, in case order. */
export async function listResults(
  db: Kysely<StoreDatabase>,
  filter: ResultFilter,
): Promise<Page<CaseResult>> {
  const page = await listResultsJson(db, filter);
  return { items: page.items.map((json) => JSON.parse(json) as CaseResult), nextCursor: page.nextCursor };
}

/** Every result of a run in case order, read page by page so memory stays flat for any run size. */
export async function* iterateResults(
  db: Kysely<StoreDatabase>,
  workspaceId: string,
  runId: string,
  pageSize = 500,
): AsyncGenerator<CaseResult> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listResults(db, {
      workspaceId,
      runId,
      limit: pageSize,
      ...(cursor ? { cursor } : {}),
    });
    yield* page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
