import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultMutationTypes, defaultMutationWeights } from '../config/default-weights.js';
import { createRandom } from '../random.js';
import { builtinMutators } from './builtin-mutators.js';
import { mutationCatalogue } from './catalogue.js';
import type { MutationVariant, Mutator } from './mutator.js';
import { variantKey } from './rule-mutator.js';
import { editDistance, realisticPrompt } from './test-support.test-util.js';
import { encoders, morseNormalize, unspace } from './text/encoders.js';
import { escapeJsonText, escapeXmlText, lowerFirst } from './text/template.js';
import { fromTagCharacters, normalizeForComparison } from './text/unicode-transforms.js';
import { contentWords } from './text/words.js';

// The Python tool's table (config/default-weights.ts, read from its source) is the reference.
const PYTHON_WEIGHTS = defaultMutationWeights;

// FLAKESTORM_PROPERTY_RUNS=200 for a deeper local search; the default keeps the suite light.
const RUNS = Number(process.env.FLAKESTORM_PROPERTY_RUNS ?? 12);
const textOf = (v: MutationVariant): string => v.messages?.map((m) => m.content).join('\n') ?? v.prompt;

describe('catalogue', () => {
  it('has at least 50 uniquely named types, the 24 Python ones with their names and default weights', () => {
    const types = builtinMutators.map((m) => m.type);
    expect(types.length).toBeGreaterThanOrEqual(50);
    expect(new Set(types).size).toBe(types.length);
    for (const [type, weight] of Object.entries(PYTHON_WEIGHTS)) {
      const m = builtinMutators.find((x) => x.type === type);
      expect(m?.defaultWeight, type).toBe(weight);
      expect(m?.pythonCompatible, type).toBe(true);
    }
    expect(defaultMutationTypes.every((t) => types.includes(t))).toBe(true);
  });

  it('lists every type with an example (custom has none without templates)', () => {
    const rows = mutationCatalogue();
    expect(rows).toHaveLength(builtinMutators.length);
    for (const row of rows) if (row.type !== 'custom') expect(row.example, row.type).not.toBe('');
    expect(rows.filter((r) => r.wireLevel).map((r) => r.type)).toHaveLength(9);
  });
});

describe.each(builtinMutators.map((m) => [m.type, m] as [string, Mutator]))('%s', (type, mutator) => {
  const options = type === 'custom' ? { templates: ['A: {prompt}', 'B: {prompt}', '{prompt} C'] } : {};
  const go = (prompt: string, seed: number, count = 5) =>
    mutator.mutate(prompt, { count, random: createRandom(seed), options });

  it('gives the same variants for the same seed, all distinct, never more than asked', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.integer(),
        fc.integer({ min: 0, max: 8 }),
        (prompt, seed, count) => {
          const a = go(prompt, seed, count);
          expect(go(prompt, seed, count)).toEqual(a);
          expect(a.length).toBeLessThanOrEqual(count);
          expect(new Set(a.map(variantKey)).size).toBe(a.length);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('makes the default 10 variants of an ordinary prompt (protocol_level_attack has 5 wire variants)', () => {
    const want =
      ({ protocol_level_attack: 5, synonym_substitution: 3, custom: 3 } as Record<string, number>)[type] ??
      10;
    expect(
      go('Please book a cheap flight to Paris for next Monday and email me the invoice', 7, 10).length,
    ).toBeGreaterThanOrEqual(want);
  });

  it('never throws on empty, huge, emoji-only or right-to-left input, and keeps variants well-formed', () => {
    for (const prompt of [
      '',
      'x'.repeat(100_000),
      '😀🔥🙏',
      'مرحبا، أريد حجز رحلة إلى باريس',
      'שלום עולם',
      '\u0000\uD800',
    ]) {
      for (const v of go(prompt, 3, 3)) {
        expect(typeof v.prompt).toBe('string');
        expect(v.label).not.toBe('');
        if (v.messages) expect(v.messages.at(-1)).toEqual({ role: 'user', content: v.prompt });
        if (mutator.wireLevel) expect(v.wire && typeof v.meta?.wireFallback).toBe('string');
      }
    }
  });

  it(`keeps what it promises (${mutator.preservation})`, () => {
    fc.assert(
      fc.property(realisticPrompt, fc.integer(), (prompt, seed) => {
        for (const v of go(prompt, seed, 4)) checkPreservation(mutator, prompt, v);
      }),
      { numRuns: RUNS },
    );
  });

  it('contains the payload it claims to carry', () => {
    for (const v of go('Book a flight to Paris', 11, 10)) {
      if (typeof v.meta?.splitPayload === 'string') {
        expect((v.meta.parts as string[]).join('')).toContain(v.meta.splitPayload);
        for (const part of v.meta.parts as string[]) expect(v.prompt).toContain(part);
      }
      const payload = v.meta?.payload;
      if (typeof payload !== 'string') continue;
      const text = textOf(v);
      const visible =
        text.includes(payload) ||
        text.includes(escapeJsonText(payload)) ||
        text.includes(escapeXmlText(payload));
      expect(visible || fromTagCharacters(text) === payload, `${type}: ${v.label}`).toBe(true);
    }
  });
});

function checkPreservation(mutator: Mutator, prompt: string, v: MutationVariant): void {
  const label = `${mutator.type}: ${JSON.stringify(prompt)} -> ${JSON.stringify(v.prompt.slice(0, 200))}`;
  switch (mutator.preservation) {
    case 'verbatim':
      expect(v.prompt.includes(prompt) || v.prompt.includes(lowerFirst(prompt)), label).toBe(true);
      break;
    case 'normalized': {
      const tokens = new Set(normalizeForComparison(v.prompt).split(' '));
      for (const word of normalizeForComparison(prompt).split(' '))
        if (word !== '') expect(tokens.has(word), `${label} [${word}]`).toBe(true);
      break;
    }
    case 'edited':
      expect(editDistance(prompt, v.prompt), label).toBeLessThanOrEqual(4 * 16);
      expect(v.prompt.length, label).toBeGreaterThanOrEqual(prompt.length / 2);
      break;
    case 'intent': {
      const kept = new Set(contentWords(v.prompt));
      const original = contentWords(prompt);
      const survived = original.filter((w) => kept.has(w)).length;
      expect(survived, label).toBeGreaterThanOrEqual(Math.floor(original.length / 2));
      break;
    }
    case 'encoded':
      checkDecodes(prompt, v, label);
      break;
    default:
      break;
  }
}

function checkDecodes(prompt: string, v: MutationVariant, label: string): void {
  const meta = v.meta ?? {};
  if (meta.encoding === 'spacing') {
    expect(unspace(String(meta.encoded), String(meta.separator)), label).toBe(prompt);
    return;
  }
  const encoder = encoders[String(meta.encoding)];
  expect(encoder, label).toBeDefined();
  if (!encoder) return;
  const segments = Array.isArray(meta.segments)
    ? (meta.segments as Array<{ original: string; encoded: string }>)
    : [{ original: prompt, encoded: String(meta.encoded) }];
  for (const s of segments) {
    expect(v.prompt.includes(s.encoded), label).toBe(true);
    const decoded = encoder.decode(s.encoded);
    expect(decoded, label).toBe(encoder.lossless ? s.original : morseNormalize(s.original));
  }
}
