/** Checks every pattern's own examples: the contract a pattern file makes about itself. */
import { createScanner } from './scanner.js';
import type { PatternDatabase } from './types.js';

/** One example that did not behave as its pattern promised. */
export interface ExampleFailure {
  readonly id: string;
  readonly example: string;
  readonly expected: 'match' | 'no-match';
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
    for (const ex of p.examples.positive)
      if (!hits(ex)) failures.push({ id: p.id, example: ex, expected: 'match' });
    for (const ex of p.examples.negative)
      if (hits(ex)) failures.push({ id: p.id, example: ex, expected: 'no-match' });
  }
  return failures;
}
