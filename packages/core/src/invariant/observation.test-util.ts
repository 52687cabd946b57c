import type { JsonObject } from '../json.js';
import type { Case } from '../run/case.js';
import type { Observation } from '../run/observation.js';
import type { InvariantSpec } from './invariant.js';

/** Builds a case for invariant tests; only what a test sets differs from a plain golden-prompt case. */
export function makeCase(overrides: Partial<Case> = {}): Case {
  const goldenPrompt = overrides.goldenPrompt ?? 'Book a flight to Tokyo';
  const prompt = overrides.prompt ?? goldenPrompt;
  return {
    id: 'case-1',
    index: 0,
    seed: 1,
    goldenIndex: 0,
    goldenPrompt,
    mutationType: 'noise',
    variantIndex: 0,
    weight: 1,
    prompt,
    messages: [{ role: 'user', content: prompt }],
    vars: {},
    label: 'test',
    trials: 1,
    ...overrides,
  };
}

/** Builds an observation: a successful, fast answer with no chaos unless the test says otherwise. */
export function makeObservation(
  overrides: Partial<Omit<Observation, 'case'>> & { case?: Partial<Case> } = {},
): Observation {
  const { case: caseOverrides, ...rest } = overrides;
  return {
    response: 'Your flight to Tokyo is booked.',
    status: 200,
    latencyMs: 120,
    exchanges: [],
    chaos: { toolFaults: false, llmFaults: false },
    ...rest,
    case: makeCase(caseOverrides),
  };
}

/** Builds a spec with the defaults the config layer would fill in. */
export function makeSpec(
  type: string,
  params: JsonObject = {},
  overrides: Partial<InvariantSpec> = {},
): InvariantSpec {
  return {
    type,
    id: `${type}-0`,
    severity: 'medium',
    negate: false,
    when: { chaos: 'always' },
    params,
    ...overrides,
  };
}
