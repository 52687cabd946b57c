import type { RunSummary } from '@flakestorm/core';
import type { Kysely } from 'kysely';
import type { StoreDatabase } from './schema.js';

/** One point of a trend: a finished run's score, overall and per slice. */
export interface TrendPoint {
  runId: string;
  startedAt: string;
  agentDescription: string;
  robustness: number;
  byType: Record<string, number>;
  byInvariant: Record<string, number>;
}

/** Which runs a trend covers. */
export interface TrendFilter {
  workspaceId: string;
  projectId?: string;
  agentId?: string;
  /** Only runs against this agent description (the target address). */
  agentDescription?: string;
  since?: string;
  limit?: number;
}

/** Score over time, oldest first, from completed runs (interrupted runs would skew the line). */
export async function trends(db: Kysely<StoreDatabase>, filter: TrendFilter): Promise<TrendPoint[]> {
  const limit = Math.min(Math.max(filter.limit ?? 200, 1), 2000);
  let query = db
    .selectFrom('runs')
    .select(['id', 'started_at', 'agent_description', 'robustness', 'summary_json'])
    .where('workspace_id', '=', filter.workspaceId)
    .where('status', '=', 'completed')
    .where('robustness', 'is not', null);
  if (filter.projectId) query = query.where('project_id', '=', filter.projectId);
  if (filter.agentId) query = query.where('agent_id', '=', filter.agentId);
  if (filter.agentDescription) query = query.where('agent_description', '=', filter.agentDescription);
  if (filter.since) query = query.where('started_at', '>=', filter.since);
  const rows = await query.orderBy('started_at', 'desc').limit(limit).execute();
  return rows.reverse().map((r) => {
    const summary = r.summary_json ? (JSON.parse(r.summary_json) as RunSummary) : undefined;
    const pick = (slices: Record<string, { rate: number }> | undefined) =>
      Object.fromEntries(Object.entries(slices ?? {}).map(([k, v]) => [k, v.rate]));
    return {
      runId: r.id,
      startedAt: r.started_at,
      agentDescription: r.agent_description,
      robustness: Number(r.robustness),
      byType: pick(summary?.byType),
      byInvariant: pick(summary?.byInvariant),
    };
  });
}
