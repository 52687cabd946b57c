import { FlakestormError } from '../errors.js';
import { createRandom, type Random } from '../random.js';
import { linkAbort } from '../target/abort-link.js';
import type { Target, TargetRequest, TargetResponse } from '../target/target.js';
import type { Case } from './case.js';
import { type ClassifiedError, classifyError } from './case-error.js';
import type { Clock } from './clock.js';
import type { CaseError, Observation } from './observation.js';
import type { RateLimiter } from './rate-limiter.js';
import { isRetryable, type RetryPolicy, retryDelay } from './retry-policy.js';

/** What one call to the target needs from the run. */
export interface CallContext {
  target: Target;
  clock: Clock;
  limiter: RateLimiter;
  policy: RetryPolicy;
  timeoutMs: number;
  /** Aborts in-flight calls (cancellation after the grace period). */
  signal: AbortSignal;
  chaos: Observation['chaos'];
  canary?: string;
  goldenResponse?: (goldenIndex: number) => string | undefined;
  onRetry?: (info: { caseId: string; attempt: number; delayMs: number; reason: string }) => void;
  /** Counts every attempt, retries included. */
  onAttempt?: () => void;
}

function interruptedError(): CaseError {
  return { cause: 'aborted', message: 'The run was cancelled before the call finished.' };
}

function cancelledError(): FlakestormError {
  return new FlakestormError('FLAKESTORM_INTERRUPTED', 'Cancelled.', { details: { cause: 'aborted' } });
}

/**
 * One attempt under a deadline. The deadline is enforced here too, not only through the signal,
 * because a target that ignores its AbortSignal must not stall a worker forever. The run's signal is
 * linked once per call through linkAbort (one native listener for the whole run, not one per call).
 */
async function attempt(
  target: Target,
  request: Omit<TargetRequest, 'signal'>,
  outer: AbortSignal,
): Promise<TargetResponse> {
  const controller = new AbortController();
  let fail: (error: FlakestormError) => void = () => {};
  const deadline = new Promise<never>((_, reject) => {
    fail = reject;
  });
  const unlink = linkAbort(outer, () => {
    controller.abort(outer.reason);
    fail(cancelledError());
  });
  const timer = setTimeout(() => {
    const error = new FlakestormError(
      'FLAKESTORM_TARGET_TIMEOUT',
      `The agent did not answer within ${request.timeoutMs} ms.`,
      { hint: 'Raise settings.timeout_ms or make the agent faster.', details: { cause: 'timeout' } },
    );
    controller.abort(error);
    fail(error);
  }, request.timeoutMs);
  try {
    return await Promise.race([target.send({ ...request, signal: controller.signal }), deadline]);
  } finally {
    clearTimeout(timer);
    unlink();
  }
}

/**
 * Sends one trial of a case, with rate limiting, per-call timeout and retries, and returns what the
 * invariants look at. Failures are recorded on the observation; only cancellation stops early.
 */
export async function callTarget(c: Case, trial: number, context: CallContext): Promise<Observation> {
  const { target, clock, policy, signal } = context;
  // Backoff jitter only; made on the first retry, as most calls never retry.
  let random: Random | undefined;
  const useWire = c.wire !== undefined && target.supportsWire;
  const request: Omit<TargetRequest, 'signal'> = {
    caseId: c.id,
    prompt: c.prompt,
    messages: c.messages,
    vars: c.vars,
    sessionId: `${c.id}-${trial}`,
    timeoutMs: context.timeoutMs,
  };
  if (useWire && c.wire) request.wire = c.wire;

  const observation: Observation = {
    case: c,
    response: '',
    latencyMs: 0,
    exchanges: [],
    chaos: context.chaos,
  };
  const golden = context.goldenResponse?.(c.goldenIndex);
  if (golden !== undefined) observation.goldenResponse = golden;
  if (context.canary !== undefined) observation.canary = context.canary;
  if (c.wire) observation.wireApplied = false;

  for (let n = 0; ; n++) {
    let failure: ClassifiedError;
    let sentAt = clock.now();
    try {
      await context.limiter.acquire(signal);
      context.onAttempt?.();
      sentAt = clock.now();
      const response = await attempt(target, request, signal);
      observation.response = response.text;
      observation.latencyMs = Number.isFinite(response.latencyMs) ? response.latencyMs : clock.now() - sentAt;
      if (response.body !== undefined) observation.body = response.body;
      if (response.status !== undefined) observation.status = response.status;
      if (response.sent) observation.sent = response.sent;
      if (c.wire) observation.wireApplied = useWire && response.wireApplied !== false;
      delete observation.error;
      return observation;
    } catch (thrown) {
      failure = signal.aborted ? { error: interruptedError() } : classifyError(thrown);
      observation.latencyMs = clock.now() - sentAt;
    }
    observation.error = failure.error;
    if (failure.error.status !== undefined) observation.status = failure.error.status;
    if (signal.aborted || n >= policy.retries || !isRetryable(failure)) return observation;
    random ??= createRandom(c.seed).fork(`retry:${trial}`);
    const delayMs = retryDelay(n, failure, policy, random);
    context.onRetry?.({ caseId: c.id, attempt: n + 1, delayMs, reason: failure.error.message });
    try {
      await clock.sleep(delayMs, signal);
    } catch {
      observation.error = interruptedError();
      return observation;
    }
  }
}
