/**
 * The prefilter's soundness for rules it has never seen: users write their own patterns, whose shapes
 * (lookbehinds inside a match, digits in an injection rule, unbounded lookaheads) the built-in database
 * may not have. Random rules from a small grammar run on random long texts (the windowed path) must find
 * exactly what their regex finds run over the whole text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePatternDatabase } from '../database.js';
import { createScanner } from '../scanner.js';
import type { PatternDefinition, PatternKind } from '../types.js';
import { compileDatabase, patternRegex } from './compile.js';
import { executeDatabase } from './execute.js';
import { normalizeText } from './normalize.js';

const WORDS = ['cancel', 'order', 'that', 'ignore', 'rules', 'key', 'zeta', 'Key', 'de', 'x1'];

const userRule = (
  regex: string,
  kind: PatternKind,
  caseSensitive = false,
  window?: number,
  group?: number,
): PatternDefinition => ({
  id: 'user_rule',
  kind,
  category: kind === 'injection' ? 'direct_override' : 'contact',
  severity: 'high',
  description: 'a rule of a user',
  regex,
  caseSensitive,
  ...(window === undefined ? {} : { window }),
  ...(group === undefined ? {} : { group }),
  examples: { positive: ['one', 'two'], negative: ['three', 'four'] },
});

/** Rule regexes: words, classes, assertions, lookarounds (also inside the match) and alternations. */
const regexArb: fc.Arbitrary<string> = fc.letrec<{ seq: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '\\s',
        ' ',
        '\\d{2,4}',
        '[a-z]{1,3}',
        '\\w',
        '[ ,.]',
        '\\d',
        '\\s+',
        '[a-z]+',
        '\\d+',
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom('\\b', '(?<!\\w)', '(?!\\d)') },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom('?<!', '?<=', '?!', '?='),
          fc.constantFrom(...WORDS),
          fc.constantFrom('', ' ', '\\s'),
        )
        .map(([look, word, space]) =>
          look.includes('<') ? `(${look}${word}${space})` : `(${look}${space}${word})`,
        ),
    },
    { weight: 1, arbitrary: tie('seq').map((s) => `(?<!${s})`) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(tie('seq'), tie('seq'), fc.constantFrom('', '?', '{0,2}'))
        .map(([a, b, q]) => `(?:${a}|${b})${q}`),
    },
  ),
  seq: fc.array(tie('atom'), { minLength: 1, maxLength: 3, depthIdentifier: 'regex' }).map((a) => a.join('')),
})).seq;

const textArb = fc
  .array(
    fc.constantFrom(
      ...WORDS,
      'CANCEL',
      'th4t',
      '1gn0re',
      'ke y',
      'zéta',
      '12-34',
      ' ',
      ' ',
      ', ',
      '123 ',
      '\n',
    ),
    { minLength: 60, maxLength: 160 },
  )
  .map((parts) => parts.join(''));

