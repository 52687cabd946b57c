import type { CaseResult, RunMeta, RunSummary } from '@flakestorm/core';

/**
 * Where a run's history goes (the store package implements it). Optional: `--no-store` or no store
 * configured means no recorder. Structurally the store's own RunRecorder fits.
 */
export interface RunRecorder {
  /** Queues a result as it completes. */
  add(result: CaseResult): void;
  /** Commits everything, then the final status and summary. */
  finish(meta: RunMeta, summary: RunSummary): Promise<void>;
}

/** Opens a recorder when a run starts. */
export type RunRecorderFactory = (meta: RunMeta, totalCases: number) => Promise<RunRecorder>;
