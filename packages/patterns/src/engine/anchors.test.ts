import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDatabase } from '../builtin.js';
import { flagsOf } from '../database.js';
import { buildAutomaton, scanAutomaton } from './aho-corasick.js';
import { anchorQuality, compactAnchors, deriveAnchors } from './anchors.js';
import { compileDatabase, consumeBeforeLookbehind } from './compile.js';
import { expandMacros } from './macros.js';
import { parseRegexSource } from './regex-ast.js';
import { minAlnumRun, minDigitRun, minLetters, minTokenRun, startsDigitRunOnly } from './run-shapes.js';

describe('deriveAnchors', () => {
  it('expands small alternations into whole phrases (whitespace runs are one space)', () => {
    const a = deriveAnchors('\\b(?:ignore|disregard)\\s+(?:all\\s+)?previous instructions?\\b', 'gi');
    expect(a.literals).toHaveLength(4);
    for (const l of a.literals ?? []) expect(l).toMatch(/^(?:ignore|disregard) (?:all )?previous/);
    expect(a.maxLength).toBe(Number.POSITIVE_INFINITY); // \s+ is unbounded
  });

  it('takes the rarest required part of a sequence and a second part as a conjunct', () => {
    const a = deriveAnchors('\\b(?:reveal|disclose)\\b.{0,20}\\b(?:password|passcode)\\b', 'gi');
    expect(a.literals).toEqual(['passcode', 'password']);
    expect(a.also).toEqual(['disclose', 'reveal']);
  });

  it('falls back to weak or no anchors when a match needs no literal', () => {
    const digits = deriveAnchors('\\d{3}-\\d{4}', 'g');
    expect(digits.literals).toEqual(['-']);
    expect(digits.score).toBeLessThan(1);
    expect(deriveAnchors('foo|\\w+', 'gi').literals).toBeUndefined();
  });

  it('measures the longest match and the lookaround reach, following backreferences', () => {
    const a = deriveAnchors('(?<![\\w.-])\\d{3}([- .]?)\\d{2}\\1\\d{4}(?![\\w]|[.-]\\d)', 'g');
    expect(a.maxLength).toBe(11);
    expect(a.lookaround).toBe(2);
  });

  it('ranks common words and punctuation below rare words', () => {
    expect(anchorQuality('your')).toBe(1);
    expect(anchorQuality('jailbreak')).toBe(9);
    expect(anchorQuality(' ')).toBeLessThan(anchorQuality('@'));
  });

  it('derives anchors every built-in match actually contains (checked on the positive examples)', () => {
    for (const p of builtinDatabase().patterns) {
      const source = expandMacros(p.regex);
      const a = deriveAnchors(source, flagsOf(p));
      if (!a.literals) continue;
      const re = new RegExp(source, flagsOf(p));
      for (const ex of p.examples.positive) {
        for (const m of ex.replace(/\s+/g, ' ').matchAll(re)) {
          const lower = m[0].toLowerCase();
          expect(
            a.literals.some((l) => lower.includes(l)),
            `${p.id}: "${m[0]}" lacks ${a.literals}`,
          ).toBe(true);
        }
      }
    }
  });
});

