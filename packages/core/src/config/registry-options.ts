import type { Registry } from '../plugin/registry.js';
import type { ResolveConfigOptions } from './resolve-config.js';

/** The parts of the resolve options a registry can answer. */
export type RegistryConfigOptions = Pick<
  ResolveConfigOptions,
  'knownMutationTypes' | 'knownInvariantTypes' | 'defaultWeights' | 'validateInvariant'
>;

/**
 * Options that make config loading check names and params against a registry: unknown mutation and
 * invariant types become located errors with did-you-mean, invariant params are checked by their type,
 * and mutators' own default weights apply. Load plugins (`plan.plugins`) first, then load with these.
 */
export function configOptionsFromRegistry(registry: Registry): RegistryConfigOptions {
  const defaultWeights: Record<string, number> = {};
  for (const [type, mutator] of registry.mutators) defaultWeights[type] = mutator.defaultWeight;
  return {
    knownMutationTypes: [...registry.mutators.keys()],
    knownInvariantTypes: [...registry.invariants.keys()],
    defaultWeights,
    validateInvariant: (type, params) => registry.invariants.get(type)?.validate(params) ?? [],
  };
}
