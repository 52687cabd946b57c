import { FlakestormError, type FlakestormErrorCode } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { ErrorCause } from '../run/observation.js';
import { linkAbort } from './abort-link.js';

const codeByCause: Record<ErrorCause, FlakestormErrorCode> = {
  timeout: 'FLAKESTORM_TARGET_TIMEOUT',
  connection: 'FLAKESTORM_TARGET_UNREACHABLE',
  http_status: 'FLAKESTORM_TARGET_HTTP_STATUS',
  invalid_response: 'FLAKESTORM_TARGET_INVALID_RESPONSE',
  too_large: 'FLAKESTORM_TARGET_RESPONSE_TOO_LARGE',
  aborted: 'FLAKESTORM_INTERRUPTED',
  target_error: 'FLAKESTORM_TARGET_FAILED',
};

/** Builds the FlakestormError of a failed call; `details.cause` is what the runner records on the case. */
export function targetError(
  cause: ErrorCause,
  message: string,
  options: { hint?: string; details?: JsonObject; cause?: unknown } = {},
): FlakestormError {
  return new FlakestormError(codeByCause[cause], message, {
    ...(options.hint === undefined ? {} : { hint: options.hint }),
    ...(options.cause === undefined ? {} : { cause: options.cause }),
    details: { ...options.details, cause },
  });
}

/** Reads `details.cause` of a target error, if it has one. */
export function causeOf(error: unknown): ErrorCause | undefined {
  if (!(error instanceof FlakestormError)) return undefined;
  const cause = error.details.cause;
  return typeof cause === 'string' && cause in codeByCause ? (cause as ErrorCause) : undefined;
}

const connectionCodes: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNABORTED: 'connection aborted',
  UND_ERR_SOCKET: 'connection closed by the agent',
  UND_ERR_CLOSED: 'connection closed',
};
const timeoutCodes = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** The first `code` found on an error or its `cause` chain (undici nests the socket error). */
export function errorCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_ABORTED') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Describes a low-level failure in a few words, e.g. "connection refused (ECONNREFUSED)". */
export function describeFailure(error: unknown): { cause: ErrorCause; reason: string; code?: string } {
  const code = errorCodeOf(error);
  if (code && code in connectionCodes)
    return { cause: 'connection', reason: `${connectionCodes[code]} (${code})`, code };
  if (code && timeoutCodes.has(code)) return { cause: 'timeout', reason: `timed out (${code})`, code };
  const message = error instanceof Error ? error.message : String(error);
  return code
    ? { cause: 'target_error', reason: `${message} (${code})`, code }
    : { cause: 'target_error', reason: message };
}

/**
 * Turns any error thrown while calling a target into a FlakestormError. `timedOut`/`aborted` say which of
 * our own signals fired, because an aborted socket alone cannot tell a timeout from a cancel.
 */
export function toTargetError(
  error: unknown,
  where: string,
  state: { timedOut: boolean; aborted: boolean; timeoutMs: number },
): FlakestormError {
  if (error instanceof FlakestormError) return error;
  if (state.timedOut) {
    return targetError('timeout', `${where} did not answer within ${state.timeoutMs} ms.`, {
      hint: 'Raise the timeout or check why the agent is slow.',
      details: { timeoutMs: state.timeoutMs },
      cause: error,
    });
  }
  if (state.aborted) return targetError('aborted', `Call to ${where} was cancelled.`, { cause: error });
  const failure = describeFailure(error);
  return targetError(failure.cause, `Call to ${where} failed: ${failure.reason}.`, {
    hint:
      failure.cause === 'connection'
        ? 'Is the agent running and reachable?'
        : 'Check the agent logs for this request.',
    details: failure.code ? { errorCode: failure.code } : {},
    cause: error,
  });
}

/** A signal that fires on the caller's cancel or after timeoutMs, remembering which one fired. */
export function createCallSignal(
  parent: AbortSignal,
  timeoutMs: number,
): {
  signal: AbortSignal;
  state: { timedOut: boolean; aborted: boolean; timeoutMs: number };
  dispose(): void;
} {
  const controller = new AbortController();
  const state = { timedOut: false, aborted: false, timeoutMs };
  const onAbort = () => {
    state.aborted = true;
    controller.abort(parent.reason);
  };
  const timer = setTimeout(() => {
    state.timedOut = true;
    controller.abort(new Error(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  // Linked through linkAbort: a parent shared by many in-flight calls keeps one native listener.
  let unlink = () => {};
  if (parent.aborted) onAbort();
  else unlink = linkAbort(parent, onAbort);
  return {
    signal: controller.signal,
    state,
    dispose() {
      clearTimeout(timer);
      unlink();
    },
  };
}

/** The error of a factory given another kind's spec (a wiring bug, not a user error). */
export function wrongKind(expected: string, got: string): FlakestormError {
  return new FlakestormError(
    'FLAKESTORM_INTERNAL',
    `The ${expected} target factory was given a "${got}" target spec.`,
    {
      hint: 'Create targets with createTarget(spec, context), which picks the factory by kind.',
    },
  );
}
