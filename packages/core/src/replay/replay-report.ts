import type { Exchange } from '../run/exchange.js';
import type { CaseError } from '../run/observation.js';
import type { CheckResult } from '../run/result.js';

/** Version of the replay report's JSON shape. */
export const REPLAY_REPORT_SCHEMA_VERSION = 1;

/** The outcome of replaying one session. */
export interface ReplaySessionResult {
  id: string;
  name?: string;
  source?: string;
  input: string;
  response: string;
  /** The answer when the session was recorded, when known. */
  recordedResponse?: string;
  /** Whether the replayed answer equals the recorded one (null when none was recorded). */
  matchesRecording: boolean | null;
  /** True when the agent answered and every applicable invariant held. */
  passed: boolean;
  expectedFailure: boolean;
  checks: CheckResult[];
  error: CaseError | null;
  latencyMs: number;
  exchanges: Exchange[];
  /** Recorded upstream responses served to the agent. */
  served: number;
  /** Upstream calls with no recorded response (the agent did something the recording did not). */
  misses: string[];
}

/** Pass counts and the replay phase's score. */
export interface ReplaySummary {
  total: number;
  passed: number;
  failed: number;
  /** passed / total, 0..1; null when there was no session. */
  score: number | null;
  matchingRecording: number;
  misses: number;
}

/** The JSON report of `flakestorm replay run`. */
export interface ReplayReport {
  schemaVersion: typeof REPLAY_REPORT_SCHEMA_VERSION;
  kind: 'replay';
  configSource: string;
  agent: { kind: string; description: string };
  startedAt: string;
  finishedAt: string;
  results: ReplaySessionResult[];
  summary: ReplaySummary;
  warnings: string[];
}
