import {
  createInvariantEvaluator,
  type InvariantEvaluator,
  type InvariantEvaluatorOptions,
} from '../invariant/evaluator.js';
import type { InvariantSpec } from '../invariant/invariant.js';
import type { Registry } from '../plugin/registry.js';

/** The seam between runner and invariants: every applicable check's verdict on one observation. */
export type CheckRunner = InvariantEvaluator;

/** The runner's default checks: the invariants module's evaluator over the plan's specs. */
export function prepareCheckRunner(
  specs: readonly InvariantSpec[],
  registry: Registry,
  options: InvariantEvaluatorOptions,
): Promise<CheckRunner> {
  return createInvariantEvaluator(specs, registry, options);
}