describe('structural gates', () => {
  it('finds the run of letters and digits every match must contain', () => {
    expect(minAlnumRun('(?<![\\w-])[a-z]{6}[0-9lmnpqrstuv]{2}[a-z]')).toBe(9);
    expect(minAlnumRun('gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82}')).toBe(6);
    expect(minAlnumRun('\\d{3}-?\\d{2}')).toBe(3);
    expect(minAlnumRun('[a-z]?\\d+')).toBe(1);
  });

  it('finds the run of token characters (letters, digits, + / _ -) every match must contain', () => {
    expect(minTokenRun('[MNO][A-Za-z\\d_-]{23,25}\\.[A-Za-z\\d_-]{6}')).toBe(24);
    expect(minTokenRun('gh[pousr]_[A-Za-z0-9]{36}')).toBe(40);
    expect(minTokenRun('key=\\s?[a-z]{4}')).toBe(4);
  });

  it('counts the ASCII letters every match holds', () => {
    const letters = (src: string): number => minLetters(parseRegexSource(src));
    expect(letters('(?<![\\w-])[a-z]{2}\\d{6}[a-d]')).toBe(3); // UK NINO
    expect(letters('[A-Z][A-Z9]\\d{7}')).toBe(1); // the second may be a 9
    expect(letters('(?:AB|\\d{2})\\d{6}')).toBe(0); // one branch has none
    expect(letters('(?=[a-z])\\w{3}[^a-z]x?')).toBe(0); // lookarounds, \\w, negations and options
  });

  it('bounds the digits one digit run must hold, through separators and backreferences to them', () => {
    const run = (src: string): number => minDigitRun(parseRegexSource(src));
    expect(run('\\d{3}([- .]?)\\d{2}\\1\\d{4}')).toBe(9);
    expect(run('\\d{6}[-+a-fu-y]\\d{3}[0-9a-y]')).toBe(6); // a century letter splits the run
    expect(run('(?:\\d{1,3}\\.){3}\\d{1,3}')).toBe(4);
    expect(run('[0-9a-z]{8}')).toBe(0);
  });

  it('knows which rules can only start a digit run', () => {
    expect(startsDigitRunOnly('(?<![\\w.-])\\d{3}-\\d{2}')).toBe(true);
    expect(startsDigitRunOnly('(?<![\\w.-])(?:\\d{4}|[12]\\d{5})')).toBe(true);
    expect(startsDigitRunOnly('(?<![\\w-])[a-z]?\\d{8}')).toBe(false);
    expect(startsDigitRunOnly('(?<![.-])\\d{3}')).toBe(false); // a letter before is allowed
    expect(startsDigitRunOnly('\\d{3}|x')).toBe(false);
    // Further lookarounds consume nothing: the first character is still the digit after them.
    expect(startsDigitRunOnly('(?<![\\w.-])(?<!\\d[ -])\\d{4}')).toBe(true);
    expect(startsDigitRunOnly('(?<![\\w.-])(?=x)x\\d{4}')).toBe(false);
  });
});

describe('compactAnchors', () => {
  it('cuts anchors to a prefix and drops those containing a shorter one', () => {
    expect(compactAnchors(['instructions', 'instruction', 'ignore previous', 'ignore'])).toEqual([
      'ignore',
      'instruct',
    ]);
  });

  it('keeps the end of a long past participle, whose start is also the start of its noun', () => {
    expect(compactAnchors(['instructed', 'instructions', 'you were instructed'])).toEqual([
      'instruct',
      'structed',
      'you were',
    ]);
  });
});

describe('consumeBeforeLookbehind', () => {
  it('moves a leading one-character lookbehind after the first consumed atom', () => {
    expect(consumeBeforeLookbehind('(?<![\\w.-])\\d{3}x')).toBe('\\d(?<![\\w.-]\\d)\\d{2}x');
    expect(consumeBeforeLookbehind('(?<![\\w-])[a-z]{6,9}')).toBe('[a-z](?<![\\w-][a-z])[a-z]{5,8}');
  });

  it('leaves optional first atoms and other shapes alone', () => {
    for (const s of ['(?<![\\w-])[a-z]?\\d{8}', '(?<![\\w-])(?:a|b)', '\\bword', '(?<![\\w-])x*y']) {
      expect(consumeBeforeLookbehind(s)).toBe(s);
    }
  });

  it('keeps the meaning: same matches on tricky neighbours', () => {
    const before = /(?<![\w.-])\d{3}-\d{2}/g;
    const after = new RegExp(consumeBeforeLookbehind(before.source), 'g');
    for (const t of ['123-45', 'a123-45', '.123-45 x 987-65', '1234-56', '-123-45']) {
      expect([...t.matchAll(after)].map((m) => m.index)).toEqual([...t.matchAll(before)].map((m) => m.index));
    }
  });
});

