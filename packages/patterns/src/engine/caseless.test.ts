import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDatabase } from '../builtin.js';
import { flagsOf } from '../database.js';
import { caselessOnLowercase, withoutCase } from './caseless.js';
import { compileDatabase, patternRegex } from './compile.js';
import { normalizeText } from './normalize.js';

describe('caselessOnLowercase', () => {
  it('drops `i` where every letter is lowercase ASCII and escapes do not depend on case', () => {
    expect(caselessOnLowercase('\\bignore\\s+(?:all|every)\\b[^a-z]', 'gi')).toBe(true);
    expect(caselessOnLowercase('[“”«»]\\s?say', 'gi')).toBe(true);
  });

  it('keeps it wherever case could still matter', () => {
    expect(caselessOnLowercase('ignore', 'g')).toBe(false); // nothing to drop
    expect(caselessOnLowercase('[A-Z]{2}\\d', 'gi')).toBe(false);
    expect(caselessOnLowercase('oubliez|vergiß', 'giu')).toBe(false);
    expect(caselessOnLowercase('b(?:ö|o)se', 'gi')).toBe(false); // "Ö" folds to it
    expect(caselessOnLowercase('\\u00b5s', 'gi')).toBe(false); // µ and μ fold alike
    expect(caselessOnLowercase('(\\w)\\1', 'gi')).toBe(false); // a backreference compares folded
    expect(caselessOnLowercase('[!-ÿ]', 'gi')).toBe(false); // a range spanning cased letters
    expect(caselessOnLowercase('\\p{L}', 'gi')).toBe(false);
  });
});

describe('caseless built-in injection rules', () => {
  const db = compileDatabase(builtinDatabase());
  const rules = db.injection.rules.filter((r) => !r.flags.includes('i') && flagsOf(r.def).includes('i'));
  const original = new Map(rules.map((r) => [r, patternRegex(r.def)]));
  // One global regex per rule and flags, reused: compiling one per rule and example made this test take
  // about 30 seconds (thousands of examples times hundreds of rules).
  const compiled = new Map<string, RegExp>();
  const spans = (re: { source: string; flags: string }, text: string): string[] => {
    const flags = re.flags.includes('g') ? re.flags : `${re.flags}g`;
    const key = `${flags}/${re.source}`;
    let g = compiled.get(key);
    if (g === undefined) {
      g = new RegExp(re.source, flags);
      compiled.set(key, g);
    }
    g.lastIndex = 0;
    const out: string[] = [];
    for (let m = g.exec(text); m !== null; m = g.exec(text)) {
      out.push(`${m.index}:${m[0]}`);
      if (m[0].length === 0) g.lastIndex++;
    }
    return out;
  };

  it('covers most rules that ignore case', () => {
    expect(rules.length).toBeGreaterThan(120);
    expect(rules.every((r) => withoutCase(flagsOf(r.def)) === r.flags)).toBe(true);
  });

  it('find what their case-insensitive originals find on lowercase views of every example', () => {
    const texts: string[] = [];
    for (const p of builtinDatabase().patterns) texts.push(...p.examples.positive, ...p.examples.negative);
    let found = 0;
    const differ: string[] = [];
    for (const text of texts) {
      const lower = normalizeText(text).lower;
      for (const r of rules) {
        const expected = spans(original.get(r)!, lower);
        found += expected.length;
        // One assertion at the end: an expect per rule and example cost more than the matching.
        if (spans(r, lower).join('|') !== expected.join('|')) differ.push(`${r.def.id} on ${text}`);
      }
    }
    expect(differ).toEqual([]);
    expect(found).toBeGreaterThan(200);
  });

  it('find the same on random lowercase text, cased and folding characters included', () => {
    const piece = fc.constantFrom(
      ...['ignore all ', 'previous ', 'instructions', 'system prompt', ' ', '\n', 'ı', 'i̇', 'µ', 'μ', 'ſ'],
      ...['K', 'ß', 'ǅ', 'st', 'de123456789 ', 'gb82 west 1234 5698 7654 32', 'ssn: 123-45-6789 ', 'é'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const lower = normalizeText(parts.join('')).lower;
        for (const r of rules) expect(spans(r, lower)).toEqual(spans(original.get(r)!, lower));
      }),
      { numRuns: 300 },
    );
  });
});
