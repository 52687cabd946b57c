import type { InvariantCheck, InvariantSpec } from '../invariant/invariant.js';
import type { Registry } from '../plugin/registry.js';
import type { Observation } from './observation.js';
import type { CheckResult } from './result.js';

/** The seam between runner and invariants: every applicable check's verdict on one observation. */
export type CheckRunner = (observation: Observation) => Promise<CheckResult[]>;

/** Whether a spec's `when` condition covers this observation. */
export function invariantApplies(spec: InvariantSpec, observation: Observation): boolean {
  const { chaos, mutationTypes, exceptMutationTypes } = spec.when;
  const type = observation.case.mutationType;
  if (mutationTypes && !mutationTypes.includes(type)) return false;
  if (exceptMutationTypes?.includes(type)) return false;
  const { toolFaults, llmFaults } = observation.chaos;
  switch (chaos) {
    case 'tool_faults_active':
      return toolFaults;
    case 'llm_faults_active':
      return llmFaults;
    case 'any_chaos_active':
      return toolFaults || llmFaults;
    case 'no_chaos':
      return !toolFaults && !llmFaults;
    default:
      return true;
  }
}

/**
 * Builds a CheckRunner from the plan's invariant specs through the registry. The invariants module owns
 * the full semantics; this is the runner's plain default: `when` filtering, `negate`, and a check that
 * throws becomes a failed verdict (a finding), never a crashed run.
 */
export function createCheckRunner(specs: readonly InvariantSpec[], registry: Registry): CheckRunner {
  const checks: Array<{ spec: InvariantSpec; check: InvariantCheck }> = specs.map((spec) => ({
    spec,
    check: registry.invariant(spec.type).create(spec),
  }));
  return async (observation) => {
    const results: CheckResult[] = [];
    for (const { spec, check } of checks) {
      if (!invariantApplies(spec, observation)) continue;
      let passed: boolean;
      let reason: string;
      let details: CheckResult['details'];
      try {
        const verdict = await check(observation);
        passed = spec.negate ? !verdict.passed : verdict.passed;
        reason = spec.negate ? `negated: ${verdict.reason}` : verdict.reason;
        details = verdict.details;
      } catch (error) {
        passed = false;
        reason = `The ${spec.type} check failed to run: ${error instanceof Error ? error.message : String(error)}`;
      }
      const result: CheckResult = { type: spec.type, id: spec.id, passed, reason, severity: spec.severity };
      if (details) result.details = details;
      results.push(result);
    }
    return results;
  };
}
