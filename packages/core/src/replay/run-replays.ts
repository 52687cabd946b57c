import { callOnce } from '../contract/call-once.js';
import { toContractSpec } from '../contract/contract-spec.js';
import { FlakestormError, isFlakestormError } from '../errors.js';
import { builtinScanner } from '../invariant/default-scanner.js';
import type { InvariantContext } from '../invariant/invariant-context.js';
import type { Registry } from '../plugin/registry.js';
import { type CheckRunner, prepareCheckRunner } from '../run/check-runner.js';
import type { RunPlan } from '../run/plan.js';
import { createPlanTarget } from '../run/plan-target.js';
import type { Target } from '../target/target.js';
import { loadPlanSessions } from './plan-sessions.js';
import { startReplayProxy } from './replay-proxy.js';
import {
  REPLAY_REPORT_SCHEMA_VERSION,
  type ReplayReport,
  type ReplaySessionResult,
} from './replay-report.js';
import { checkReplaySpeed } from './replay-stream.js';
import { createReplayUpstream } from './replay-upstream.js';
import type { ReplaySession } from './session.js';

/** Options of runReplays; only the registry is required. */
export interface ReplayRunOptions {
  registry: Registry;
  /** Sessions to replay (default: the plan's `replays.sessions`). */
  sessions?: ReplaySession[];
  /** A ready target (not closed here); by default one is created from the plan and closed after. */
  target?: Target;
  invariantContext?: Omit<InvariantContext, 'baseDir' | 'registry'>;
  onResult?: (result: ReplaySessionResult) => void;
  signal?: AbortSignal;
  /** Recorded upstream latency is divided by this: 1 (default) as recorded, 4 four times faster, 0 none. */
  speed?: number;
}

/**
 * Replays recorded sessions: for each, resets the agent, serves the session's recorded LLM and tool
 * responses through the chaos proxy (so the real upstreams may be down), sends the recorded input
 * once, and checks the invariants (the session's contract's, else the config's). Deterministic for a
 * deterministic agent: the same recording gives the same answer.
 */
export async function runReplays(plan: RunPlan, options: ReplayRunOptions): Promise<ReplayReport> {
  const speed = checkReplaySpeed(options.speed ?? 1);
  const sessions = options.sessions ?? (await loadPlanSessions(plan));
  const { registry } = options;
  const context: InvariantContext = {
    scanner: builtinScanner(),
    ...options.invariantContext,
    baseDir: plan.baseDir,
    registry,
  };
  const defaultChecks = await prepareCheckRunner(plan.invariants, registry, context);
  const contract = plan.contract === undefined ? undefined : toContractSpec(plan);
  const contractChecks = contract
    ? await prepareCheckRunner(contract.invariants, registry, context)
    : undefined;
  const checksFor = (session: ReplaySession): CheckRunner => {
    if (session.contract === undefined) return defaultChecks;
    if (contract && contractChecks && session.contract === contract.name) return contractChecks;
    throw new FlakestormError(
      'FLAKESTORM_CONFIG_INVALID',
      `Replay session "${session.id}" names contract "${session.contract}", which ${plan.source} does not define.`,
      {
        hint: contract
          ? `The config's contract is "${contract.name}".`
          : "Add a `contract:` section, or drop the session's `contract`.",
        details: { session: session.id, contract: session.contract },
      },
    );
  };
  for (const session of sessions) checksFor(session);

  const owned = options.target === undefined;
  const target = options.target ?? createPlanTarget(plan, registry);
  const startedAt = new Date().toISOString();
  const warnings: string[] = [];
  const results: ReplaySessionResult[] = [];
  const upstream = await createReplayUpstream();
  const prefixes = [...new Set(sessions.flatMap((s) => s.exchanges.map((e) => e.route)))];
  const proxy = await startReplayProxy(plan, upstream, prefixes);
  if (typeof plan.chaos?.port !== 'number' && sessions.some((s) => s.exchanges.length > 0)) {
    warnings.push(
      `chaos.port is not set: recorded upstream responses are served at ${proxy.url}, which the agent may not be using.`,
    );
  }
  try {
    await preflight(target, plan.settings.timeoutMs);
    for (const session of sessions) {
      if (options.signal?.aborted) break;
      if (target.reset) await target.reset(AbortSignal.timeout(plan.settings.timeoutMs));
      upstream.serve(session.exchanges, { speed });
      const key = `replay-${session.id}`;
      proxy.beginCase(key);
      const observation = await callOnce({
        target,
        caseId: key,
        label: `replay ${session.name ?? session.id}`,
        kind: 'replay',
        prompt: session.input,
        ...(session.messages ? { messages: session.messages } : {}),
        timeoutMs: plan.settings.timeoutMs,
        chaos: { toolFaults: false, llmFaults: false },
        ...(options.signal ? { signal: options.signal } : {}),
        ...(plan.canary === undefined ? {} : { canary: plan.canary }),
      });
      observation.exchanges.push(...proxy.endCase(key));
      const checks = await checksFor(session)(observation);
      const result: ReplaySessionResult = {
        id: session.id,
        ...(session.name === undefined ? {} : { name: session.name }),
        ...(session.source === undefined ? {} : { source: session.source }),
        input: session.input,
        response: observation.response,
        ...(session.response === undefined ? {} : { recordedResponse: session.response }),
        matchesRecording: session.response === undefined ? null : session.response === observation.response,
        passed: observation.error === undefined && checks.every((c) => c.passed),
        expectedFailure: session.expectedFailure ?? false,
        checks,
        error: observation.error ?? null,
        latencyMs: observation.latencyMs,
        exchanges: observation.exchanges,
        served: upstream.served,
        misses: [...upstream.misses],
      };
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await proxy.close();
    await upstream.close();
    if (owned) await target.close().catch(() => {});
  }
  const passed = results.filter((r) => r.passed).length;
  return {
    schemaVersion: REPLAY_REPORT_SCHEMA_VERSION,
    kind: 'replay',
    configSource: plan.source,
    agent: { kind: target.kind, description: target.description },
    startedAt,
    finishedAt: new Date().toISOString(),
    results,
    summary: {
      total: results.length,
      passed,
      failed: results.length - passed,
      score: results.length === 0 ? null : passed / results.length,
      matchingRecording: results.filter((r) => r.matchesRecording === true).length,
      misses: results.reduce((n, r) => n + r.misses.length, 0),
    },
    warnings,
  };
}

async function preflight(target: Target, timeoutMs: number): Promise<void> {
  try {
    await target.preflight(AbortSignal.timeout(timeoutMs));
  } catch (error) {
    if (isFlakestormError(error)) throw error;
    throw new FlakestormError(
      'FLAKESTORM_TARGET_UNREACHABLE',
      `Could not reach the agent at ${target.description}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error, hint: 'Start the agent (or fix its address in the config) and run again.' },
    );
  }
}
