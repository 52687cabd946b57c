import type { JsonObject } from '../json.js';
import type { MutationSpec } from '../run/plan.js';
import type { ConfigPath } from './config-path.js';
import { defaultMutationTypes, defaultMutationWeights } from './default-weights.js';
import { didYouMean } from './did-you-mean.js';
import type { MutationsConfig } from './mutations-schema.js';
import type { PlanContext } from './plan-context.js';

/** What the caller knows about mutation types (from the registry). */
export interface MutationCatalogue {
  knownMutationTypes?: Iterable<string>;
  defaultWeights?: Readonly<Record<string, number>>;
}

/** Mutations per golden prompt when the config does not say (Python Flakestorm's default). */
export const DEFAULT_MUTATION_COUNT = 10;

interface Entry {
  name: string;
  path: ConfigPath;
  layer?: string[];
  count?: number;
  weight?: number;
  generator?: 'rules' | 'llm';
  options?: JsonObject;
}

/** Turns the `mutations` section into MutationSpecs: names checked, counts shared out, weights resolved. */
export function toMutationSpecs(
  config: MutationsConfig | undefined,
  context: PlanContext,
  catalogue: MutationCatalogue,
): MutationSpec[] {
  const known = catalogue.knownMutationTypes ? new Set(catalogue.knownMutationTypes) : undefined;
  const entries = readEntries(config, context, known);
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.name))
      context.problem(entry.path, `mutation type \`${entry.name}\` is listed twice`, 'list each type once');
    seen.add(entry.name);
  }
  if (known) {
    for (const key of Object.keys(config?.weights ?? {})) {
      if (!known.has(key)) {
        const hint = didYouMean(key, known);
        context.warn(`weight for unknown mutation type \`${key}\` is ignored${hint ? ` (${hint})` : ''}`, [
          'mutations',
          'weights',
          key,
        ]);
      }
    }
  }
  if (config?.custom_templates && !seen.has('custom')) {
    context.warn('custom_templates are used only by the `custom` mutation type; add it to mutations.types', [
      'mutations',
      'custom_templates',
    ]);
  }
  const counts = shareCounts(config?.count ?? DEFAULT_MUTATION_COUNT, entries);
  const weightOf = (name: string): number | undefined =>
    config?.weights?.[name] ?? catalogue.defaultWeights?.[name] ?? defaultMutationWeights[name];
  return entries.map((entry, i) => {
    const layerWeights = (entry.layer ?? []).map((name) => weightOf(name) ?? 1);
    const options: JsonObject = { ...(entry.options ?? {}) };
    if (entry.name === 'custom' && config?.custom_templates && options.templates === undefined) {
      options.templates = { ...config.custom_templates };
    }
    return {
      type: entry.name,
      ...(entry.layer === undefined ? {} : { layer: entry.layer }),
      count: counts[i] ?? 1,
      // A composed attack is at least as hard as its hardest layer.
      weight:
        entry.weight ?? weightOf(entry.name) ?? (layerWeights.length > 0 ? Math.max(...layerWeights) : 1),
      generator: entry.generator ?? config?.generator ?? 'rules',
      options,
    };
  });
}

function readEntries(
  config: MutationsConfig | undefined,
  context: PlanContext,
  known: Set<string> | undefined,
): Entry[] {
  const check = (name: string, path: ConfigPath) => {
    if (!known || known.has(name)) return;
    context.problem(
      path,
      `unknown mutation type \`${name}\``,
      didYouMean(name, known) ?? `run \`flakestorm mutations\` to list the ${known.size} known types`,
    );
  };
  if (!config?.types) {
    return defaultMutationTypes
      .filter((name) => !known || known.has(name))
      .map((name) => ({ name, path: ['mutations'] }));
  }
  const entries: Entry[] = [];
  config.types.forEach((item, i) => {
    const path: ConfigPath = ['mutations', 'types', i];
    if (typeof item === 'string') {
      check(item, path);
      entries.push({ name: item, path });
      return;
    }
    if (item.type === undefined && item.layer === undefined) {
      context.problem(
        path,
        'a mutation type entry needs `type` or `layer`',
        'e.g. `{ type: noise, count: 5 }`',
      );
      return;
    }
    if (item.layer) {
      for (const [j, name] of item.layer.entries()) check(name, [...path, 'layer', j]);
    } else if (item.type) {
      check(item.type, [...path, 'type']);
    }
    entries.push({
      name: item.type ?? (item.layer ?? []).join('+'),
      path,
      ...(item.layer === undefined ? {} : { layer: item.layer }),
      ...(item.count === undefined ? {} : { count: item.count }),
      ...(item.weight === undefined ? {} : { weight: item.weight }),
      ...(item.generator === undefined ? {} : { generator: item.generator }),
      ...(item.options === undefined ? {} : { options: item.options as JsonObject }),
    });
  });
  return entries;
}

/**
 * `mutations.count` is per golden prompt (as in Python Flakestorm), so it is shared out over the types
 * without a count of their own: evenly, earlier types taking the remainder, at least one each.
 */
function shareCounts(total: number, entries: readonly Entry[]): number[] {
  const shared = entries.filter((entry) => entry.count === undefined).length;
  let remainder = shared === 0 ? 0 : total % shared;
  const base = shared === 0 ? 0 : Math.floor(total / shared);
  return entries.map((entry) => {
    if (entry.count !== undefined) return entry.count;
    const extra = remainder > 0 ? 1 : 0;
    remainder -= extra;
    return Math.max(1, base + extra);
  });
}
