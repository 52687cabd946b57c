import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attackExamples } from '../attacks.js';
import { builtinDatabase } from '../builtin.js';
import { flagsOf } from '../database.js';
import { countCaptures, expandMacros, expandMacrosAtomic } from './macros.js';

const WORD_CLASS = /\[\^[^\]]*(?:\\.[^\]]*)*\]\{1,30\}/;

describe('expandMacrosAtomic', () => {
  it('makes each filler word atomic and numbers its group after every group before it', () => {
    const source = '(a)[(]x<gap:2>(?<n>b)(?:c)(?<=d)(?<!e)<ws>f<gap>g';
    const atomic = expandMacrosAtomic(source);
    const refs = [...atomic.matchAll(/\(\?=\((\[\^.*?\{1,30\})\)\)\\(\d)/g)].map((m) => Number(m[2]));
    // (a) is 1, the first gap's word 2, (?<n>b) 3, the second gap's word 4; "[(]", "(?:", "(?<=" and
    // "(?<!" open no group.
    expect(refs).toEqual([2, 4]);
    expect(atomic).toContain('{0,2}');
    expect(atomic).toContain('{0,3}');
    const named = new RegExp(expandMacrosAtomic('(a)[(]x<gap:2>(?<n>b)'));
    expect(named.exec('a(x, the b')?.groups?.n).toBe('b');
  });

  it('keeps the plain form where a numbered backreference would be renumbered', () => {
    const source = '(["\'])<gap>\\1';
    expect(expandMacrosAtomic(source)).toBe(expandMacros(source));
  });

  it('expands the other macros as the plain form does', () => {
    expect(expandMacrosAtomic('a<ws>b<sep>c')).toBe(expandMacros('a<ws>b<sep>c'));
    expect(WORD_CLASS.test(expandMacros('a<gap:1>b'))).toBe(true);
  });
});

// What V8 itself counts: an alternative of the regex that matches the empty string has one slot per group.
const v8Groups = (source: string): number => new RegExp(`${source}|`).exec('')!.length - 1;

describe('countCaptures', () => {
  it('counts what V8 counts on every built-in regex', () => {
    for (const p of builtinDatabase().patterns) {
      const source = expandMacros(p.regex);
      expect(countCaptures(source), p.id).toBe(v8Groups(source));
    }
  });

  it('skips escapes and classes, even a class right before a quantifier', () => {
    expect(countCaptures('\\d{3}([- .]?)\\d{2}\\1')).toBe(1);
    expect(countCaptures('[(]\\((?:a)(?=b)(?!c)(?<=d)(?<!e)(?<n>f)[^(\\]]')).toBe(1);
    expect(countCaptures('no groups')).toBe(0);
  });

  it('counts what V8 counts on random valid sources', () => {
    const piece = fc.constantFrom('(', ')', '[', ']', '\\', '?', '<', '=', '!', ':', 'a', '^', 'n>', '-');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const source = parts.join('');
        try {
          new RegExp(source);
        } catch {
          return;
        }
        expect(countCaptures(source)).toBe(v8Groups(source));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('atomic gaps in the built-in rules', () => {
  const rules = builtinDatabase().patterns.filter((p) => p.regex.includes('<gap'));
  const pairs = rules.map((p) => {
    const flags = flagsOf(p);
    return {
      id: p.id,
      plain: new RegExp(expandMacros(p.regex), flags),
      atomic: new RegExp(expandMacrosAtomic(p.regex), flags),
    };
  });
  const spans = (re: RegExp, text: string): string[] =>
    [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);

  it('cover the gap rules', () => {
    expect(pairs.length).toBeGreaterThan(50);
    expect(pairs.every((p) => p.atomic.source !== p.plain.source)).toBe(true);
  });

  it('match exactly what the plain form matches on every example and attack', () => {
    const texts: string[] = [];
    for (const p of builtinDatabase().patterns) texts.push(...p.examples.positive, ...p.examples.negative);
    texts.push(...attackExamples());
    let found = 0;
    for (const text of texts) {
      const lower = text.toLowerCase();
      for (const p of pairs) {
        const expected = spans(p.plain, lower);
        found += expected.length;
        expect(spans(p.atomic, lower), `${p.id} on ${text}`).toEqual(expected);
      }
    }
    expect(found).toBeGreaterThan(150);
  });

  it('match the same on random runs of words, long words and separators', () => {
    const piece = fc.constantFrom(
      ...['ignore', 'all', 'of the', 'previous', 'instructions', 'rules', 'system prompt', 'you', 'are'],
      ...['now', 'dan', 'developer mode', 'reveal', 'your', 'a'.repeat(31), 'x'.repeat(29), 'ignoreall'],
      ...[' ', '  ', ', ', '... ', '\n', ' - ', '"', '!', '@', '1', 'é'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        for (const p of pairs) expect(spans(p.atomic, text), p.id).toEqual(spans(p.plain, text));
      }),
      { numRuns: 400 },
    );
  });
});
