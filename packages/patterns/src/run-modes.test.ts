import { describe, expect, it } from 'vitest';
import { builtinDatabase } from './builtin.js';
import { isPatternError } from './errors.js';
import { ruleRunModes, runModes } from './run-modes.js';
import type { PatternDefinition } from './types.js';

const rule = (id: string, kind: PatternDefinition['kind'], regex: string, positive: string[]) =>
  ({
    id,
    kind,
    category: kind === 'injection' ? 'jailbreak' : kind === 'pii' ? 'identification' : 'credentials',
    severity: 'low',
    description: id,
    regex,
    examples: { positive, negative: ['nothing here', 'plain words only'] },
  }) as PatternDefinition;

const modesOf = (patterns: PatternDefinition[]) =>
  Object.fromEntries(ruleRunModes({ version: 't', patterns }).map((r) => [r.id, r.runs]));

describe('ruleRunModes', () => {
  it('tells apart a rule with a fixed word, a number, a long token and a bare shape', () => {
    expect(
      modesOf([
        rule('fixed_word', 'injection', '\\bacme override\\b', ['the acme override', 'acme override now']),
        rule('ticket_number', 'pii', '\\b\\d{3}-\\d{4}\\b', ['call 555-0100', 'id 123-4567']),
        rule('long_token', 'secret', '\\b[A-Za-z0-9]{32}\\b', ['k 0123456789abcdef0123456789abcdef', 'x']),
        rule('three_short_words', 'injection', '\\b[a-z]{2} [a-z]{2} [a-z]{2}\\b', ['go on up', 'is it so']),
      ]),
    ).toEqual({
      fixed_word: 'at-starts',
      ticket_number: 'on-digit-runs',
      long_token: 'after-shape-check',
      three_short_words: 'on-every-text',
    });
  });

  it('says when a rule starts with more strings than the engine tries it at', () => {
    // 70 different first words: over the limit, so the rule runs in windows around "override".
    const words = Array.from(
      { length: 70 },
      (_, i) => `w${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`,
    );
    const many = rule('many_starts', 'injection', `\\b(?:${words.join('|')}) override\\b`, [
      `${words[0]} override`,
      `${words[69]} override`,
    ]);
    const few = rule('few_starts', 'injection', '\\b(?:please|now) override\\b', [
      'please override',
      'now override',
    ]);
    const modes = ruleRunModes({ version: 't', patterns: [many, few] });
    expect(modes[0]).toMatchObject({ runs: 'in-windows', tooManyStarts: { strings: 70, limit: 64 } });
    expect(modes[1]).toEqual({ id: 'few_starts', kind: 'injection', runs: 'at-starts' });
  });

  it('reports every built-in pattern once, most of them gated', () => {
    const modes = ruleRunModes(builtinDatabase());
    expect(modes.map((m) => m.id)).toEqual(builtinDatabase().patterns.map((p) => p.id));
    const everyText = modes.filter((m) => m.runs === 'on-every-text');
    // A rule that runs over every text costs every scan; the shipped ones are gated but for a few.
    expect(everyText.length).toBeLessThanOrEqual(2);
    expect(new Set(modes.map((m) => m.runs))).toEqual(new Set(runModes));
  });

  it('rejects an invalid database as a compile would', () => {
    let caught: unknown;
    try {
      ruleRunModes({ version: 't', patterns: [rule('nested', 'injection', '(a+)+$', ['aaa', 'aa'])] });
    } catch (error) {
      caught = error;
    }
    expect(isPatternError(caught)).toBe(true);
  });
});
