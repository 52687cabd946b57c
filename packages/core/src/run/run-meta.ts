import { configHash } from '../config/redact-config.js';
import type { Target } from '../target/target.js';
import type { RunPlan } from './plan.js';
import type { RunMeta } from './report.js';
import { createRunId } from './run-id.js';
import { FLAKESTORM_VERSION } from './version.js';

/** The header of a new run, status "running"; `runId` is kept when a queue created the run earlier. */
export function createRunMeta(
  plan: RunPlan,
  target: Pick<Target, 'kind' | 'description'>,
  runId: string = createRunId(),
): RunMeta {
  return {
    runId,
    status: 'running',
    startedAt: new Date().toISOString(),
    tool: { name: 'flakestorm', version: FLAKESTORM_VERSION },
    configHash: configHash(plan),
    configSource: plan.source,
    agent: { kind: target.kind, description: target.description },
    seed: plan.settings.seed,
    mutationTypes: plan.mutations.map((spec) => spec.type),
    invariants: plan.invariants.map(({ id, type, severity }) => ({ id, type, severity })),
    warnings: [...plan.warnings],
  };
}
