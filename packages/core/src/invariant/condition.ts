import type { Observation } from '../run/observation.js';
import type { InvariantCondition, InvariantSpec } from './invariant.js';

/** The `when` values, for validation and catalogues. */
export const chaosConditions: readonly InvariantCondition['chaos'][] = [
  'always',
  'tool_faults_active',
  'llm_faults_active',
  'any_chaos_active',
  'no_chaos',
];

function chaosHolds(chaos: InvariantCondition['chaos'], state: Observation['chaos']): boolean {
  switch (chaos) {
    case 'always':
      return true;
    case 'tool_faults_active':
      return state.toolFaults;
    case 'llm_faults_active':
      return state.llmFaults;
    case 'any_chaos_active':
      return state.toolFaults || state.llmFaults;
    case 'no_chaos':
      return !state.toolFaults && !state.llmFaults;
  }
}

/** Whether a (possibly layered, "a+b") mutation type is named in a list. */
function mentions(list: readonly string[], mutationType: string): boolean {
  return list.includes(mutationType) || mutationType.split('+').some((t) => list.includes(t));
}

/**
 * Whether an invariant's `when` holds for an observation: the chaos state matches, and the case's
 * mutation type passes the `mutationTypes`/`exceptMutationTypes` filters (a layered type "a+b"
 * matches a filter naming either layer). Python Flakestorm parsed `when` but never evaluated it.
 */
export function isInvariantApplicable(spec: InvariantSpec, observation: Observation): boolean {
  const when = spec.when;
  if (!chaosHolds(when.chaos, observation.chaos)) return false;
  const type = observation.case.mutationType;
  if (when.mutationTypes && when.mutationTypes.length > 0 && !mentions(when.mutationTypes, type))
    return false;
  if (when.exceptMutationTypes && mentions(when.exceptMutationTypes, type)) return false;
  return true;
}
