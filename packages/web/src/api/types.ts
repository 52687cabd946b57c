/**
 * The shapes the server's /api answers with, mirrored from @flakestorm/core and @flakestorm/store.
 * The dashboard talks to the server over HTTP only, so it keeps its own copy instead of importing the
 * engine (which pulls Node modules into the bundle).
 */

/** How a run ended (or that it has not yet). */
export type RunStatus = 'queued' | 'running' | 'completed' | 'interrupted' | 'cancelled' | 'failed';

/** Every run status, in the order filters show them. */
export const runStatuses: readonly RunStatus[] = [
  'queued',
  'running',
  'completed',
  'interrupted',
  'cancelled',
  'failed',
];

/** Impact of a failed check. */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** One page of a list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A run as listed. */
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

/** Pass counts of one slice of a run. */
export interface PassBreakdown {
  total: number;
  passed: number;
  rate: number;
}

/** Latency distribution in milliseconds. */
export interface LatencyStats {
  count: number;
  mean: number;
  min: number;
  max: number;
  p50: number;
  p95: number;
  p99: number;
  histogram: Array<{ le: number; count: number }>;
}

/** The scores of a finished run. */
export interface RunSummary {
  robustness: number;
  band: 'excellent' | 'good' | 'fair' | 'poor';
  total: number;
  passed: number;
  failed: number;
  errored: number;
  byType: Record<string, PassBreakdown & { weight: number; robustness: number }>;
  byInvariant: Record<string, PassBreakdown & { type: string; severity: Severity }>;
  latency: LatencyStats;
  flaky: Array<{ id: string; mutationType: string; passRate: number; low: number; high: number }>;
  errorsByCause: Record<string, number>;
  durationMs: number;
}

/** A run's header as the engine wrote it. */
export interface RunMeta {
  runId: string;
  status: RunStatus;
  startedAt: string;
  finishedAt?: string;
  configSource: string;
  agent: { kind: string; description: string };
  seed: number;
  mutationTypes: string[];
  invariants: Array<{ id: string; type: string; severity: string }>;
  warnings: string[];
  command?: string;
}

/** One run with its header and (once finished) its summary. */
export interface RunDetail extends RunRecord {
  meta: RunMeta;
  summary: RunSummary | null;
}

/** One invariant's verdict on a case. */
export interface CheckResult {
  type: string;
  id: string;
  passed: boolean;
  reason: string;
  severity: Severity;
}

/** What was actually sent for a case. */
export interface WireRecord {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  bodyBytes: number;
  bodyPreview: string;
  protocol?: string;
  burst?: { size: number; distinctAnswers: number };
  note?: string;
}

/** The result of one case. */
export interface CaseResult {
  id: string;
  index: number;
  goldenIndex: number;
  goldenPrompt: string;
  mutationType: string;
  variantIndex: number;
  label: string;
  weight: number;
  mutated: string;
  messages?: Array<{ role: string; content: string }>;
  response: string;
  status?: number;
  latencyMs: number;
  passed: boolean;
  checks: CheckResult[];
  error: { cause: string; message: string; status?: number } | null;
  sent?: WireRecord;
  wireApplied?: boolean;
  trials?: { count: number; passed: number; passRate: number; flaky: boolean };
}

/** A project of the workspace. */
export interface ProjectRecord {
  id: string;
  workspaceId: string;
  name: string;
  createdAt: string;
}

/** An agent and its config. */
export interface AgentRecord {
  id: string;
  workspaceId: string;
  projectId: string;
  name: string;
  configYaml: string;
  createdAt: string;
  updatedAt: string;
}

/** One problem of a config, located for editors. */
export interface ConfigIssue {
  message: string;
  path?: string;
  location?: { line: number; column: number };
  hint?: string;
}

/** The answer of POST /api/config/validate. */
export interface ValidationResult {
  valid: boolean;
  warnings: string[];
  issues: ConfigIssue[];
  message?: string;
}

/** One point of a trend. */
export interface TrendPoint {
  runId: string;
  startedAt: string;
  agentDescription: string;
  robustness: number;
  byType: Record<string, number>;
  byInvariant: Record<string, number>;
}

/** A live event from GET /api/runs/:id/events. */
export type LiveRunEvent =
  | { type: 'progress'; runId: string; completed: number; total: number; passed: number; failed: number }
  | { type: 'status'; runId: string; status: string; robustness?: number }
  | { type: 'warning'; runId: string; message: string };

/** The error body every API route answers with. */
export interface ApiErrorBody {
  error: { code: string; message: string; hint?: string; issues?: ConfigIssue[] };
}

/** A before/after number (null when one side has no such slice). */
export interface Delta {
  base: number | null;
  head: number | null;
  delta: number | null;
}

/** One side of a comparison. */
export interface ComparedRun {
  runId: string;
  startedAt: string;
  agent: string;
  robustness: number;
  band: string;
  total: number;
  passed: number;
}

/** A case whose outcome changed between the two runs. */
export interface CaseChange {
  id: string;
  mutationType: string;
  label: string;
  reason: string;
}

/** The answer of GET /api/compare (the reporters' RunComparison). */
export interface RunComparison {
  base: ComparedRun;
  head: ComparedRun;
  tolerance: number;
  delta: number;
  regressed: boolean;
  byType: Array<{ type: string } & Delta>;
  byInvariant: Array<{ id: string } & Delta>;
  latency: { p50: Delta; p95: Delta; p99: Delta };
  newlyFailing: CaseChange[];
  newlyPassing: CaseChange[];
  counts: {
    matched: number;
    newlyFailing: number;
    newlyPassing: number;
    stillFailing: number;
    onlyInBase: number;
    onlyInHead: number;
  };
}
