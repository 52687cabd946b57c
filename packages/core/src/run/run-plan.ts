import { FlakestormError, isFlakestormError } from '../errors.js';
import type { Registry } from '../plugin/registry.js';
import { createScoreAccumulator } from '../score/score-accumulator.js';
import type { Target } from '../target/target.js';
import { runBaselines } from './baseline.js';
import type { CallContext } from './call-target.js';
import { type CheckRunner, prepareCheckRunner } from './check-runner.js';
import { type Clock, systemClock } from './clock.js';
import type { RunEvent, RunEventListener } from './events.js';
import { executeCase } from './execute-case.js';
import { countCases, expandCases } from './expand-cases.js';
import { generateLlmVariants } from './llm-variants.js';
import type { Observation } from './observation.js';
import type { RunPlan } from './plan.js';
import { createPlanTarget } from './plan-target.js';
import { createRateLimiter } from './rate-limiter.js';
import { createReorderBuffer } from './reorder-buffer.js';
import type { RunMeta } from './report.js';
import type { CaseResult } from './result.js';
import type { RetryPolicy } from './retry-policy.js';
import { createRunMeta } from './run-meta.js';
import type { RunSummary } from './summary.js';

/** Options of runPlan; only the registry is required. */
export interface RunOptions {
  registry: Registry;
  /** A ready target; by default one is created from `plan.target` through the registry (and closed after). */
  target?: Target;
  onEvent?: RunEventListener;
  /** Aborting cancels the run: no new cases start, in-flight ones get `cancelGraceMs` to finish. */
  signal?: AbortSignal;
  /** Keep every result in memory and return them (default false: results only stream to onEvent). */
  keepResults?: boolean;
  /** Evaluates invariants on an observation; by default built from `plan.invariants` via the registry. */
  checks?: CheckRunner;
  clock?: Clock;
  /** How long in-flight cases may finish after cancellation before they are aborted (default 2000 ms). */
  cancelGraceMs?: number;
  /** Cases that may finish ahead of the oldest unfinished one (default max(64, 4 x concurrency)). */
  reorderWindow?: number;
  /** Which chaos is active (set by the chaos phase), for invariants' `when`. */
  chaos?: Observation['chaos'];
  /** Use this run id (a run queued and stored before it started) instead of a new one. */
  runId?: string;
  /** Backoff ceilings; retries and base delay come from the plan's settings. */
  retry?: Partial<Pick<RetryPolicy, 'maxDelayMs' | 'maxRetryAfterMs'>>;
}

/** Figures about how a run used resources, for tests and benchmarks. */
export interface RunStats {
  peakInFlight: number;
  /** Most results held by the reorder buffer at once. */
  peakBuffered: number;
  /** Calls made, retries and baselines included. */
  attempts: number;
  retries: number;
}

/** What a run returns: its header, its scores, and its results when asked to keep them. */
export interface RunOutcome {
  meta: RunMeta;
  summary: RunSummary;
  results?: CaseResult[];
  stats: RunStats;
}

const MAX_RUNTIME_WARNINGS = 200;

function reasonOf(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' && reason !== '' ? reason : 'cancelled';
}

