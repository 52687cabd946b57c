import type { JsonObject } from '../json.js';
import { createRandom, type Random } from '../random.js';
import type {
  MeaningPreservation,
  MutateContext,
  MutationGroup,
  MutationVariant,
  Mutator,
} from './mutator.js';
import { shuffledIndexes } from './text/sampling.js';

/** What a rule-based type's `build` gets for one recipe. */
export interface BuildInput {
  prompt: string;
  random: Random;
  /** The recipe index in the type's space, or the draw number for types without a space. */
  index: number;
  options: JsonObject;
}

/** A rule-based mutation type, before the shared dedupe-and-count logic is wrapped around it. */
export interface RuleMutatorDefinition {
  type: string;
  group: MutationGroup;
  description: string;
  defaultWeight: number;
  preservesMeaning: boolean;
  preservation: MeaningPreservation;
  wireLevel?: boolean;
  multiTurn?: boolean;
  pythonCompatible?: boolean;
  /**
   * Number of distinct recipes (templates x payloads...), when the type enumerates them: recipes are then
   * visited in a seeded order without repeats. Undefined: `build` makes random draws.
   */
  space?: (prompt: string, options: JsonObject) => number;
  /** Builds the variant for one recipe (or draw); undefined when that recipe does not apply. */
  build(input: BuildInput): MutationVariant | undefined;
}

/** The prompt used for catalogue examples. */
export const EXAMPLE_PROMPT = 'Book a flight to Paris for next Monday';

/** Identity of a variant for dedupe: its text, conversation and wire change. */
export function variantKey(variant: MutationVariant): string {
  const messages = variant.messages ? JSON.stringify(variant.messages) : '';
  const wire = variant.wire ? wireKey(variant.wire) : '';
  return `${variant.prompt}\u0001${messages}\u0001${wire}`;
}

// Wire changes are shared constants of their type (floods of 200 parameters, 32 KB headers): serialise once.
const wireKeys = new WeakMap<object, string>();
function wireKey(wire: object): string {
  let key = wireKeys.get(wire);
  if (key === undefined) {
    key = JSON.stringify(wire);
    wireKeys.set(wire, key);
  }
  return key;
}

/** Renders one variant as a short text for catalogues and previews. */
export function describeVariant(variant: MutationVariant): string {
  let text = variant.prompt;
  if (variant.messages && variant.messages.length > 1) {
    text = variant.messages.map((m) => `${m.role}: ${m.content}`).join('\n');
  }
  if (variant.wire) text = `[wire: ${variant.label}] ${text}`;
  return text.length > 240 ? `${text.slice(0, 237)}...` : text;
}

/** Extra draws allowed per wanted variant before a random-draw type gives up (its space is exhausted). */
const DRAWS_PER_VARIANT = 6;

/**
 * Turns a rule definition into a Mutator: collects up to `count` distinct variants, deterministically for a
 * given seed, and returns fewer only when the type's space is exhausted (the runner reports the shortfall).
 */
export function defineRuleMutator(definition: RuleMutatorDefinition): Mutator {
  let example: string | undefined;
  const mutate = (prompt: string, context: MutateContext): MutationVariant[] => {
    const want = Math.max(0, Math.floor(context.count));
    const out: MutationVariant[] = [];
    if (want === 0) return out;
    const seen = new Set<string>();
    const { random, options } = context;
    const take = (variant: MutationVariant | undefined): void => {
      if (!variant) return;
      const key = variantKey(variant);
      if (seen.has(key)) return;
      seen.add(key);
      out.push(variant);
    };
    if (definition.space) {
      const size = definition.space(prompt, options);
      const budget = want * DRAWS_PER_VARIANT + 32;
      let tries = 0;
      for (const index of shuffledIndexes(random, size)) {
        take(definition.build({ prompt, random, index, options }));
        if (out.length >= want || ++tries >= budget) break;
      }
    } else {
      const budget = want * DRAWS_PER_VARIANT + 8;
      for (let index = 0; index < budget && out.length < want; index++) {
        take(definition.build({ prompt, random, index, options }));
      }
    }
    return out;
  };
  return {
    type: definition.type,
    group: definition.group,
    description: definition.description,
    defaultWeight: definition.defaultWeight,
    wireLevel: definition.wireLevel ?? false,
    multiTurn: definition.multiTurn ?? false,
    preservesMeaning: definition.preservesMeaning,
    preservation: definition.preservation,
    pythonCompatible: definition.pythonCompatible ?? false,
    // Computed on first read so that importing the catalogue stays cheap (no synonym table load at start-up).
    get example(): string {
      if (example === undefined) {
        const [first] = mutate(EXAMPLE_PROMPT, {
          count: 1,
          random: createRandom(`example:${definition.type}`),
          options: {},
        });
        example = first ? describeVariant(first) : '';
      }
      return example;
    },
    mutate,
  };
}
