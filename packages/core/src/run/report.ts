import type { CaseError } from './observation.js';
import type { CaseResult } from './result.js';
import type { RunSummary } from './summary.js';

/** Version of the JSON report schema; bump on breaking changes. */
export const REPORT_SCHEMA_VERSION = 1;

/** How a run ended. */
export type RunStatus = 'queued' | 'running' | 'completed' | 'interrupted' | 'cancelled' | 'failed';

/** The unmutated answer of one golden prompt (settings.baseline): compared against, never scored. */
export interface BaselineRecord {
  goldenIndex: number;
  response: string;
  latencyMs: number;
  error: CaseError | null;
}

/** Facts about a run besides its results: the report's header. */
export interface RunMeta {
  runId: string;
  status: RunStatus;
  startedAt: string;
  finishedAt?: string;
  tool: { name: 'flakestorm'; version: string };
  /** sha256 of the normalised config, secrets excluded. */
  configHash: string;
  /** Where the config came from (file path or "inline"). */
  configSource: string;
  agent: { kind: string; description: string };
  seed: number;
  mutationTypes: string[];
  invariants: Array<{ id: string; type: string; severity: string }>;
  /** Warnings shown during the run (ignored legacy keys, mutation shortfalls...). */
  warnings: string[];
  /** The command that re-runs this run. */
  command?: string;
  /** The golden prompts' own answers, when settings.baseline is on. */
  baselines?: BaselineRecord[];
}

/** The JSON report (`flakestorm run --json PATH`): versioned and documented. */
export interface RunReport extends RunMeta {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  summary: RunSummary;
  results: CaseResult[];
}
