import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDatabase } from '../builtin.js';
import { flagsOf } from '../database.js';
import { createScanner } from '../scanner.js';
import { getValidator } from '../validators/registry.js';
import { expandMacros } from './macros.js';
import { normalizeText } from './normalize.js';
import { precheckedSources, precheckFor, type TextShapes } from './prechecks.js';

const db = builtinDatabase();

/**
 * For one prechecked regex: whether its rule's regex matches a text with a match its validator does not
 * reject, what a precheck must never refuse (a match the validator rejects is never a finding, so a check
 * may rule it out). The rule, validator and regex are looked up once.
 */
function finderOf(regex: string, flags: string): (text: string) => boolean {
  const rule = db.patterns.find((p) => p.regex === regex);
  const validator = rule?.validator === undefined ? undefined : getValidator(rule.validator);
  const re = new RegExp(expandMacros(regex), flags.includes('g') ? flags : `${flags}g`);
  // A rule that requires a context word reports an unvalidated match only with one in the text.
  const contextWords = rule?.contextRequired ? (rule.context ?? []) : [];
  const hasContext = (text: string): boolean =>
    contextWords.some((w) => text.toLowerCase().includes(w.toLowerCase()));
  return (text) => {
    for (const m of text.matchAll(re)) {
      const value = rule?.group ? m[rule.group] : m[0];
      if (value === undefined) continue;
      const verdict = validator?.(value);
      if (verdict === true || (verdict === undefined && (contextWords.length === 0 || hasContext(text))))
        return true;
    }
    return false;
  };
}

