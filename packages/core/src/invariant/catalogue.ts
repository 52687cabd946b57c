import type { JsonObject } from '../json.js';
import type { Registry } from '../plugin/registry.js';
import { builtinInvariants } from './builtin-invariants.js';

/** One invariant type as `flakestorm invariants --json` lists it. */
export interface InvariantCatalogueEntry {
  type: string;
  description: string;
  example: JsonObject;
  /** True for the twelve types Python Flakestorm configs use. */
  pythonCompatible: boolean;
}

/** The twelve invariant types of Python Flakestorm 2.0. */
export const pythonInvariantTypes: readonly string[] = [
  'contains',
  'contains_any',
  'regex',
  'excludes_pattern',
  'latency',
  'valid_json',
  'similarity',
  'excludes_pii',
  'refusal_check',
  'output_not_empty',
  'completes',
  'behavior_unchanged',
];

/** Every invariant type with its description and an example (the registry's, plugins included, when given). */
export function invariantCatalogue(registry?: Registry): InvariantCatalogueEntry[] {
  const types = registry ? [...registry.invariants.values()] : [...builtinInvariants];
  return types.map((t) => ({
    type: t.type,
    description: t.description,
    example: t.example,
    pythonCompatible: pythonInvariantTypes.includes(t.type),
  }));
}
