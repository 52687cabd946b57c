import type { Exchange } from '../run/exchange.js';
import type { CaseError } from '../run/observation.js';
import type { Severity } from '../severity.js';

/** Version of the contract report's JSON shape. */
export const CONTRACT_REPORT_SCHEMA_VERSION = 1;

/** One prompt (golden prompt or probe) of one invariant in one cell. */
export interface ContractProbeResult {
  prompt: string;
  passed: boolean;
  /** True when the invariant's `when` did not cover this cell's chaos. */
  skipped: boolean;
  reason: string;
  response: string;
  latencyMs: number;
  error: CaseError | null;
  exchanges: Exchange[];
}

/** The verdict of one invariant in one cell of the chaos matrix. */
export interface ContractCellResult {
  cell: string;
  invariantId: string;
  type: string;
  severity: Severity;
  /** skipped: `when` excluded the invariant from this cell (not counted in the score). */
  status: 'passed' | 'failed' | 'skipped';
  probes: ContractProbeResult[];
}

/** The contract's scores: severity-weighted resilience and the critical-failure rule. */
export interface ContractSummary {
  /** Severity-weighted pass rate x 100 (critical 3, high 2, medium 1, low 1); null when nothing ran. */
  score: number | null;
  /** False when any critical cell failed, whatever the score, or when the score is below minScore. */
  passed: boolean;
  criticalFailures: number;
  passedWeight: number;
  totalWeight: number;
  counts: { passed: number; failed: number; skipped: number };
  /** Per cell of the matrix: its own weighted score (0..100, null when every invariant skipped). */
  perCell: Array<{ cell: string; score: number | null; failed: number }>;
}

/** The JSON report of `flakestorm contract run`, read back by `flakestorm contract score`. */
export interface ContractReport {
  schemaVersion: typeof CONTRACT_REPORT_SCHEMA_VERSION;
  kind: 'contract';
  name: string;
  description?: string;
  configSource: string;
  agent: { kind: string; description: string };
  seed: number;
  startedAt: string;
  finishedAt: string;
  status: 'completed' | 'interrupted';
  cells: string[];
  invariants: Array<{ id: string; type: string; severity: Severity }>;
  results: ContractCellResult[];
  summary: ContractSummary;
  warnings: string[];
}