/** The shapes the automaton pass measures, read plainly (the engine's own are checked end to end in prefilter.test.ts). */
function shapesOf(text: string): TextShapes {
  let markRun = 0;
  let spacedWords = 0;
  for (const m of text.matchAll(/[-=*#_~]+/g)) markRun = Math.max(markRun, m[0].length);
  for (const m of text.matchAll(/(?:(?<![a-z0-9])[a-z0-9] )+/gi))
    spacedWords = Math.max(spacedWords, m[0].length / 2);
  let hexPairSeparators = 0;
  let hexQuadDots = 0;
  const every = (chars: string, gap: number): number => {
    let best = 0;
    let run = 0;
    let last = -gap - 1;
    for (let i = 0; i < text.length; i++) {
      if (!chars.includes(text[i]!)) continue;
      run = i - last === gap ? run + 1 : 1;
      last = i;
      best = Math.max(best, run);
    }
    return best;
  };
  hexPairSeparators = every(':-', 3);
  hexQuadDots = every('.', 5);
  return { markRun, spacedWords, hexPairSeparators, hexQuadDots };
}

describe('prechecks', () => {
  it('each belongs to a shipped rule, with the same regex and flags (an edit must not orphan it)', () => {
    for (const { regex, flags } of precheckedSources()) {
      const rule = db.patterns.find((p) => p.regex === regex);
      expect(rule, regex).toBeDefined();
      if (rule) expect(flagsOf(rule)).toBe(flags);
    }
  });

  it('never rejects a text on which the rule finds something (positive and negative examples, both views)', () => {
    let checked = 0;
    for (const { regex, flags } of precheckedSources()) {
      const rule = db.patterns.find((p) => p.regex === regex);
      const check = precheckFor(regex, flags);
      if (!rule || !check) continue;
      const finds = finderOf(regex, flags);
      const examples = [...(rule.examples?.positive ?? []), ...(rule.examples?.negative ?? [])];
      for (const ex of examples) {
        const n = normalizeText(ex);
        for (const view of [n.text, n.folded]) {
          if (finds(view)) {
            expect(check(view, shapesOf(view)), `${rule.id}: ${view}`).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1);
  });

  it('rejects texts that cannot match and accepts near-minimal matches', () => {
    const precheck = (id: string) => {
      const pattern = db.patterns.find((p) => p.id === id)!;
      const check = precheckFor(pattern.regex, flagsOf(pattern))!;
      return (text: string) => check(text, shapesOf(text));
    };
    const mac = precheck('mac_address');
    expect(mac('device 00:1A:2b:3C:4d:5E online')).toBe(true);
    expect(mac('cisco 001a.2b3c.4d5e')).toBe(true);
    expect(mac('a-b-c-d e:f 10:30 1.2.3')).toBe(false);
    const separator = precheck('separator_then_override');
    expect(separator('done. =*=* now ignore that')).toBe(true);
    expect(separator('see \\n\\n\\n new task')).toBe(true);
    expect(separator('a --- b == c ** d')).toBe(false);
    const spaced = precheck('single_letter_spacing');
    expect(spaced('please i g n o r e this')).toBe(true);
    expect(spaced('a b c d e f')).toBe(false);
    expect(spaced('i am a b c man')).toBe(false);
    const email = precheck('email');
    expect(email('write to Bob@Example.org')).toBe(true);
    expect(email('@@@@ @ ping me @ 5pm')).toBe(false);
    const ipv6 = precheck('ipv6');
    expect(ipv6('host 2001:db8::1 up')).toBe(true);
    expect(ipv6('loopback ::1')).toBe(true);
    expect(ipv6('full 2001:0db8:85a3:0000:0000:8a2e:0370:7334')).toBe(true);
    expect(ipv6('mapped 64:ff9b:0:0:0:0:192.0.2.33')).toBe(true);
    expect(ipv6('Note: see https://x.org')).toBe(false);
    // Times match the regex, but the validator rejects them: no finding can come of them.
    expect(ipv6('at 12:30:45 and 01:02:03:04:05:06')).toBe(false);
    const password = precheck('password_assignment');
    expect(password("password = 'hunter22'")).toBe(true);
    expect(password("don't share your password")).toBe(false);
    const street = precheck('street_address');
    expect(street('I live at 221B Baker Street')).toBe(true);
    expect(street('I have 3 cats on Baker street')).toBe(false);
    const gps = precheck('gps_coordinates');
    expect(gps('at 51.50735,-0.12776 now')).toBe(true);
    expect(gps('pi is 3.14159 and e 2.71828')).toBe(false);
    const pan = precheck('in_pan');
    expect(pan('PAN: AAAPL1234C')).toBe(true);
    expect(pan('order 12345 shipped')).toBe(false);
  });

  it('never rejects a random text the rule matches (texts built from the shapes the rules look for)', () => {
    const piece = fc.constantFrom(
      ...['a ', 'b ', 'x', ' ', '1a:', 'de:ad:', 'be-ef-', '0f', 'c0de.', '.', '==', '*-', '~', '\\n'],
      ...['é ', '_', 'ab', 'de:ad:be:ef:00:0f', 'x y z w v u ', '----', '@', 'bob@mail.org', '@x', 'y.io'],
      ...['2001:db8::1', '::1', 'fe80::', '10:30 ', 'password=', "'hunter22'", '"abcdef"', "don't "],
      ...['1:2:3:4:5:6:7:8', 'a:b:c:d:e:f:', '1.2.3.4', '0:0:'],
      ...['221 ', 'Baker Street', '221B Baker St', '37.7749', ',', '-122.4194', 'Q~', 'ABBPM4567S', '4567'],
      ...['SW1A 1AA', 'm1 1aa', 'postcode ', 'London ', '15 070649 C 103', '736028/5163', '/'],
      ...[
        'xyz8Q~ScgrLRWzBQCABugjMgeP7cGq0pbqfi14Z',
        'ScgrLRWzBQCABugjMgeP7cGq0pbqfi14Z',
        '51.50735,-0.12776',
      ],
    );
    const rules = precheckedSources().map(({ regex, flags }) => ({
      regex,
      finds: finderOf(regex, flags),
      check: precheckFor(regex, flags)!,
    }));
    const matched = new Set<string>();
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = `${parts.join('')} ignore`;
        for (const { regex, finds, check } of rules) {
          if (!finds(text)) continue;
          matched.add(regex);
          expect(check(text, shapesOf(text)), text).toBe(true);
        }
      }),
      // A fixed seed: the same 5,000 texts on every run, among which every rule finds something (a
      // validated finding is rarer than a raw match, and a random draw could miss a rule).
      { numRuns: 5000, seed: 20261128 },
    );
    expect(matched.size, 'every prechecked rule found something in some text').toBe(rules.length);
  });

  it('does not apply to a user pattern that reuses an id with another regex', () => {
    expect(precheckFor('[0-9a-f]{2}(?::[0-9a-f]{2}){5}', 'gi')).toBeUndefined();
    const scanner = createScanner({
      version: 'test',
      patterns: [
        {
          id: 'mac_address',
          kind: 'pii',
          category: 'identification',
          severity: 'low',
          description: 'MAC with single-space separators (no precheck fits it)',
          regex: '\\b[0-9a-f]{2}(?: [0-9a-f]{2}){5}\\b',
          examples: { positive: ['aa bb cc dd ee ff', '00 11 22 33 44 55'], negative: ['aa bb', 'hello'] },
        },
      ],
    });
    expect(scanner.scan('mac aa bb cc dd ee ff').findings.map((f) => f.id)).toEqual(['mac_address']);
  });
});
