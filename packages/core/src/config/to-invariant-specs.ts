import type { InvariantCondition, InvariantSpec } from '../invariant/invariant.js';
import type { JsonObject } from '../json.js';
import type { ConfigPath } from './config-path.js';
import { didYouMean } from './did-you-mean.js';
import type { InvariantConfig } from './invariant-schema.js';
import type { PlanContext } from './plan-context.js';

/** What the caller knows about invariant types (from the registry). */
export interface InvariantCatalogue {
  knownInvariantTypes?: Iterable<string>;
  /** Checks the mutation type names of `when` filters. */
  knownMutationTypes?: Iterable<string>;
  /** The type's own check of its params; returns readable problems (empty when fine). */
  validateInvariant?: (type: string, params: JsonObject) => readonly string[];
}

const SHARED_FIELDS = new Set(['type', 'id', 'severity', 'when', 'negate', 'description', 'probes']);

/**
 * Turns invariant entries into InvariantSpecs: shared fields typed, every other key kept as the type's
 * params, ids defaulted to `<type>-<position>` and checked for duplicates, types checked when known.
 */
export function toInvariantSpecs(
  entries: readonly InvariantConfig[] | undefined,
  basePath: ConfigPath,
  context: PlanContext,
  catalogue: InvariantCatalogue,
): InvariantSpec[] {
  const known = catalogue.knownInvariantTypes ? new Set(catalogue.knownInvariantTypes) : undefined;
  const knownMutations = catalogue.knownMutationTypes ? new Set(catalogue.knownMutationTypes) : undefined;
  const ids = new Map<string, number>();
  return (entries ?? []).map((entry, i) => {
    const path = [...basePath, i];
    if (known && !known.has(entry.type)) {
      context.problem(
        [...path, 'type'],
        `unknown invariant type \`${entry.type}\``,
        didYouMean(entry.type, known) ??
          `run \`flakestorm invariants\` to list the ${known.size} known types`,
      );
    }
    if (knownMutations && entry.when !== undefined && typeof entry.when === 'object') {
      for (const field of ['mutation_types', 'except_mutation_types'] as const) {
        for (const [j, name] of (entry.when[field] ?? []).entries()) {
          if (knownMutations.has(name)) continue;
          context.problem(
            [...path, 'when', field, j],
            `unknown mutation type \`${name}\``,
            didYouMean(name, knownMutations) ?? 'run `flakestorm mutations` to list the known types',
          );
        }
      }
    }
    const id = entry.id ?? `${entry.type}-${i + 1}`;
    const previous = ids.get(id);
    if (previous !== undefined) {
      context.problem(
        [...path, entry.id === undefined ? 'type' : 'id'],
        `invariant id \`${id}\` is already used by entry ${previous + 1}`,
        'give each invariant a unique `id`',
      );
    }
    ids.set(id, i);
    const params: JsonObject = {};
    for (const [key, value] of Object.entries(entry)) {
      // Non-shared keys come from the schema's JSON catchall, so they are JSON values.
      if (!SHARED_FIELDS.has(key) && value !== undefined) params[key] = value as JsonObject[string];
    }
    if (catalogue.validateInvariant && (!known || known.has(entry.type))) {
      for (const problem of checkParams(catalogue.validateInvariant, entry.type, params)) {
        context.problem(path, `invariant \`${id}\` (${entry.type}): ${problem}`);
      }
    }
    return {
      type: entry.type,
      id,
      severity: entry.severity ?? 'medium',
      negate: entry.negate ?? false,
      when: toCondition(entry.when),
      ...(entry.description === undefined ? {} : { description: entry.description }),
      ...(entry.probes === undefined ? {} : { probes: entry.probes }),
      params,
    };
  });
}

function checkParams(
  validate: NonNullable<InvariantCatalogue['validateInvariant']>,
  type: string,
  params: JsonObject,
): readonly string[] {
  try {
    return validate(type, params);
  } catch (error) {
    // A validator that throws is a plugin bug; the user still sees which entry triggered it.
    return [
      `its parameters could not be checked (${error instanceof Error ? error.message : String(error)})`,
    ];
  }
}

function toCondition(when: InvariantConfig['when']): InvariantCondition {
  if (when === undefined) return { chaos: 'always' };
  if (typeof when === 'string') return { chaos: when };
  return {
    chaos: when.chaos ?? 'always',
    ...(when.mutation_types === undefined ? {} : { mutationTypes: when.mutation_types }),
    ...(when.except_mutation_types === undefined ? {} : { exceptMutationTypes: when.except_mutation_types }),
  };
}
