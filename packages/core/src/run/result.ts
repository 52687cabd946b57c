import type { JsonObject } from '../json.js';
import type { ChatMessage } from '../message.js';
import type { Severity } from '../severity.js';
import type { WireRecord } from '../target/wire.js';
import type { Exchange } from './exchange.js';
import type { CaseError } from './observation.js';

/** One invariant's verdict on a case, as reported. */
export interface CheckResult {
  type: string;
  id: string;
  passed: boolean;
  reason: string;
  severity: Severity;
  details?: JsonObject;
}

/** One trial of a case when `repeat` > 1. */
export interface TrialResult {
  passed: boolean;
  latencyMs: number;
  error: CaseError | null;
  failedChecks: string[];
}

/** The result of one case: what was sent, what came back, and every check. */
export interface CaseResult {
  id: string;
  index: number;
  goldenIndex: number;
  goldenPrompt: string;
  mutationType: string;
  variantIndex: number;
  label: string;
  weight: number;
  /** The mutated prompt (last user turn). */
  mutated: string;
  /** The conversation, for multi-turn types. */
  messages?: ChatMessage[];
  /** The response of the reported trial (the first failing one, else the last). */
  response: string;
  status?: number;
  latencyMs: number;
  /** True when every trial answered without error and every applicable invariant held. */
  passed: boolean;
  checks: CheckResult[];
  error: CaseError | null;
  sent?: WireRecord;
  /** False when a wire-level type fell back to text for a non-HTTP target. */
  wireApplied?: boolean;
  exchanges: Exchange[];
  /** Trials (repeat > 1): pass rate with a 95% Wilson interval; flaky when 0 < rate < 1. */
  trials?: {
    count: number;
    passed: number;
    passRate: number;
    low: number;
    high: number;
    flaky: boolean;
    runs: TrialResult[];
  };
  meta?: JsonObject;
}
