import type { CaseResult } from '../run/result.js';

/** A minimal passing case result, overridable field by field. */
export function makeResult(overrides: Partial<CaseResult> = {}): CaseResult {
  return {
    id: 'c0',
    index: 0,
    goldenIndex: 0,
    goldenPrompt: 'Book a flight',
    mutationType: 'noise',
    variantIndex: 0,
    label: 'noise',
    weight: 1,
    mutated: 'Bok a flihgt',
    response: 'ok',
    latencyMs: 10,
    passed: true,
    checks: [],
    error: null,
    exchanges: [],
    ...overrides,
  };
}
