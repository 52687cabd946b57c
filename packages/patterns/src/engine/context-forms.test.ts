import { describe, expect, it } from 'vitest';
import { builtinDatabase } from '../builtin.js';
import stored from '../data/context-forms.json' with { type: 'json' };
import { contextForm, freshContextForm, needsStoredForm } from './context-forms.js';

const REGENERATE = 'npx tsc -b packages/patterns && node packages/patterns/scripts/regex-analysis.mjs';

describe('stored context forms', () => {
  it("hold the fresh form of every shipped rule's non-ASCII context word (else run the generator)", () => {
    const words = builtinDatabase()
      .patterns.flatMap((p) => p.context ?? [])
      .filter(needsStoredForm);
    expect(words.length).toBeGreaterThan(20);
    const table = stored as Record<string, string>;
    for (const word of words) expect(table[word], `${word}: ${REGENERATE}`).toBe(freshContextForm(word));
    expect(Object.keys(table).sort()).toEqual([...new Set(words)].sort());
  });

  it('lowercase plain ASCII and normalise other words not in the table', () => {
    expect(contextForm('Phone')).toBe('phone');
    expect(contextForm('Téléphone')).toBe('telephone');
    expect(contextForm('ＴＥＬ')).toBe('tel');
    expect(contextForm('téléphone')).toBe(freshContextForm('téléphone'));
  });
});
