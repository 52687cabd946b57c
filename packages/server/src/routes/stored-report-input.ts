import type { ReportInput } from '@flakestorm/core';
import type { Store } from '@flakestorm/store';

/** A stored run as reporters read it: header and summary now, results streamed page by page. */
export async function storedReportInput(
  store: Store,
  runId: string,
  workspace?: string,
): Promise<ReportInput | undefined> {
  const run = await store.getRun(runId, workspace);
  if (!run?.summary) return undefined;
  return {
    meta: { ...run.meta, status: run.status },
    summary: run.summary,
    results: () => store.iterateResults(run.id, workspace),
  };
}
