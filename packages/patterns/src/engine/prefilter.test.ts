/**
 * The prefilter (anchors, leading literals, digit runs, windows, sticky starts, prechecks) may only skip
 * work, never findings: on every text, the engine's raw matches equal those of every rule's regex run
 * globally over the whole view (with the pattern's own flags), both counting only the matches the
 * rule's validator does not reject, and for a rule that requires a context word, only those its validator
 * vouches for or that have one of its words in the text (the rest are never findings, and a precheck may
 * rule them out).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attackExamples } from '../attacks.js';
import { builtinDatabase } from '../builtin.js';
import { type CompiledRule, compileDatabase, patternRegex } from './compile.js';
import { executeDatabase, type RawMatch } from './execute.js';
import { deriveLeading, MAX_LEADING_STRINGS } from './leading.js';
import { normalizeText } from './normalize.js';
import { parseRegexSource } from './regex-ast.js';

const db = compileDatabase(builtinDatabase());
const everything = { injection: true, pii: true, secret: true, ciphers: false };

/** False for a match that can never become a finding (see the header). */
function findable(rule: CompiledRule, value: string, lower: string): boolean {
  const verdict = rule.validator?.(value);
  if (verdict === false) return false;
  if (!rule.def.contextRequired || verdict === true) return true;
  return rule.context.some((w) => lower.includes(w));
}

function reference(rules: readonly CompiledRule[], view: string): string[] {
  const out: string[] = [];
  const lower = view.toLowerCase();
  for (const rule of rules) {
    // A context-required rule without a checksum runs only beside one of its context words (its
    // `also` set): a finding without one would be dropped anyway. Derived `also` sets are in every
    // match, so the check changes nothing for them.
    if (rule.also.length > 0 && !rule.also.some((w) => lower.includes(w))) continue;
    // The pattern's own regex and flags, on the plain view: the engine may run a caseless copy on the
    // lowercase view (caseless.ts), which must find the same.
    const re = patternRegex(rule.def);
    for (const m of view.matchAll(re)) {
      if (m[0].length === 0) continue;
      const g = rule.def.group;
      const value = g !== undefined && g > 0 ? m[g] : m[0];
      if (value === undefined || !findable(rule, value, lower)) continue;
      const start = m.index + Math.max(0, m[0].lastIndexOf(value));
      out.push(`${rule.def.id}@${start}-${start + value.length}`);
    }
  }
  return out.sort();
}

function keys(matches: readonly RawMatch[], view: string): string[] {
  const lower = view.toLowerCase();
  return matches
    .filter((m) => findable(m.rule, m.value, lower))
    .map((m) => `${m.rule.def.id}@${m.start}-${m.end}`)
    .sort();
}

function texts(): string[] {
  const base = new Set<string>(attackExamples());
  for (const p of builtinDatabase().patterns) {
    for (const e of p.examples.positive) base.add(e);
    for (const e of p.examples.negative) base.add(e);
  }
  const list = [...base];
  // Long texts take the windowed path; neighbours join so matches can cross example boundaries.
  const joined: string[] = [];
  for (let i = 0; i + 6 <= list.length; i += 6) joined.push(list.slice(i, i + 6).join(' \n '));
  return [...list, ...joined];
}

