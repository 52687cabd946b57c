/**
 * The shapes the server's /api answers with. The dashboard talks to the server over HTTP only, so these are
 * aliases of the types generated from the server's OpenAPI document (generated.d.ts; regenerate with
 * `npm run generate:api -w @flakestorm/web`), never imports of the engine.
 */
import type { components } from './generated.js';

type Schemas = components['schemas'];

/** How a run ended (or that it has not yet). */
export type RunStatus = Schemas['RunStatus'];

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
export type Severity = Schemas['Severity'];

/** One page of a list; `nextCursor` is null on the last page (the shape of RunPage and ResultPage). */
export type Page<T> = Omit<Schemas['RunPage'], 'items'> & { items: T[] };

/** A run as listed. */
export type RunRecord = Schemas['RunRecord'];

/** Latency distribution in milliseconds. */
export type LatencyStats = Schemas['LatencyStats'];

/** The scores of a finished run. */
export type RunSummary = Schemas['RunSummary'];

/** A run's header as the engine wrote it. */
export type RunMeta = Schemas['RunMeta'];

/** One run with its header and (once finished) its summary. */
export type RunDetail = Schemas['RunDetail'];

/** One invariant's verdict on a case. */
export type CheckResult = Schemas['CheckResult'];

/** What was actually sent for a case. */
export type WireRecord = Schemas['WireRecord'];

/** The result of one case. */
export type CaseResult = Schemas['CaseResult'];

/** A project of the workspace. */
export type ProjectRecord = Schemas['ProjectRecord'];

/** An agent and its config. */
export type AgentRecord = Schemas['AgentRecord'];

/** One problem of a config, located for editors. */
export type ConfigIssue = Schemas['ConfigIssue'];

/** The answer of POST /api/config/validate. */
export type ValidationResult = Schemas['ValidationResult'];

/** One point of a trend. */
export type TrendPoint = Schemas['TrendPoint'];

/** A live event from GET /api/runs/:id/events. */
export type LiveRunEvent = Schemas['LiveRunEvent'];

/** The error body every API route answers with. */
export type ApiErrorBody = Schemas['ApiError'];

/** A before/after number (null when one side has no such slice). */
export type Delta = Schemas['Delta'];

/** One side of a comparison. */
export type ComparedRun = Schemas['ComparedRun'];

/** A case whose outcome changed between the two runs. */
export type CaseChange = Schemas['CaseChange'];

/** The answer of GET /api/compare (the reporters' RunComparison). */
export type RunComparison = Schemas['RunComparison'];

/** The answer of POST /api/scan (the patterns' ScanResult). */
export type ScanResult = Schemas['ScanResult'];
