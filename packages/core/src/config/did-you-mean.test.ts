import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from './did-you-mean.js';

describe('did-you-mean', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('Same', 'same')).toBe(0);
  });

  it('suggests close keys and nothing for unrelated words', () => {
    const keys = ['golden_prompts', 'mutations', 'invariants', 'run'];
    expect(didYouMean('golden_prompt', keys)).toBe('did you mean `golden_prompts`?');
    expect(closestMatch('goldenPrompts', keys)).toBe('golden_prompts');
    expect(closestMatch('invarients', keys)).toBe('invariants');
    expect(closestMatch('zzzzzzzz', keys)).toBeUndefined();
    expect(closestMatch('run', keys)).toBeUndefined();
  });
});
