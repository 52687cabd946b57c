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
import { parseRegexSource } from './regex-ast.js';
import { minDigitStretch, numberDigits } from './run-shapes.js';

const db = compileDatabase(builtinDatabase());
const prose = 'The quarterly report covers sales and logistics. '.repeat(8);

const allDigitRules = db.table.digitRules[2]!;
// The rules the pass gates by digit counts alone: with only these, the first long run triggers every one.
const countOnlyRules = allDigitRules.filter((r) => db.data.rules[r]!.digitCounts === undefined);

/** Runs the digit-run pass over `text` as a scan of PII would, and returns its state. */
function digitPass(text: string, wanted: readonly number[] = allDigitRules): Hits {
  const small = text.length <= 256;
  const hits = newHits(db, small);
  hits.digits = text.replace(/[^0-9]/g, '').length;
  collectDigits(db.data, db.table.dataOffset, text, hits, small, db.table.covered, wanted);
  return hits;
}

/** Whether the pass let the rule with this id run. */
function triggered(hits: Hits, id: string): boolean {
  const slot = db.table.dataOffset + db.data.rules.findIndex((r) => r.def.id === id);
  const seen = hits.seen[slot] !== 0;
  hits.seen.fill(0);
  hits.touched.fill(0);
  return seen;
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
    // A small text: every rule the first long run can trigger has triggered, and the pass stops there
    // (rules for whole numbers of a given size are left out: a row of 41 is none of them).
    const text = `id ${'9'.repeat(41)} then 12-34 and later 123456789012`;
    const hits = digitPass(text, countOnlyRules);
    expect(hits.stretchFrom).toBeLessThan(text.length);
    expect(digitStretchAtLeast(hits, 41, text)).toBe(true);
    expect(digitStretchAtLeast(hits, 42, text)).toBe(false);
    expect(hits.stretchFrom).toBe(text.length);
  });

  it('continues a row the pass stopped inside (at its cap of 41 digits a run)', () => {
    const text = `ref ${'7'.repeat(50)} end`;
    const hits = digitPass(text, countOnlyRules);
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

describe('whole numbers', () => {
  it('derives the digit counts of regexes whose matches are whole numbers of one run', () => {
    const counts = (source: string) => numberDigits(source, parseRegexSource(source));
    expect(counts(String.raw`(?<![\w.-])\d{3}([ -]?)\d{2}\1\d{4}(?![\w]|[.-]\d)`)).toEqual([9, 9]);
    expect(counts(String.raw`(?<![\w.-])(?:\d{4}[ -]?){3}\d{1,7}(?![\w]|[.-]\d)`)).toEqual([13, 19]);
    // Not whole numbers: a letter inside, two separators in a row, no boundary after, no bound.
    expect(counts(String.raw`(?<![\w.-])\d{8}[A-Z](?![\w])`)).toBeUndefined();
    expect(counts(String.raw`(?<![\w.-])\d{3}[ -]?[ -]?\d{4}(?![\w])`)).toBeUndefined();
    expect(counts(String.raw`(?<![\w.-])\d{9}`)).toBeUndefined();
    expect(counts(String.raw`(?<![\w.-])\d+(?![\w])`)).toBeUndefined();
  });

  it('lets a rule for numbers of one size run only where whole digit groups add up to that size', () => {
    expect(db.data.rules.find((r) => r.def.id === 'us_ssn')!.digitCounts).toBeDefined();
    expect(triggered(digitPass('SSN 078-05-1123 on file'), 'us_ssn')).toBe(true);
    expect(triggered(digitPass('SSN 078 05 1123'), 'us_ssn')).toBe(true);
    // Fifteen digits in a row hold no nine-digit number between non-word characters; an IMEI is one.
    expect(triggered(digitPass('serial 490154203237518 ok'), 'us_ssn')).toBe(false);
    expect(triggered(digitPass('serial 490154203237518 ok'), 'imei')).toBe(true);
    // Nine digits followed by a letter are not a whole number, nine after a space are.
    expect(triggered(digitPass('ref 078051123x'), 'us_ssn')).toBe(false);
    expect(triggered(digitPass('ref 12 078051123'), 'us_ssn')).toBe(true);
  });

  it('reads on a number that the cap of 41 digits a run cuts in two', () => {
    // Groups that add up to no nine, then an SSN: the run stops at its cap inside its last group, and
    // only the next run, which finishes the number, can let the rule run.
    const groups = `${'1111111111 '.repeat(3)}12345 `;
    expect(triggered(digitPass(`${groups}end`), 'us_ssn')).toBe(false);
    expect(triggered(digitPass(`${groups}078 05 1123 end`), 'us_ssn')).toBe(true);
    // The cap inside nine digits in a row.
    const row = `${'1111111111 '.repeat(3)}12345678 `;
    expect(triggered(digitPass(`${row}end`), 'us_ssn')).toBe(false);
    expect(triggered(digitPass(`${row}078051123 end`), 'us_ssn')).toBe(true);
  });
});
