import { type ChaosRun, startChaosRun } from '../chaos/chaos-run.js';
import type { ChaosRoutesInput } from '../chaos/routes.js';
import { FlakestormError, isFlakestormError } from '../errors.js';
import { builtinScanner } from '../invariant/default-scanner.js';
import type { InvariantSpec } from '../invariant/invariant.js';
import type { InvariantContext } from '../invariant/invariant-context.js';
import type { JsonObject } from '../json.js';
import type { Registry } from '../plugin/registry.js';
import { stableId } from '../random.js';
import { type CheckRunner, prepareCheckRunner } from '../run/check-runner.js';
import type { Observation } from '../run/observation.js';
import type { RunPlan } from '../run/plan.js';
import { createPlanTarget } from '../run/plan-target.js';
import type { Target } from '../target/target.js';
import { callOnce } from './call-once.js';
import {
  CONTRACT_REPORT_SCHEMA_VERSION,
  type ContractCellResult,
  type ContractProbeResult,
  type ContractReport,
} from './contract-report.js';
import { scoreContract } from './contract-score.js';
import { type ContractCell, type ContractSpec, toContractSpec } from './contract-spec.js';

/** Progress of a contract run, for terminals and servers (the engine never prints). */
export type ContractEvent =
  | { type: 'contract.start'; name: string; cells: number; invariants: number }
  | { type: 'cell.start'; cell: string; index: number }
  | { type: 'cell.result'; result: ContractCellResult }
  | { type: 'cell.end'; cell: string; index: number }
  | { type: 'contract.end'; report: ContractReport };

/** Options of runContract; only the registry is required. */
export interface ContractRunOptions {
  registry: Registry;
  /** A ready target (not closed here); by default one is created from the plan and closed after. */
  target?: Target;
  /** Scanner, embedder... for invariants (baseDir and registry come from the plan and options). */
  invariantContext?: Omit<InvariantContext, 'baseDir' | 'registry'>;
  onEvent?: (event: ContractEvent) => void;
  signal?: AbortSignal;
  /** Routes added to the config's chaos.routes (e.g. a demo's local upstreams). */
  routes?: ChaosRoutesInput;
  /** Fails the contract below this score (0..100) as well as on critical failures. */
  minScore?: number;
  /** Use this contract instead of the plan's `contract:` section. */
  contract?: ContractSpec;
}

function cellChaos(plan: RunPlan, cell: ContractCell): JsonObject {
  // Each cell reuses the config's proxy routes and port, with only its own faults.
  const base = plan.chaos ?? {};
  return {
    ...(base.routes === undefined ? {} : { routes: base.routes }),
    ...(base.port === undefined ? {} : { port: base.port }),
    ...cell.chaos,
  };
}

function needsProxy(chaos: JsonObject, extraRoutes: ChaosRoutesInput | undefined): boolean {
  const keys = ['routes', 'tool_faults', 'llm_faults', 'context_attacks'];
  return keys.some((key) => chaos[key] !== undefined) || Object.keys(extraRoutes ?? {}).length > 0;
}

