import { describe, expect, it } from 'vitest';
import { isFlakestormError } from '../errors.js';
import { baselineCase, countCases, expandCases, type MutationShortfall } from './expand-cases.js';
import { makePlan, mutateCalls, spec, testRegistry } from './run-fixtures.test-util.js';

describe('expandCases', () => {
  it('orders cases golden prompt, then mutation spec, then variant', () => {
    const plan = makePlan({ mutations: [spec('suffix', 2), spec('upper', 1, { weight: 2 })] });
    const cases = [...expandCases(plan, testRegistry())];
    expect(cases.map((c) => [c.goldenIndex, c.mutationType, c.variantIndex, c.index])).toEqual([
      [0, 'suffix', 0, 0],
      [0, 'suffix', 1, 1],
      [0, 'upper', 0, 2],
      [1, 'suffix', 0, 3],
      [1, 'suffix', 1, 4],
      [1, 'upper', 0, 5],
    ]);
    expect(cases[2]).toMatchObject({ prompt: 'BOOK A FLIGHT TO PARIS', weight: 2, trials: 1 });
    expect(cases[2]?.messages).toEqual([{ role: 'user', content: 'BOOK A FLIGHT TO PARIS' }]);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const registry = testRegistry();
    const a = [...expandCases(makePlan({}, { seed: 7 }), registry)];
    const b = [...expandCases(makePlan({}, { seed: 7 }), registry)];
    const c = [...expandCases(makePlan({}, { seed: 8 }), registry)];
    expect(b).toEqual(a);
    expect(c.map((x) => x.id)).not.toEqual(a.map((x) => x.id));
    expect(c.map((x) => x.prompt)).not.toEqual(a.map((x) => x.prompt));
    expect(c.map((x) => x.seed)).not.toEqual(a.map((x) => x.seed));
  });

  it('is lazy: only the batches read so far are generated', () => {
    const goldenPrompts = Array.from({ length: 1000 }, (_, i) => ({ text: `prompt ${i}`, vars: {} }));
    const plan = makePlan({ goldenPrompts, mutations: [spec('suffix', 50)] });
    expect(countCases(plan)).toBe(50_000);
    const before = mutateCalls.count;
    const iterator = expandCases(plan, testRegistry());
    for (let i = 0; i < 51; i++) iterator.next();
    expect(mutateCalls.count - before).toBe(2);
  });

  it('reports shortfalls once per type and golden prompt, and survives a throwing mutator', () => {
    const shortfalls: MutationShortfall[] = [];
    const plan = makePlan({ mutations: [spec('short', 5), spec('boom', 2), spec('upper', 1)] });
    const cases = [...expandCases(plan, testRegistry(), { onShortfall: (s) => shortfalls.push(s) })];
    expect(cases).toHaveLength(2 * (2 + 0 + 1));
    expect(shortfalls).toEqual([
      { mutationType: 'short', goldenIndex: 0, wanted: 5, made: 2 },
      { mutationType: 'boom', goldenIndex: 0, wanted: 2, made: 0, failure: 'mutator exploded' },
      { mutationType: 'short', goldenIndex: 1, wanted: 5, made: 2 },
      { mutationType: 'boom', goldenIndex: 1, wanted: 2, made: 0, failure: 'mutator exploded' },
    ]);
  });

  it('applies layers in order, each to the previous prompt', () => {
    const plan = makePlan({ mutations: [spec('short+upper', 2, { layer: ['short', 'upper'] })] });
    const cases = [...expandCases(plan, testRegistry())];
    expect(cases.slice(0, 2).map((c) => [c.mutationType, c.prompt, c.label])).toEqual([
      ['short+upper', 'BOOK A FLIGHT TO PARIS?', 'q + upper'],
      ['short+upper', 'BOOK A FLIGHT TO PARIS!', 'bang + upper'],
    ]);
  });

  it('throws for an unknown mutation type before any case', () => {
    let thrown: unknown;
    try {
      expandCases(makePlan({ mutations: [spec('nope', 1)] }), testRegistry());
    } catch (error) {
      thrown = error;
    }
    expect(isFlakestormError(thrown, 'FLAKESTORM_MUTATOR_UNKNOWN')).toBe(true);
  });

  it('gives repeated golden prompts distinct ids and carries repeat and wire', () => {
    const plan = makePlan(
      {
        goldenPrompts: [
          { text: 'same', vars: { a: '1' } },
          { text: 'same', vars: {} },
        ],
        mutations: [spec('header', 1)],
      },
      { repeat: 3 },
    );
    const [first, second] = [...expandCases(plan, testRegistry())];
    expect(first?.id).not.toBe(second?.id);
    expect(first).toMatchObject({ trials: 3, vars: { a: '1' }, wire: { kind: 'headers' } });
  });

  it('builds the unmutated baseline case of a golden prompt', () => {
    const c = baselineCase(makePlan(), 1);
    expect(c).toMatchObject({
      mutationType: 'golden',
      prompt: 'What is my balance?',
      weight: 0,
      goldenIndex: 1,
    });
  });
});
