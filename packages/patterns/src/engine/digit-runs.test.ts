/**
 * Rows of digits (no separator between them): the digit-run pass measures them as it reads runs, and
 * what it did not read (it stops once every rule it gates has triggered) is read on demand. A rule
 * needing a longer row than the text holds is skipped, so the measure must never fall short.
 */
import { describe, expect, it } from 'vitest';
import { builtinDatabase } from '../builtin.js';
import { compileDatabase } from './compile.js';
import { collectDigits, digitStretchAtLeast } from './digit-runs.js';
import { type Hits, newHits } from './hits.js';
import { parseRegexSource } from './regex-safety.js';
import { minDigitStretch } from './run-shapes.js';

const db = compileDatabase(builtinDatabase());
const prose = 'The quarterly report covers sales and logistics. '.repeat(8);

/** Runs the digit-run pass over `text` as a scan of PII would, and returns its state. */
function digitPass(text: string): Hits {
  const small = text.length <= 256;
  const hits = newHits(db, small);
  hits.digits = text.replace(/[^0-9]/g, '').length;
  collectDigits(db.data, db.table.dataOffset, text, hits, small, db.table.covered, db.table.digitRules[2]!);
  return hits;
}

/** The longest row of digits in `text`, the slow way. */
const longestRow = (text: string): number => Math.max(0, ...(text.match(/\d+/g) ?? []).map((r) => r.length));

describe('digit rows', () => {
  it('reads a phone number as rows of four at most', () => {
    const text = 'call 212-555-0199 now';
    const hits = digitPass(text);
    expect(digitStretchAtLeast(hits, 4, text)).toBe(true);
    expect(digitStretchAtLeast(hits, 5, text)).toBe(false);
  });

  it('joins a row cut by the cap on digits per run (41), as the pass reads it', () => {
    // 36 digits with separators, then seven in a row: the first run stops after "12345".
    const number = `${'1-'.repeat(36)}1234567`;
    const text = `${number} ${prose}`; // long text: the pass reads every run
    expect(text.length).toBeGreaterThan(256);
    const hits = digitPass(text);
    expect(hits.digitStretch).toBe(7);
    expect(digitStretchAtLeast(hits, 7, text)).toBe(true);
    expect(digitStretchAtLeast(hits, 8, text)).toBe(false);
  });

  it('reads the rest of the text on demand after the pass stopped early', () => {
    // A small text: every rule the first long run can trigger has triggered, and the pass stops there.
    const text = `id ${'9'.repeat(41)} then 12-34 and later 123456789012`;
    const hits = digitPass(text);
    expect(hits.stretchFrom).toBeLessThan(text.length);
    expect(digitStretchAtLeast(hits, 41, text)).toBe(true);
    expect(digitStretchAtLeast(hits, 42, text)).toBe(false);
    expect(hits.stretchFrom).toBe(text.length);
  });

  it('continues a row the pass stopped inside (at its cap of 41 digits a run)', () => {
    const text = `ref ${'7'.repeat(50)} end`;
    const hits = digitPass(text);
    expect(hits.stretchFrom).toBeLessThan(text.length);
    expect(digitStretchAtLeast(hits, 50, text)).toBe(true);
    expect(digitStretchAtLeast(hits, 51, text)).toBe(false);
  });

  it('never falls short of the longest row, whatever the text', () => {
    const pieces = ['12', '3456789', '-', ' ', '.', '/', 'a', 'SSN ', '0000000000', '1-2-3-4-5-6-7-8-9-0-'];
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let round = 0; round < 400; round++) {
      let text = '';
      const parts = 1 + (next() % 60);
      for (let i = 0; i < parts; i++) text += pieces[next() % pieces.length];
      if (round % 2 === 0) text += prose;
      const hits = digitPass(text);
      const row = longestRow(text);
      expect(digitStretchAtLeast(hits, row, text), JSON.stringify(text)).toBe(true);
      expect(digitStretchAtLeast(hits, row + 1, text), JSON.stringify(text)).toBe(false);
    }
  });

  it('derives the row every match of a regex holds', () => {
    const stretch = (source: string): number => minDigitStretch(parseRegexSource(source));
    expect(stretch(String.raw`\d{3}-?\d{2}-?\d{4}`)).toBe(4);
    expect(stretch(String.raw`[A-Z]\d{7}`)).toBe(7);
    expect(stretch(String.raw`\d{6}[-+A]\d{3}[0-9A-Y]`)).toBe(6);
    expect(stretch(String.raw`(?:\d{9}|\d{3} \d{3} \d{3})`)).toBe(3);
    expect(stretch(String.raw`\d{2}(?:\d{4})?`)).toBe(2);
    expect(stretch('[a-z]+')).toBe(0);
  });
});
