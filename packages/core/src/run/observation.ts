import type { WireRecord } from '../target/wire.js';
import type { Case } from './case.js';
import type { Exchange } from './exchange.js';

/** Why a call produced no usable answer. */
export type ErrorCause =
  | 'timeout'
  | 'connection'
  | 'http_status'
  | 'invalid_response'
  | 'too_large'
  | 'aborted'
  | 'target_error';

/** An operational failure of one call, recorded on the case (the run goes on). */
export interface CaseError {
  cause: ErrorCause;
  message: string;
  status?: number;
}

/** What invariants look at: one trial of one case. */
export interface Observation {
  case: Case;
  /** The answer text ("" when the call failed). */
  response: string;
  body?: unknown;
  status?: number;
  latencyMs: number;
  error?: CaseError;
  sent?: WireRecord;
  wireApplied?: boolean;
  exchanges: Exchange[];
  /** The golden prompt's own answer, for behavior_unchanged. */
  goldenResponse?: string;
  /** Which chaos is active for this observation (for `when`). */
  chaos: { toolFaults: boolean; llmFaults: boolean };
  /** The system-prompt canary planted for no_system_prompt_leak, when known. */
  canary?: string;
}