async function resetTarget(target: Target, cell: string, timeoutMs: number): Promise<void> {
  if (!target.reset) return;
  try {
    await target.reset(AbortSignal.timeout(timeoutMs));
  } catch (cause) {
    throw new FlakestormError(
      'FLAKESTORM_TARGET_FAILED',
      `Resetting the agent before contract cell "${cell}" failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
        hint: 'Fix agent.reset_endpoint / reset_function (it must answer 2xx), or remove it if the agent keeps no state.',
        details: { cell },
      },
    );
  }
}

/**
 * Runs a behavioural contract: for every cell of the chaos matrix (in order, once each), resets the
 * agent, starts the chaos proxy with that cell's faults, sends each distinct prompt of the invariants
 * once, and checks every invariant on its own prompts (probes, else golden prompts) with `when`
 * honoured. Returns the report with its severity-weighted score; failures of the agent are data.
 */
export async function runContract(plan: RunPlan, options: ContractRunOptions): Promise<ContractReport> {
  const spec = options.contract ?? toContractSpec(plan);
  const { registry } = options;
  const emit = (event: ContractEvent) => options.onEvent?.(event);
  // The pattern engine backs excludes_pii and redacts excerpts, unless the caller brings its own scanner.
  const context: InvariantContext = {
    scanner: builtinScanner(),
    ...options.invariantContext,
    baseDir: plan.baseDir,
    registry,
  };
  const checksOf = new Map<InvariantSpec, CheckRunner>();
  for (const invariant of spec.invariants) {
    checksOf.set(invariant, await prepareCheckRunner([invariant], registry, context));
  }
  const owned = options.target === undefined;
  const target = options.target ?? createPlanTarget(plan, registry);
  const startedAt = new Date().toISOString();
  const results: ContractCellResult[] = [];
  const warnings: string[] = [];
  let interrupted = false;
  try {
    await preflight(target, plan.settings.timeoutMs);
    emit({
      type: 'contract.start',
      name: spec.name,
      cells: spec.cells.length,
      invariants: spec.invariants.length,
    });
    for (const [index, cell] of spec.cells.entries()) {
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      emit({ type: 'cell.start', cell: cell.name, index });
      await resetTarget(target, cell.name, plan.settings.timeoutMs);
      const chaos = cellChaos(plan, cell);
      let run: ChaosRun | undefined;
      if (needsProxy(chaos, options.routes)) {
        run = await startChaosRun({
          chaos,
          seed: plan.settings.seed,
          ...(options.routes ? { routes: options.routes } : {}),
        });
      }
      try {
        const cellResults = await runCell(plan, spec, cell, run, target, checksOf, options.signal);
        for (const result of cellResults) {
          results.push(result);
          emit({ type: 'cell.result', result });
        }
      } finally {
        await run?.close();
      }
      emit({ type: 'cell.end', cell: cell.name, index });
    }
  } finally {
    if (owned) await target.close().catch(() => {});
  }
  if (interrupted)
    warnings.push('The contract was interrupted: cells after the last reported one did not run.');
  const report: ContractReport = {
    schemaVersion: CONTRACT_REPORT_SCHEMA_VERSION,
    kind: 'contract',
    name: spec.name,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    configSource: plan.source,
    agent: { kind: target.kind, description: target.description },
    seed: plan.settings.seed,
    startedAt,
    finishedAt: new Date().toISOString(),
    status: interrupted ? 'interrupted' : 'completed',
    cells: spec.cells.map((c) => c.name),
    invariants: spec.invariants.map((i) => ({ id: i.id, type: i.type, severity: i.severity })),
    results,
    summary: scoreContract(results, options.minScore),
    warnings,
  };
  emit({ type: 'contract.end', report });
  return report;
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

async function runCell(
  plan: RunPlan,
  spec: ContractSpec,
  cell: ContractCell,
  run: ChaosRun | undefined,
  target: Target,
  checksOf: ReadonlyMap<InvariantSpec, CheckRunner>,
  signal: AbortSignal | undefined,
): Promise<ContractCellResult[]> {
  const chaos = run?.flags ?? { toolFaults: false, llmFaults: false };
  const sender = run ? run.wrapTarget(target) : target;
  // A prompt shared by several invariants is sent once per cell; each invariant checks that answer.
  const observations = new Map<string, Observation>();
  const observe = async (prompt: string): Promise<Observation> => {
    const known = observations.get(prompt);
    if (known) return known;
    const observation = await callOnce({
      target: sender,
      caseId: stableId('contract', spec.name, cell.name, prompt),
      label: `contract cell "${cell.name}"`,
      kind: 'contract',
      prompt,
      timeoutMs: plan.settings.timeoutMs,
      chaos,
      ...(signal ? { signal } : {}),
      ...(plan.canary === undefined ? {} : { canary: plan.canary }),
    });
    // Exchanges the proxy saw for this call join the observation before any check runs.
    if (run) await run.wrapChecks(async () => [])(observation);
    observations.set(prompt, observation);
    return observation;
  };
  const results: ContractCellResult[] = [];
  for (const invariant of spec.invariants) {
    const checks = checksOf.get(invariant);
    if (!checks) continue;
    const probes: ContractProbeResult[] = [];
    for (const prompt of spec.promptsOf(invariant)) {
      const observation = await observe(prompt);
      const [verdict] = await checks(observation);
      probes.push({
        prompt,
        passed: verdict?.passed ?? true,
        skipped: verdict === undefined,
        reason:
          verdict?.reason ?? `not applicable: \`when: ${invariant.when.chaos}\` does not cover this cell`,
        response: observation.response,
        latencyMs: observation.latencyMs,
        error: observation.error ?? null,
        exchanges: observation.exchanges,
      });
    }
    const ran = probes.filter((p) => !p.skipped);
    const status = ran.length === 0 ? 'skipped' : ran.every((p) => p.passed) ? 'passed' : 'failed';
    results.push({
      cell: cell.name,
      invariantId: invariant.id,
      type: invariant.type,
      severity: invariant.severity,
      status,
      probes,
    });
  }
  return results;
}
