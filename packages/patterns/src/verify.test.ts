import { describe, expect, it } from 'vitest';
import type { PatternDefinition } from './types.js';
import { verifyExamples } from './verify.js';

const injection = (regex: string, positive: string[]): PatternDefinition => ({
  id: 'model_name_jailbreak',
  kind: 'injection',
  category: 'jailbreak',
  severity: 'low',
  description: 'x',
  regex,
  examples: { positive, negative: ['hello there', 'nothing to see'] },
});

describe('verifyExamples', () => {
  it('explains a positive that fails because injection rules read leetspeak folded', () => {
    const failures = verifyExamples({
      version: 't',
      patterns: [injection('\\bgpt4o jailbreak\\b', ['gpt4o jailbreak', 'a gpt4o jailbreak now'])],
    });
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatchObject({ expected: 'match', example: 'gpt4o jailbreak' });
    expect(failures[0]?.hint).toContain('"gptao jailbreak"');
    // Spelt as the rule reads it, the same examples pass.
    expect(
      verifyExamples({
        version: 't',
        patterns: [injection('\\bgptao jailbreak\\b', ['gpt4o jailbreak', 'a gpt4o jailbreak now'])],
      }),
    ).toEqual([]);
  });

  it('gives no hint where leetspeak is not the reason', () => {
    const failures = verifyExamples({
      version: 't',
      patterns: [injection('\\bacme override\\b', ['acme overrides', 'the acme override'])],
    });
    expect(failures).toEqual([{ id: 'model_name_jailbreak', example: 'acme overrides', expected: 'match' }]);
  });
});
