import type { Registry } from '../plugin/registry.js';
import type { Target } from '../target/target.js';
import type { RunPlan } from './plan.js';

/** The agent a plan describes, created through the registry (so plugin target kinds work everywhere). */
export function createPlanTarget(plan: RunPlan, registry: Registry): Target {
  return registry
    .target(plan.target.kind)
    .create(plan.target, { baseDir: plan.baseDir, timeoutMs: plan.timeoutMs, env: process.env });
}
