import { createScoreAccumulator, type ReportInput } from '@flakestorm/core';
import type { Store } from './store.js';

/**
 * A stored run as reporters read it: header and summary, results streamed page by page. A run that
 * never finished (killed, interrupted) has no stored summary: it is scored from its stored results,
 * so what was done before the crash can still be reported.
 */
export async function storedReportInput(
  store: Store,
  runId: string,
  workspace?: string,
): Promise<ReportInput | undefined> {
  const run = await store.getRun(runId, workspace);
  if (!run) return undefined;
  let summary = run.summary;
  if (!summary) {
    const score = createScoreAccumulator();
    for await (const result of store.iterateResults(run.id, workspace)) score.add(result);
    const elapsed = Date.parse(run.finishedAt ?? run.startedAt) - Date.parse(run.startedAt);
    summary = score.summary(Number.isFinite(elapsed) ? Math.max(0, elapsed) : 0);
  }
  return {
    meta: { ...run.meta, status: run.status },
    summary,
    results: () => store.iterateResults(run.id, workspace),
  };
}
