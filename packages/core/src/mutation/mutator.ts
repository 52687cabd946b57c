import type { JsonObject } from '../json.js';
import type { ChatMessage } from '../message.js';
import type { Random } from '../random.js';
import type { WireMutation } from '../target/wire.js';

/** Families of mutation types, for catalogues and reports. */
export type MutationGroup =
  | 'core'
  | 'advanced'
  | 'system'
  | 'encoding'
  | 'injection'
  | 'multi_turn'
  | 'unicode';

/** One mutated input made from a golden prompt. */
export interface MutationVariant {
  /** The mutated prompt (the last user turn for multi-turn variants). */
  prompt: string;
  /** For multi-turn types: the whole conversation, ending with the user turn equal to `prompt`. */
  messages?: ChatMessage[];
  /** For system/network types: how the request changes on the wire. `prompt` is the text fallback. */
  wire?: WireMutation;
  /** Short human label of what was done, e.g. "base64 of the whole prompt". */
  label: string;
  /** Facts for reports and tests (payload id, encoding, persona...). */
  meta?: JsonObject;
}

/** What a mutator gets besides the prompt. */
export interface MutateContext {
  /** How many distinct variants are wanted. */
  count: number;
  /** Seeded source; the same seed must give the same variants. */
  random: Random;
  /** Type-specific options from the config. */
  options: JsonObject;
}

/**
 * What a meaning-keeping type keeps of the golden prompt, as checked by its property tests:
 * `verbatim` contains the prompt unchanged; `normalized` contains its words once case, spacing, punctuation,
 * invisible characters, look-alike letters and leetspeak are normalised; `edited` keeps it within a few
 * character edits (typos); `intent` keeps at least half its content words (synonyms, rephrasing);
 * `encoded` holds it encoded (`meta.encoded` decodes back to it); `none` makes no promise (attacks, cuts).
 */
export type MeaningPreservation = 'verbatim' | 'normalized' | 'edited' | 'intent' | 'encoded' | 'none';

/** A mutation type: pure, seeded, returns up to `count` distinct variants (fewer only when it cannot make more). */
export interface Mutator {
  readonly type: string;
  readonly group: MutationGroup;
  readonly description: string;
  /** Python Flakestorm's default weight where the type exists there. */
  readonly defaultWeight: number;
  /** Acts on the wire (headers, method, body...) for HTTP targets. */
  readonly wireLevel: boolean;
  /** Produces conversations rather than single prompts. */
  readonly multiTurn: boolean;
  /** Keeps the golden prompt's meaning, so the golden answer's behaviour is still expected. */
  readonly preservesMeaning: boolean;
  /** One example output for catalogues (`flakestorm mutations --json`). */
  readonly example: string;
  /** What of the golden prompt the variants keep (see MeaningPreservation); undefined means not stated. */
  readonly preservation?: MeaningPreservation;
  /** True when the type exists, under this name, in the Python Flakestorm. */
  readonly pythonCompatible?: boolean;
  mutate(prompt: string, context: MutateContext): MutationVariant[];
}

/** Author-facing factory for a mutator (identity, for type inference). */
export function defineMutator(mutator: Mutator): Mutator {
  return mutator;
}
