import { attackExamples, injectionCategories } from '@flakestorm/patterns';

/** One attack payload with a stable id (`category:index`). */
export interface AttackPayload {
  id: string;
  category: string;
  text: string;
}

let all: readonly AttackPayload[] | undefined;
const byCategories = new Map<string, readonly AttackPayload[]>();

/** Every payload of the pattern database, read on first use (not at import: CLI start-up stays fast). */
function allPayloads(): readonly AttackPayload[] {
  all ??= injectionCategories.flatMap((category) =>
    attackExamples(category).map((text, i) => ({ id: `${category}:${i + 1}`, category, text })),
  );
  return all;
}

/**
 * Injection payloads of the given pattern-database categories (all when none or none known): the attacks
 * the mutators send are the ones `@flakestorm/patterns` detects, so attack and detection share one vocabulary.
 */
export function attackPayloads(categories?: readonly string[]): readonly AttackPayload[] {
  if (!categories || categories.length === 0) return allPayloads();
  const key = categories.join(',');
  let found = byCategories.get(key);
  if (!found) {
    const wanted = new Set(categories);
    const matching = allPayloads().filter((p) => wanted.has(p.category));
    found = matching.length > 0 ? matching : allPayloads();
    byCategories.set(key, found);
  }
  return found;
}

/** Payload categories available to the injection mutators (the pattern engine's injection categories). */
export const attackCategories: readonly string[] = injectionCategories;
