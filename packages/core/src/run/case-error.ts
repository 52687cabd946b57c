import type { FlakestormErrorCode } from '../errors.js';
import { isFlakestormError } from '../errors.js';
import type { CaseError, ErrorCause } from './observation.js';

const causes: ReadonlySet<string> = new Set<ErrorCause>([
  'timeout',
  'connection',
  'http_status',
  'invalid_response',
  'too_large',
  'aborted',
  'target_error',
]);

const causeOfCode: Partial<Record<FlakestormErrorCode, ErrorCause>> = {
  FLAKESTORM_TARGET_TIMEOUT: 'timeout',
  FLAKESTORM_TARGET_UNREACHABLE: 'connection',
  FLAKESTORM_TARGET_HTTP_STATUS: 'http_status',
  FLAKESTORM_TARGET_INVALID_RESPONSE: 'invalid_response',
  FLAKESTORM_TARGET_RESPONSE_TOO_LARGE: 'too_large',
  FLAKESTORM_INTERRUPTED: 'aborted',
};

/** A failed call as the runner sees it: the error recorded on the case plus retry facts. */
export interface ClassifiedError {
  error: CaseError;
  /** The server's Retry-After, in ms, when it sent one. */
  retryAfterMs?: number;
}

/**
 * Turns whatever a target threw into a CaseError. FlakestormErrors say their cause in `details.cause`
 * (falling back to their code); anything else is a bug or crash in the target: `target_error`.
 */
export function classifyError(thrown: unknown): ClassifiedError {
  if (isFlakestormError(thrown)) {
    const detail = thrown.details.cause;
    const cause: ErrorCause =
      typeof detail === 'string' && causes.has(detail)
        ? (detail as ErrorCause)
        : (causeOfCode[thrown.code] ?? 'target_error');
    const error: CaseError = { cause, message: thrown.message };
    const status = thrown.details.status;
    if (typeof status === 'number') error.status = status;
    const retryAfter = thrown.details.retryAfterMs;
    return typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0
      ? { error, retryAfterMs: retryAfter }
      : { error };
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { error: { cause: 'target_error', message: message || 'The target threw without a message.' } };
}
