import { dirname, resolve } from 'node:path';
import {
  builtinPlugin,
  type CaseResult,
  type ChaosRun,
  createPlanTarget,
  createRecorderListener,
  createRegistry,
  loadConfigFile,
  type Plugin,
  prepareCheckRunner,
  type Registry,
  type RunEvent,
  type RunMeta,
  type RunPlan,
  type RunSummary,
  resolveConfig,
  runPlan,
} from '@flakestorm/core';
import { configKnowledge } from './config-knowledge.js';
import type { RunRecorderFactory } from './recorder.js';

/** Options of the SDK's `run`. */
export interface RunOptions {
  /** Receives every engine event as it happens (progress, results, warnings). */
  onEvent?: (event: RunEvent) => void;
  /** Cancels the run: in-flight calls finish or abort, the partial result is returned. */
  signal?: AbortSignal;
  /** Extra mutators, invariants, targets or reporters. */
  plugins?: Plugin[];
  /** Keep every CaseResult in the returned object (default true; turn off for huge runs and use onEvent). */
  collectResults?: boolean;
  /** Folder relative paths in an inline config resolve against (default: the current folder). */
  baseDir?: string;
  /** Records history (see the store package). */
  recorder?: RunRecorderFactory;
  /** A started chaos phase (startChaosRun): calls go through its context attacks, results get its exchanges. */
  chaos?: ChaosRun;
}

/** What `run` returns: the header, the scores and (unless turned off) every result in case order. */
export interface RunOutcome {
  meta: RunMeta;
  summary: RunSummary;
  results: CaseResult[];
  plan: RunPlan;
}

/** Anything `run` accepts: a config object (as in flakestorm.yaml), a validated RunPlan, or a file path. */
export type RunInput = string | RunPlan | Record<string, unknown>;

function isRunPlan(value: unknown): value is RunPlan {
  return (
    typeof value === 'object' &&
    value !== null &&
    'target' in value &&
    'settings' in value &&
    'goldenPrompts' in value
  );
}

/** Turns any RunInput into a validated RunPlan (config warnings are in `plan.warnings`). */
export async function toPlan(
  input: RunInput,
  baseDir: string = process.cwd(),
  registry: Registry = createRegistry([builtinPlugin]),
): Promise<RunPlan> {
  const knowledge = configKnowledge(registry);
  if (typeof input === 'string') return (await loadConfigFile(resolve(input), knowledge)).plan;
  if (isRunPlan(input)) return input;
  return resolveConfig(input, { ...knowledge, source: 'inline', baseDir });
}

/**
 * Runs a chaos test from code: the same engine as `flakestorm run`.
 * Findings (failed checks) are data in the outcome; operational failures throw FlakestormError.
 */
export async function run(input: RunInput, options: RunOptions = {}): Promise<RunOutcome> {
  const plan = await toPlan(
    input,
    options.baseDir ?? (typeof input === 'string' ? dirname(resolve(input)) : undefined),
  );
  const registry = createRegistry([builtinPlugin, ...(options.plugins ?? [])]);
  const collect = options.collectResults !== false;
  const results: CaseResult[] = [];
  const history = options.recorder ? createRecorderListener(options.recorder) : undefined;
  const onEvent = (event: RunEvent) => {
    if (event.type === 'case.result' && collect) results.push(event.result);
    history?.onEvent(event);
    options.onEvent?.(event);
  };
  // Core's evaluator uses the pattern engine's scanner by default (excludes_pii, redacted excerpts).
  const checks = await prepareCheckRunner(plan.invariants, registry, { baseDir: plan.baseDir });
  const chaos = options.chaos;
  const target = chaos?.wrapTarget(createPlanTarget(plan, registry));
  let outcome: Awaited<ReturnType<typeof runPlan>>;
  try {
    outcome = await runPlan(plan, {
      registry,
      onEvent,
      checks: chaos ? chaos.wrapChecks(checks) : checks,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(target && chaos ? { target, chaos: chaos.flags } : {}),
    });
  } catch (error) {
    // The run stopped on an operational error: let history record it as failed before rethrowing.
    await history?.done().catch(() => undefined);
    throw error;
  } finally {
    await target?.close();
  }
  await history?.done();
  // The engine streams results in case order already.
  return { meta: outcome.meta, summary: outcome.summary, results, plan };
}
