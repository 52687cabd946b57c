import { describe, expect, it } from 'vitest';
import type { Embedder } from '../embedder.js';
import { makeObservation, makeSpec } from '../observation.test-util.js';
import { behaviorUnchangedInvariant } from './behavior-unchanged.js';
import { similarityInvariant } from './similarity.js';

const context = { baseDir: '.' };

describe('similarity', () => {
  it('passes above the threshold and fails below with the score', async () => {
    const expected = 'Your flight to Tokyo is booked.';
    const check = similarityInvariant.create(makeSpec('similarity', { expected, threshold: 0.7 }), context);
    const ok = await check(makeObservation({ response: 'Your flight to Tokyo is booked!' }));
    expect(ok.passed).toBe(true);
    expect(ok.details?.similarity).toBeGreaterThan(0.9);
    const bad = await check(makeObservation({ response: 'I cannot help with that.' }));
    expect(bad.passed).toBe(false);
    expect(bad.reason).toMatch(/^Similarity 0\.\d\d < 0\.7: expected something like "Your flight/);
  });

  it("falls back to the golden prompt's expected answer, else says what is missing", async () => {
    const check = similarityInvariant.create(makeSpec('similarity', {}), context);
    expect(
      (await check(makeObservation({ case: { meta: { expected: 'Your flight to Tokyo is booked.' } } })))
        .passed,
    ).toBe(true);
    expect((await check(makeObservation())).reason).toMatch(/No expected answer/);
  });

  it('uses an embedder when asked, and refuses to load without one', async () => {
    const embedder: Embedder = { name: 'toy', embed: async (texts) => texts.map((t) => [t.length, 1]) };
    const spec = makeSpec('similarity', { expected: 'abcd', method: 'embedding', threshold: 0.99 });
    const check = await similarityInvariant.load?.(spec, { ...context, embedder });
    expect((await check?.(makeObservation({ response: 'wxyz' })))?.passed).toBe(true);
    await expect(similarityInvariant.load?.(spec, context)).rejects.toThrow(/needs an embedding back-end/);
  });

  it('validates params', () => {
    expect(similarityInvariant.validate({ threshold: 1.5 })[0]).toMatch(/at most 1/);
    expect(similarityInvariant.validate({ method: 'vibes' })[0]).toMatch(/one of lexical, embedding/);
  });
});

describe('behavior_unchanged', () => {
  const golden = 'Your flight to Tokyo is booked for Monday at 9am.';

  it('compares with the golden answer (auto) or a given baseline', async () => {
    const auto = behaviorUnchangedInvariant.create(makeSpec('behavior_unchanged', {}), context);
    expect(
      (
        await auto(
          makeObservation({
            response: 'your flight to tokyo is bookd for monday at 9am',
            goldenResponse: golden,
          }),
        )
      ).passed,
    ).toBe(true);
    const changed = await auto(
      makeObservation({ response: 'Sorry, I cannot help with that.', goldenResponse: golden }),
    );
    expect(changed.passed).toBe(false);
    expect(changed.reason).toMatch(/^Behaviour changed: similarity 0\.\d\d < 0\.75\. Baseline "Your flight/);
    const given = behaviorUnchangedInvariant.create(
      makeSpec('behavior_unchanged', { baseline: golden }),
      context,
    );
    expect((await given(makeObservation({ response: golden }))).passed).toBe(true);
  });

  it('fails clearly when auto has no baseline', async () => {
    const check = behaviorUnchangedInvariant.create(
      makeSpec('behavior_unchanged', { baseline: 'auto' }),
      context,
    );
    const v = await check(makeObservation());
    expect(v.passed).toBe(false);
    expect(v.reason).toMatch(/^No baseline to compare with/);
  });

  it('validates params', () => {
    expect(behaviorUnchangedInvariant.validate({ baseline: 3 })[0]).toMatch(/"auto" or the baseline/);
    expect(behaviorUnchangedInvariant.validate({ similarity_threshold: -1 })[0]).toMatch(/at least 0/);
  });
});
