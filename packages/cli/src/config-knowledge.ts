import type { Registry, ResolveConfigOptions } from '@flakestorm/core';

/** What the registry tells the config loader, so unknown type names get did-you-mean hints. */
export type ConfigKnowledge = Pick<
  ResolveConfigOptions,
  'knownMutationTypes' | 'knownInvariantTypes' | 'defaultWeights'
>;

/** The registry's mutation and invariant names and default weights, for the config loader. */
export function configKnowledge(registry: Registry): ConfigKnowledge {
  return {
    knownMutationTypes: [...registry.mutators.keys()],
    knownInvariantTypes: [...registry.invariants.keys()],
    defaultWeights: Object.fromEntries([...registry.mutators.values()].map((m) => [m.type, m.defaultWeight])),
  };
}