describe("the prefilter on users' own rules", () => {
  it('finds in long texts exactly what the rule finds run over the whole text', () => {
    let compiled = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...WORDS),
        regexArb,
        fc.constantFrom<PatternKind>('injection', 'pii'),
        fc.boolean(),
        fc.option(fc.constant(40), { nil: undefined }),
        fc.array(textArb, { minLength: 3, maxLength: 3 }),
        // Reporting a group of the match (its text may occur twice in it) instead of the whole match.
        fc.boolean(),
        (first, rest, kind, caseSensitive, window, texts, grouped) => {
          let db: ReturnType<typeof compileDatabase>;
          const regex = grouped ? `${first}(${rest})` : first + rest;
          try {
            db = compileDatabase(
              parsePatternDatabase({
                version: 'user',
                patterns: [userRule(regex, kind, caseSensitive, window, grouped ? 1 : undefined)],
              }),
            );
          } catch {
            return; // a shape the load check rejects: never run
          }
          compiled++;
          const rule = (kind === 'injection' ? db.injection.rules : db.data.rules)[0]!;
          for (const text of texts) {
            const norm = normalizeText(text);
            const view = kind === 'injection' ? norm.folded : norm.text;
            const raw = executeDatabase(db, norm, {
              injection: true,
              pii: true,
              secret: true,
              ciphers: false,
            });
            const got = (kind === 'injection' ? raw.injection : raw.data).map((m) => `${m.start}-${m.end}`);
            const plain = patternRegex(rule.def);
            const want = [...view.matchAll(new RegExp(plain.source, `${plain.flags}d`))]
              .filter((m) => m[0].length > 0 && (!grouped || (m[1] !== undefined && m[1] !== '')))
              .map((m) => {
                const [start, end] = grouped ? m.indices![1]! : [m.index, m.index + m[0].length];
                return `${start}-${end}`;
              });
            expect(got.sort(), `${rule.def.regex} on ${JSON.stringify(view)}`).toEqual(want.sort());
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(compiled).toBeGreaterThan(300);
  });

  it('reports a group where it is, even when its text occurs earlier in the match, and never empty', () => {
    const spans = (regex: string, text: string): string[] => {
      const db = compileDatabase(
        parsePatternDatabase({ version: 'user', patterns: [userRule(regex, 'pii', false, undefined, 1)] }),
      );
      const raw = executeDatabase(db, normalizeText(text), {
        injection: false,
        pii: true,
        secret: false,
        ciphers: false,
      });
      return raw.data.map((m) => `${text.slice(0, m.start)}[${m.value}]${text.slice(m.end)}`);
    };
    // Located by its text alone, the second "1234" was reported and masked instead of the first.
    expect(spans('(\\d{4})-\\d{4}', 'code 1234-1234')).toEqual(['code [1234]-1234']);
    expect(spans('ref:(\\d*)x', 'ref:x and ref:12x')).toEqual(['ref:x and ref:[12]x']);
  });

  it('runs an injection rule whose every match holds digits', () => {
    // A lone letter is no anchor, so a digit run would gate the rule; digit runs are collected for PII
    // and secret rules only, and an injection rule gated by one never ran.
    const db = compileDatabase(
      parsePatternDatabase({ version: 'user', patterns: [userRule('x\\d{2,4}', 'injection')] }),
    );
    const norm = normalizeText('see row x123 of the sheet');
    expect(
      executeDatabase(db, norm, { injection: true, pii: false, secret: false, ciphers: false }).injection,
    ).toEqual([expect.objectContaining({ start: 8, end: 12 })]);
  });

  it('gives a context-required rule the same verdict in a long text as in a short slice of it', () => {
    // Long texts take the windowed path and gate the rule on its context words in the automaton; a
    // slice of 256 characters or less runs the regex over all of it. Both must agree at every place.
    const contextWord = fc.constantFrom(
      'Member ID',
      'mitglied-nr',
      'número de socio',
      'acct#',
      'ref:',
      'ID',
      'номер',
    );
    const piece = fc.constantFrom(
      ...['MEMBER ID', 'member id:', 'Mitglied-Nr', 'numero de socio', 'NÚMERO DE SOCIO', 'acct#', 'ref:'],
      ...['REF :', 'id', 'Номер', 'AB-123456', 'ab-654321', 'xAB-111111', 'lorem ipsum dolor sit amet'],
      ...[', ', '. ', ' ', ' ', '\n'],
    );
    const candidate = /\bAB-\d{6}\b/gi;
    let reported = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(contextWord, { minLength: 1, maxLength: 3 }),
        fc.array(piece, { minLength: 80, maxLength: 300 }),
        (context, parts) => {
          const rule = { ...userRule('\\bAB-\\d{6}\\b', 'pii'), contextRequired: true, context };
          const scanner = createScanner(parsePatternDatabase({ version: 'user', patterns: [rule] }));
          const text = parts.join(' ');
          const found = (t: string, offset: number): string[] =>
            scanner.scan(t, { kinds: ['pii'] }).findings.map((f) => `${f.start + offset}-${f.end + offset}`);
          const whole = found(text, 0);
          reported += whole.length;
          for (const m of text.matchAll(candidate)) {
            const from = Math.max(0, m.index - 110);
            const slice = text.slice(from, Math.min(text.length, m.index + m[0].length + 110));
            const at = `${m.index}-${m.index + m[0].length}`;
            expect(found(slice, from).includes(at), `${at} in ${JSON.stringify(slice)}`).toBe(
              whole.includes(at),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(reported).toBeGreaterThan(100); // the context words are found, not only ever missed
  });

  it('keeps a window around the hits of a rule with an unbounded lookahead', () => {
    // An unbounded lookaround once made the radius Infinity, which the Int32 radius table stores as 0.
    const db = compileDatabase(
      parsePatternDatabase({
        version: 'user',
        patterns: [userRule('\\bcancel\\s\\w{1,20}(?!\\s(?:the )?\\p{L}*ship)', 'injection')],
      }),
    );
    expect(db.injection.rules[0]!.radius).toBeGreaterThan(1000);
    expect(Math.min(...db.table.radius.subarray(0, db.table.signOffset))).toBeGreaterThan(0);
  });
});