async function preflight(target: Target, timeoutMs: number, signal: AbortSignal | undefined): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('preflight timed out')), timeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await target.preflight(controller.signal);
  } catch (error) {
    if (isFlakestormError(error, 'FLAKESTORM_TARGET_UNREACHABLE')) throw error;
    throw new FlakestormError(
      'FLAKESTORM_TARGET_UNREACHABLE',
      `Could not reach the agent at ${target.description}: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
        hint: 'Start the agent (or fix its address in flakestorm.yaml) and run again.',
        details: { cause: 'connection' },
      },
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Runs a plan: expands its cases lazily, sends them through a bounded worker pool under the rate limit,
 * with retries and timeouts, checks invariants, streams results in case order to `onEvent`, and scores
 * them as they stream. Throws only for operational failures before the first case (unknown types,
 * unreachable target); everything that goes wrong with one case is recorded on that case.
 */
export async function runPlan(plan: RunPlan, options: RunOptions): Promise<RunOutcome> {
  const { registry, signal } = options;
  const clock = options.clock ?? systemClock;
  // A throwing listener is the consumer's bug: the run stops (in-flight calls aborted) and rejects with
  // that error, rather than leaving workers running behind a rejected promise.
  let listenerFailure: { error: unknown } | undefined;
  let stopOnListenerFailure = () => {};
  const throwIfListenerFailed = () => {
    if (listenerFailure) throw listenerFailure.error;
  };
  const emit = (event: RunEvent) => {
    if (listenerFailure) return;
    try {
      options.onEvent?.(event);
    } catch (error) {
      listenerFailure = { error };
      stopOnListenerFailure();
    }
  };
  const runtimeWarnings: string[] = [];
  let droppedWarnings = 0;
  const warn = (code: string, message: string) => {
    emit({ type: 'warning', code, message });
    if (runtimeWarnings.length < MAX_RUNTIME_WARNINGS) runtimeWarnings.push(message);
    else droppedWarnings++;
  };

  const llmVariants = await generateLlmVariants(plan, process.env);
  let total = countCases(plan);
  const cases = expandCases(plan, registry, {
    llmVariants,
    onShortfall: (s) => {
      total -= s.wanted - s.made;
      const why = s.failure === undefined ? '' : ` (the mutator failed: ${s.failure})`;
      warn(
        'mutation-shortfall',
        `Mutation type "${s.mutationType}" made ${s.made} of ${s.wanted} variants for golden prompt #${s.goldenIndex + 1}${why}.`,
      );
    },
  });
  const checks =
    options.checks ?? (await prepareCheckRunner(plan.invariants, registry, { baseDir: plan.baseDir }));
  const owned = options.target === undefined;
  const target = options.target ?? createPlanTarget(plan, registry);

  const meta = createRunMeta(plan, target, options.runId);
  const started = clock.now();
  const stats: RunStats = { peakInFlight: 0, peakBuffered: 0, attempts: 0, retries: 0 };
  try {
    emit({ type: 'run.start', meta: { ...meta }, totalCases: total });
    try {
      await preflight(target, plan.settings.timeoutMs, signal);
    } catch (error) {
      const failure = error as FlakestormError;
      emit({ type: 'run.error', code: failure.code, message: failure.message });
      throw error;
    }
    emit({ type: 'preflight.ok', target: target.description });
    throwIfListenerFailed();

    const hard = new AbortController();
    let stopping = false;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const settings = plan.settings;
    const concurrency = Math.max(1, Math.floor(settings.concurrency));
    const window = Math.max(1, options.reorderWindow ?? Math.max(64, concurrency * 4));
    const accumulator = createScoreAccumulator();
    const kept: CaseResult[] | undefined = options.keepResults ? [] : undefined;
    let completed = 0;
    let passed = 0;
    const buffer = createReorderBuffer<CaseResult>(window, (result) => {
      completed++;
      if (result.passed) passed++;
      accumulator.add(result);
      kept?.push(result);
      emit({ type: 'case.result', result, completed, total, passed, failed: completed - passed });
    });

    const cancel = () => {
      if (stopping) return;
      stopping = true;
      emit({ type: 'run.cancelling', reason: signal ? reasonOf(signal) : 'cancelled' });
      buffer.wake();
      graceTimer = setTimeout(() => hard.abort(new Error('cancelled')), options.cancelGraceMs ?? 2000);
    };
    stopOnListenerFailure = () => {
      stopping = true;
      buffer.wake();
      hard.abort(new Error('event listener failed'));
    };
    if (signal?.aborted) cancel();
    else signal?.addEventListener('abort', cancel, { once: true });

    const goldenResponses = new Map<number, string>();
    const context: CallContext = {
      target,
      clock,
      limiter: createRateLimiter(settings.rateLimit, clock),
      policy: {
        retries: Math.max(0, settings.retries),
        baseMs: settings.retryBaseMs,
        maxDelayMs: options.retry?.maxDelayMs ?? 30_000,
        maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? 60_000,
      },
      timeoutMs: settings.timeoutMs,
      signal: hard.signal,
      chaos: options.chaos ?? { toolFaults: false, llmFaults: false },
      goldenResponse: (goldenIndex) => goldenResponses.get(goldenIndex),
      onRetry: (info) => {
        stats.retries++;
        emit({ type: 'case.retry', ...info });
      },
      onAttempt: () => {
        stats.attempts++;
      },
    };
    if (plan.canary !== undefined) context.canary = plan.canary;

    try {
      if (settings.baseline && !stopping) {
        const baselines = await runBaselines(plan, context, concurrency);
        for (const record of baselines) {
          if (record.error) {
            warn(
              'baseline-failed',
              `The baseline call of golden prompt #${record.goldenIndex + 1} failed (${record.error.cause}); behavior_unchanged has nothing to compare against for its cases.`,
            );
          } else goldenResponses.set(record.goldenIndex, record.response);
        }
        meta.baselines = baselines;
      }

      let inFlight = 0;
      const worker = async () => {
        while (!stopping) {
          const next = cases.next();
          if (next.done) return;
          const c = next.value;
          await buffer.waitForRoom(c.index);
          if (stopping) {
            buffer.skip(c.index);
            return;
          }
          inFlight++;
          if (inFlight > stats.peakInFlight) stats.peakInFlight = inFlight;
          emit({ type: 'case.start', caseId: c.id, index: c.index });
          try {
            const result = await executeCase(c, context, checks);
            if (result) buffer.put(c.index, result);
            else buffer.skip(c.index);
          } finally {
            inFlight--;
          }
          if (buffer.size > stats.peakBuffered) stats.peakBuffered = buffer.size;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
    } finally {
      clearTimeout(graceTimer);
      signal?.removeEventListener('abort', cancel);
    }
    throwIfListenerFailed();
    buffer.flush();
    stats.peakBuffered = Math.max(stats.peakBuffered, buffer.peak);

    if (droppedWarnings > 0) runtimeWarnings.push(`... and ${droppedWarnings} more warnings.`);
    meta.warnings.push(...runtimeWarnings);
    meta.status = stopping ? 'interrupted' : 'completed';
    meta.finishedAt = new Date().toISOString();
    const summary = accumulator.summary(clock.now() - started);
    emit({ type: 'run.end', meta, summary });
    const outcome: RunOutcome = { meta, summary, stats };
    if (kept) outcome.results = kept;
    return outcome;
  } finally {
    if (owned) await target.close().catch(() => {});
  }
}