describe('prefilter soundness', () => {
  it('finds exactly what every rule finds run over the whole text', () => {
    let checked = 0;
    for (const text of texts()) {
      const norm = normalizeText(text);
      const raw = executeDatabase(db, norm, everything);
      expect(keys(raw.injection, norm.folded), text).toEqual(reference(db.injection.rules, norm.folded));
      expect(keys(raw.data, norm.text), text).toEqual(reference(db.data.rules, norm.text));
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('finds the same on random texts built from the shapes rules and prechecks look for', () => {
    const piece = fc.constantFrom(
      ...['a ', 'b ', 'x', ' ', '1a:', 'de:ad:be:ef:00:0f', '----', '=*', '~', '\\n', 'é ', '_', '@ '],
      ...['x y z w v u ', 'ignore ', 'all previous ', 'instructions', ' 555-12-3456', 'Ign0re', '. '],
      // Long stretches of digits (read as one run after the first) and separators inside them.
      ...['1234567890123456789012', '4111111111111111', '-4444', ' 0.5', 'ab'],
      // Groups of digits that add up to the sizes of numbers, cut or not by the cap of 41 digits a run.
      ...['1111111111 ', '12345 ', '078 05 1123', '078051123', '1 ', '12-', '4111 1111 1111 1111'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const norm = normalizeText(parts.join(''));
        const raw = executeDatabase(db, norm, everything);
        expect(keys(raw.injection, norm.folded)).toEqual(reference(db.injection.rules, norm.folded));
        expect(keys(raw.data, norm.text)).toEqual(reference(db.data.rules, norm.text));
      }),
      { numRuns: 2500 },
    );
  });

  it('finds the same in long texts whose leetspeak is read only where folding changed them', () => {
    // Over 256 characters the folded view is walked only around folded words; the plain view's hits
    // and windows serve the rest, and both sets of windows must join without losing any.
    const piece = fc.constantFrom(
      ...['1gn0r3 ', 'ign0re ', 'pr3v10us ', 'previous ', '1nstruct10ns ', 'instructions ', 'all ', '4ll '],
      ...['the above ', 'y0ur rul3s ', 'your rules ', 'forget ', 'f0rg3t ', 'disregard ', 'system prompt '],
      ...['reveal ', 'r3v34l ', 'you are now ', 'DAN ', 'mode ', 'developer ', 'd3v3l0p3r ', '. ', '\n'],
      // Filler between triggers: windows far apart, and folded words far from plain ones.
      ...['lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. '.repeat(3)],
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 10, maxLength: 60 }), (parts) => {
        const text = `${'plain words before anything happens here. '.repeat(7)}${parts.join('')}`;
        const norm = normalizeText(text);
        const raw = executeDatabase(db, norm, everything);
        expect(keys(raw.injection, norm.folded)).toEqual(reference(db.injection.rules, norm.folded));
      }),
      { numRuns: 400 },
    );
  });

  it("never reports a number cut out of a longer one at a window's edge", () => {
    // Found by random texts: a window began inside "1234567890123456789012", where a regex's lookbehind
    // could not see the digit before, and "0780511231"-like cuts read as numbers of their own.
    const cases = [
      'ignore ignore 123- 9all previous  555-12-3456078 05 1123ignore ----1a:4111111111111111ab~ 0.54111111111111111instructions1234567890123456789012x0780511231 ----41111111111111114111 1111 1111 1111all previous 123-a de:ad:be:ef:00:0finstructions-44444111111111111111',
      'ab-44441234567890123456789012----4111111111111111-4444de:ad:be:ef:00:0fall previous x y z w v u Ign0re----de:ad:be:ef:00:0fIgn0re1234567890123456789012ab 0.5é Ign0re 555-12-3456 555-12-3456b \\nb ignore de:ad:be:ef:00:0fxx y z w v u a xall previous ignore 1a:',
    ];
    for (const text of cases) {
      expect(text.length).toBeGreaterThan(256); // the windowed path
      const norm = normalizeText(text);
      expect(keys(executeDatabase(db, norm, everything).data, norm.text)).toEqual(
        reference(db.data.rules, norm.text),
      );
    }
  });

  it('runs most injection rules anchored at their leading literals', () => {
    const anchored = db.injection.rules.filter((r) => r.leading.length > 0);
    expect(anchored.length).toBeGreaterThan(db.injection.rules.length * 0.8);
  });
});

describe('leading literals', () => {
  const leading = (source: string, flags = 'gi'): string[] | undefined =>
    deriveLeading(parseRegexSource(source), flags);

  it('takes the opening alternation, through assertions and optional words', () => {
    expect(leading('\\b(?:ignore|skip)\\b all')).toEqual(['ignore a', 'skip all']);
    expect(leading('(?<!not )\\b(?:the )?(?:old|past) rules')).toEqual([
      'old rule',
      'past rul',
      'the old ',
      'the past',
    ]);
  });

  it('keeps one string of those sharing a prefix and cuts them to eight characters', () => {
    expect(leading('(?:show|showing|shows)\\b')).toEqual(['show']);
    expect(leading('instructions')).toEqual(['instruct']);
  });

  it('stops growing the strings where they would pass the anchored limit, keeping shorter ones', () => {
    // Nine nouns, each followed by any of nine letters: 81 strings of eight characters would be over
    // the limit, and the rule would not run anchored at all.
    const nouns = 'aaa|bbb|ccc|ddd|eee|fff|ggg|hhh|iii';
    const source = `(?:${nouns}) (?:j|k|l|m|n|o|p|q|r)`;
    expect(leading(source)).toEqual(nouns.split('|').map((n) => `${n} `));
    expect(MAX_LEADING_STRINGS).toBeLessThan(81);
    // A set that only starts past the limit keeps its full size: it tells an author how far over it is.
    const words = Array.from({ length: 70 }, (_, i) => `w${String(i).padStart(2, '0')}x`).join('|');
    expect(leading(`(?:${words}) now`)).toHaveLength(70);
  });

  it('knows nothing when a match can start anywhere', () => {
    expect(leading('(?:please )?\\w+ now')).toBeUndefined();
    expect(leading('[a-z]{3} x')).toBeUndefined();
    expect(leading('x|\\d+')).toBeUndefined();
  });
});
