import type { InvariantCheck, InvariantSpec, InvariantType } from '../invariant/invariant.js';
import type { InvariantContext } from '../invariant/invariant-context.js';
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
 * Builds a CheckRunner from the plan's invariant specs through the registry, loading each check once
 * (types with `load` read files or warm up here, so failures surface before the first case). The
 * invariants module owns the full semantics; this is the runner's plain default: `when` and `applies`
 * filtering, "no answer" for content checks on failed calls, `negate`, and a check that throws becomes a
 * failed verdict (a finding), never a crashed run.
 */
export async function prepareCheckRunner(
  specs: readonly InvariantSpec[],
  registry: Registry,
  context: InvariantContext,
): Promise<CheckRunner> {
  const checks: Array<{ spec: InvariantSpec; type: InvariantType; check: InvariantCheck }> = [];
  for (const spec of specs) {
    const type = registry.invariant(spec.type);
    const check = type.load ? await type.load(spec, context) : type.create(spec, context);
    checks.push({ spec, type, check });
  }
  return async (observation) => {
    const results: CheckResult[] = [];
    for (const { spec, type, check } of checks) {
      if (!invariantApplies(spec, observation)) continue;
      if (type.applies && !type.applies(spec, observation, context)) continue;
      const result: CheckResult = {
        type: spec.type,
        id: spec.id,
        passed: false,
        reason: '',
        severity: spec.severity,
      };
      if (observation.error && !type.acceptsErrors) {
        result.reason = `No answer to check: the call failed (${observation.error.cause}).`;
        results.push(result);
        continue;
      }
      try {
        const verdict = await check(observation);
        result.passed = spec.negate ? !verdict.passed : verdict.passed;
        result.reason = spec.negate ? `negated: ${verdict.reason}` : verdict.reason;
        if (verdict.details) result.details = verdict.details;
      } catch (error) {
        result.reason = `The ${spec.type} check failed to run: ${error instanceof Error ? error.message : String(error)}`;
      }
      results.push(result);
    }
    return results;
  };
}
