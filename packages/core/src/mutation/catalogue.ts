import { builtinMutators } from './builtin-mutators.js';
import type { MeaningPreservation, MutationGroup, Mutator } from './mutator.js';

/** One row of `flakestorm mutations --json`. */
export interface MutationCatalogueEntry {
  type: string;
  group: MutationGroup;
  description: string;
  defaultWeight: number;
  wireLevel: boolean;
  multiTurn: boolean;
  preservesMeaning: boolean;
  preservation: MeaningPreservation | 'unstated';
  example: string;
  pythonCompatible: boolean;
}

/** Lists mutation types (the built-ins, or a registry's `mutators.values()`) with their facts and an example. */
export function mutationCatalogue(mutators: Iterable<Mutator> = builtinMutators): MutationCatalogueEntry[] {
  return [...mutators].map((m) => ({
    type: m.type,
    group: m.group,
    description: m.description,
    defaultWeight: m.defaultWeight,
    wireLevel: m.wireLevel,
    multiTurn: m.multiTurn,
    preservesMeaning: m.preservesMeaning,
    preservation: m.preservation ?? 'unstated',
    example: m.example,
    pythonCompatible: m.pythonCompatible ?? false,
  }));
}