describe('Aho-Corasick automaton', () => {
  it('reports every occurrence, overlapping ones included, with their end offsets', () => {
    const a = buildAutomaton(['he', 'she', 'his', 'hers']);
    const hits: [number, number][] = [];
    scanAutomaton(a, 'ushers', (lit, end) => hits.push([lit, end]));
    expect(hits.sort()).toEqual(
      [
        [0, 4],
        [1, 4],
        [3, 6],
      ].sort(),
    );
  });

  it('reports exactly what a naive search finds, on random literals and texts over a small alphabet', () => {
    // Four letters: literals share prefixes and suffixes everywhere, so failure links do the work.
    const word = (max: number) =>
      fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: max });
    fc.assert(
      fc.property(fc.uniqueArray(word(6), { minLength: 1, maxLength: 40 }), word(60), (literals, text) => {
        const expected: string[] = [];
        literals.forEach((lit, i) => {
          for (let at = text.indexOf(lit); at >= 0; at = text.indexOf(lit, at + 1))
            expected.push(`${i}@${at + lit.length}`);
        });
        const found: string[] = [];
        scanAutomaton(buildAutomaton(literals), text, (lit, end) => found.push(`${lit}@${end}`));
        expect(found.sort()).toEqual(expected.sort());
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same hits on every later text as on the first, while the walk writes rows as it goes', () => {
    // One automaton over many texts: each walk enters states whose rows earlier walks wrote, or not,
    // and turns entries positive; none of that may change what a later text reports.
    const word = (max: number) =>
      fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: max });
    fc.assert(
      fc.property(
        fc.uniqueArray(word(6), { minLength: 1, maxLength: 40 }),
        fc.array(word(40), { minLength: 2, maxLength: 8 }),
        (literals, texts) => {
          const a = buildAutomaton(literals);
          for (const text of [...texts, ...texts]) {
            const expected: string[] = [];
            literals.forEach((lit, i) => {
              for (let at = text.indexOf(lit); at >= 0; at = text.indexOf(lit, at + 1))
                expected.push(`${i}@${at + lit.length}`);
            });
            const found: string[] = [];
            scanAutomaton(a, text, (lit, end) => found.push(`${lit}@${end}`));
            expect(found.sort()).toEqual(expected.sort());
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('writes only the root row when built, then only the rows of the states a text enters', () => {
    const literals = ['ignore', 'ignored', 'instructions', 'previous', 'disregard', 'system prompt'];
    const a = buildAutomaton(literals);
    const written = () => a.written.reduce((sum, w) => sum + w, 0);
    expect(written()).toBe(1);
    const hits: number[] = [];
    scanAutomaton(a, 'please ignore it', (lit) => hits.push(lit));
    expect(hits).toEqual([0]);
    // The states along 'ignore', 'p' and 's' (of 'please' and 'system prompt'), 'i' of 'it' and their
    // failure states: far fewer than the trie's.
    const afterOne = written();
    expect(afterOne).toBeGreaterThan(6);
    expect(afterOne).toBeLessThan(a.written.length / 2);
    // The same text again enters the same states: nothing new is written.
    scanAutomaton(a, 'please ignore it', () => {});
    expect(written()).toBe(afterOne);
  });

  it('matches non-ASCII literals and never misses them through shared columns', () => {
    const a = buildAutomaton(['игнор', 'übersetz']);
    const hits: number[] = [];
    scanAutomaton(a, 'bitte übersetze und игнорируй', (lit) => hits.push(lit));
    expect(hits).toEqual([1, 0]);
  });

  it('reports each of two distinct literals whose characters share columns (one path, both literals)', () => {
    // 记 (U+8BB0) and 記 (U+8A18) fall in the same shared non-ASCII column.
    const a = buildAutomaton(['忘记', '忘記', 'x忘']);
    for (const text of ['请忘记', '請忘記']) {
      const hits: number[] = [];
      scanAutomaton(a, text, (lit) => hits.push(lit));
      expect(hits.sort()).toEqual([0, 1]);
    }
    const hits: [number, number][] = [];
    scanAutomaton(a, 'x忘記', (lit, end) => hits.push([lit, end]));
    expect(hits.sort()).toEqual([
      [0, 3],
      [1, 3],
      [2, 2],
    ]);
  });

  it('keeps scripts apart: Cyrillic text and emoji never report a Chinese literal, nor CJK a Cyrillic one', () => {
    // Under one shared set of columns (code % 8) each of these texts would report the other script's
    // literal: 'ее' and '😅' (U+D83D U+DE05) fall in the columns of '忽略', '一七丅丆丈' in those of 'игнор'.
    const a = buildAutomaton(['忽略', 'игнор']);
    const hits: number[] = [];
    scanAutomaton(a, 'где её 😅😅 ещё', (lit) => hits.push(lit));
    scanAutomaton(a, '一七丅丆丈 丈丆丅七一', (lit) => hits.push(lit));
    expect(hits).toEqual([]);
    scanAutomaton(a, 'не игнорируй 忽略', (lit) => hits.push(lit));
    expect(hits).toEqual([1, 0]);
  });

  it('reads non-ASCII characters that no literal holds as no character at all (column 0)', () => {
    // Only the literals' own characters have columns: over '日本語' or 'ДЖ' the walk stays at the root.
    const a = buildAutomaton(['忽略', 'ёж', '😅']);
    // '😀' shares its high surrogate with '😅', and only its low one reads as column 0.
    for (const c of '日本語ДЖ\ude00') expect(a.columns[c.charCodeAt(0)], c).toBe(0);
    for (const c of '忽略ёж\ud83d\ude05') expect(a.columns[c.charCodeAt(0)], c).toBeGreaterThan(0);
    const hits: number[] = [];
    scanAutomaton(a, '日本語 忽略 ёж 😀😅', (lit) => hits.push(lit));
    expect(hits).toEqual([0, 1, 2]);
  });

  it('switches to a 32-bit table beyond 32767 states and still finds every literal', () => {
    // 4,000 pseudo-random 12-letter literals: past the first few letters each has its own trie path.
    let x = 12345;
    const literals = Array.from({ length: 4000 }, () => {
      let s = '';
      for (let k = 0; k < 12; k++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        s += String.fromCharCode(97 + ((x >> 16) % 26));
      }
      return s;
    });
    const a = buildAutomaton(literals);
    expect(a.delta).toBeInstanceOf(Int32Array);
    const picked = [0, 1234, 3999];
    const hits = new Set<number>();
    scanAutomaton(a, picked.map((i) => literals[i]).join(' + '), (lit) => hits.add(lit));
    for (const i of picked) expect(hits.has(i)).toBe(true);
    expect(buildAutomaton(['he', 'she']).delta).toBeInstanceOf(Int16Array);
  });
});

describe('compiled database', () => {
  it('gates every built-in rule by anchors, digit runs or (rarely) nothing', () => {
    const db = compileDatabase(builtinDatabase());
    const always = [...db.injection.alwaysRules, ...db.data.alwaysRules];
    // Each of these is cheap without a gate: a precheck, a long-token gate or a case-sensitive start.
    expect(always.length).toBeLessThanOrEqual(5);
    for (const r of [...db.injection.rules, ...db.data.rules])
      if (r.gate === 'anchor') expect(r.anchors.length + r.leading.length, r.def.id).toBeGreaterThan(0);
  });

  it('keeps anchors that lose to a digit run as a word the text must hold, unless they are bigrams', () => {
    const db = compileDatabase(builtinDatabase());
    const rule = (id: string) => db.data.rules.find((r) => r.def.id === id)!;
    // "Kalverstraat 92": the digit run gates the windows, and a megabyte of digits without a street
    // word no longer runs the regex around each run.
    const europe = rule('street_address_europe');
    expect(europe.gate).toBe('digits');
    expect(europe.also).toEqual(expect.arrayContaining(['straat ', 'rue ', 'via ']));
    // "st" and "dr" are in nearly every text: as a second set they would only add automaton hits.
    expect(rule('street_address').also).toEqual([]);
  });
});
