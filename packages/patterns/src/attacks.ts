/** Injection attack payloads for the mutators, drawn from the database. */
import { builtinDatabase } from './builtin.js';
import { type InjectionCategory, injectionCategories, type PatternDatabase } from './types.js';

/**
 * Attack payloads of one injection category, or of all categories: the curated attacks first, then the
 * positive examples of that category's patterns (deduplicated).
 */
export function attackExamples(
  category?: InjectionCategory,
  db: PatternDatabase = builtinDatabase(),
): string[] {
  const cats: readonly string[] = category === undefined ? injectionCategories : [category];
  const out = new Set<string>();
  for (const cat of cats) {
    for (const a of db.attacks?.[cat] ?? []) out.add(a);
    for (const p of db.patterns)
      if (p.kind === 'injection' && p.category === cat) for (const e of p.examples.positive) out.add(e);
  }
  return [...out];
}
