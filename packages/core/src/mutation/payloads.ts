import payloadData from './data/attack-payloads.json' with { type: 'json' };

/** One attack payload with a stable id (`category:index`). */
export interface AttackPayload {
  id: string;
  category: string;
  text: string;
}

const ALL: readonly AttackPayload[] = Object.entries(payloadData).flatMap(([category, texts]) =>
  Array.isArray(texts) ? texts.map((text, i) => ({ id: `${category}:${i + 1}`, category, text })) : [],
);

/**
 * Injection payloads per pattern-engine category (the same categories `@flakestorm/patterns` detects).
 * Kept as a data file here until the pattern database exports `attackExamples`; then this reads from it.
 */
export function attackPayloads(categories?: readonly string[]): readonly AttackPayload[] {
  if (!categories || categories.length === 0) return ALL;
  const wanted = new Set(categories);
  const found = ALL.filter((p) => wanted.has(p.category));
  return found.length > 0 ? found : ALL;
}

/** Payload categories available to the injection mutators. */
export const attackCategories: readonly string[] = [...new Set(ALL.map((p) => p.category))];
