/** Checks every pattern's own examples: the contract a pattern file makes about itself. */
import { normalizeText } from './engine/normalize.js';
import { createScanner } from './scanner.js';
import type { PatternDatabase } from './types.js';

/** One example that did not behave as its pattern promised. */
export interface ExampleFailure {
  readonly id: string;
  readonly example: string;
  readonly expected: 'match' | 'no-match';
  /** What the author may not know that explains the failure, when the engine can tell. */
  readonly hint?: string;
}

/**
 * An injection rule reads text with leetspeak folded ("gpt4o" reads "gptao"): a positive example that
 * holds leetspeak-looking characters fails when the regex spells them as written.
 */
function leetHint(kind: string, example: string): string | undefined {
  if (kind !== 'injection') return undefined;
  const norm = normalizeText(example);
  if (norm.folded === norm.lower) return undefined;
  return `Injection rules read text with leetspeak folded (a digit or @ $ | ! + next to a letter reads as a letter), so this example reads ${JSON.stringify(norm.folded)}: spell the regex that way.`;
}

/**
 * Runs each pattern's positive examples (must produce a finding with that id) and negative examples
 * (must not). Returns failures as data; an empty array means the file keeps its promises.
 */
export function verifyExamples(db: PatternDatabase): ExampleFailure[] {
  const scanner = createScanner(db);
  const failures: ExampleFailure[] = [];
  for (const p of db.patterns) {
    const hits = (text: string): boolean =>
      scanner
        .scan(text, { kinds: [p.kind], decode: false, minConfidence: 0.5 })
        .findings.some((f) => f.id === p.id);
    for (const ex of p.examples.positive) {
      if (hits(ex)) continue;
      const hint = leetHint(p.kind, ex);
      failures.push({ id: p.id, example: ex, expected: 'match', ...(hint === undefined ? {} : { hint }) });
    }
    for (const ex of p.examples.negative)
      if (hits(ex)) failures.push({ id: p.id, example: ex, expected: 'no-match' });
  }
  return failures;
}
