import { describe, expect, it } from 'vitest';
import { isFlakestormError } from '../errors.js';
import { defineMutator } from '../mutation/mutator.js';
import { builtinPlugin } from '../plugin/builtin-plugin.js';
import { createRegistry } from '../plugin/registry.js';
import { invariantCatalogue, pythonInvariantTypes } from './catalogue.js';
import { isInvariantApplicable } from './condition.js';
import { createInvariantEvaluator, validateInvariantSpec } from './evaluator.js';
import { defineInvariant } from './invariant.js';
import { makeObservation, makeSpec } from './observation.test-util.js';

const registry = () => createRegistry([builtinPlugin]);
const options = { baseDir: process.cwd() };

describe('createInvariantEvaluator', () => {
  it('runs every applicable check and reports type, id and severity', async () => {
    const evaluate = await createInvariantEvaluator(
      [
        makeSpec('contains', { value: 'tokyo' }, { id: 'mentions-city', severity: 'high' }),
        makeSpec('latency', { max_ms: 100 }),
      ],
      registry(),
      options,
    );
    const results = await evaluate(makeObservation({ latencyMs: 250 }));
    expect(results).toMatchObject([
      { type: 'contains', id: 'mentions-city', passed: true, severity: 'high' },
      { type: 'latency', id: 'latency-0', passed: false, severity: 'medium' },
    ]);
  });

  it('negate flips the verdict and says why', async () => {
    const evaluate = await createInvariantEvaluator(
      [
        makeSpec('contains', { value: 'tokyo' }, { negate: true, id: 'a' }),
        makeSpec('contains', { value: 'paris' }, { negate: true, id: 'b' }),
      ],
      registry(),
      options,
    );
    const [a, b] = await evaluate(makeObservation());
    expect(a?.passed).toBe(false);
    expect(a?.reason).toMatch(
      /^Negated check failed: the condition held but must not\. \(Response contains "tokyo"/,
    );
    expect(a?.details).toMatchObject({ negated: true });
    expect(b?.passed).toBe(true);
    expect(b?.reason).toMatch(/^Negated check passed/);
  });

  it('reports "no answer" for content checks on failed calls, even negated, and still runs completes', async () => {
    const evaluate = await createInvariantEvaluator(
      [
        makeSpec('contains', { value: 'x' }),
        makeSpec('not_contains', { value: 'x' }, { negate: true, id: 'n' }),
        makeSpec('completes'),
      ],
      registry(),
      options,
    );
    const results = await evaluate(
      makeObservation({ response: '', error: { cause: 'timeout', message: 'no answer after 30000 ms' } }),
    );
    expect(results.map((r) => r.passed)).toEqual([false, false, false]);
    expect(results[0]?.reason).toBe('No answer (timeout): no answer after 30000 ms');
    expect(results[1]?.reason).toMatch(/^No answer \(timeout\)/);
    expect(results[2]?.reason).toMatch(/^Did not complete: timeout/);
  });

  it('omits invariants whose `when` does not hold', async () => {
    const evaluate = await createInvariantEvaluator(
      [
        makeSpec('output_not_empty', {}, { id: 'always' }),
        makeSpec('output_not_empty', {}, { id: 'tools', when: { chaos: 'tool_faults_active' } }),
        makeSpec('output_not_empty', {}, { id: 'calm', when: { chaos: 'no_chaos' } }),
        makeSpec(
          'output_not_empty',
          {},
          { id: 'inj', when: { chaos: 'always', mutationTypes: ['prompt_injection'] } },
        ),
        makeSpec(
          'output_not_empty',
          {},
          { id: 'not-noise', when: { chaos: 'always', exceptMutationTypes: ['noise'] } },
        ),
      ],
      registry(),
      options,
    );
    const ids = async (o: Parameters<typeof makeObservation>[0]) =>
      (await evaluate(makeObservation(o))).map((r) => r.id);
    expect(await ids({})).toEqual(['always', 'calm']);
    expect(await ids({ chaos: { toolFaults: true, llmFaults: false } })).toEqual(['always', 'tools']);
    expect(await ids({ case: { mutationType: 'base64+prompt_injection' } })).toEqual([
      'always',
      'calm',
      'inj',
      'not-noise',
    ]);
  });

  it('lists every problem by invariant id in one FLAKESTORM_CONFIG_INVALID', async () => {
    const bad = [
      makeSpec('contains', {}, { id: 'c1' }),
      makeSpec('regex', { pattern: '(' }, { id: 'r1' }),
      makeSpec('no_such_type', {}, { id: 'x1' }),
      makeSpec('latency', { max_ms: 10 }, { id: 'l1', when: { chaos: 'sometimes' as 'always' } }),
      makeSpec('custom', { module: './missing.mjs' }, { id: 'm1' }),
    ];
    const error = await createInvariantEvaluator(bad, registry(), options).catch((e: unknown) => e);
    expect(isFlakestormError(error, 'FLAKESTORM_CONFIG_INVALID')).toBe(true);
    if (!isFlakestormError(error)) return;
    const messages = error.issues.map((i) => i.message);
    expect(messages).toHaveLength(5);
    expect(messages[0]).toMatch(/^c1 \(contains\): "value" is required/);
    expect(messages[1]).toMatch(/^r1 \(regex\): "pattern": invalid regex/);
    expect(messages[2]).toMatch(/^x1: unknown invariant type "no_such_type"/);
    expect(messages[3]).toMatch(/^l1 \(latency\): "when" must be one of/);
    expect(messages[4]).toMatch(/^m1 \(custom\): custom module ".\/missing.mjs" not found/);
    expect(error.issues[2]?.hint).toMatch(/Known types: .*refusal_check/);
    expect(error.message).toMatch(/^5 problem\(s\) in the invariants/);
  });

  it('turns a crashing check into a failed verdict and honours `applies`', async () => {
    const plugin = {
      name: 'test',
      invariants: [
        defineInvariant({
          type: 'explodes',
          description: 'test',
          example: {},
          validate: () => [],
          create: () => () => {
            throw new Error('boom');
          },
        }),
        defineInvariant({
          type: 'picky',
          description: 'test',
          example: {},
          validate: () => [],
          applies: (_spec, observation) => observation.case.mutationType === 'golden',
          create: () => () => ({ passed: true, reason: 'ok' }),
        }),
      ],
    };
    const evaluate = await createInvariantEvaluator(
      [makeSpec('explodes'), makeSpec('picky')],
      registry().use(plugin),
      options,
    );
    const results = await evaluate(makeObservation());
    expect(results).toEqual([
      {
        type: 'explodes',
        id: 'explodes-0',
        passed: false,
        reason: 'The explodes check crashed: boom',
        severity: 'medium',
      },
    ]);
  });

  it('keeps spec order when synchronous and asynchronous checks mix, and catches async crashes', async () => {
    const later = (verdict: { passed: boolean; reason: string }) =>
      new Promise<typeof verdict>((resolve) => setTimeout(() => resolve(verdict), 1));
    const plugin = {
      name: 'mixed',
      invariants: [
        defineInvariant({
          type: 'slow_ok',
          description: 'test',
          example: {},
          validate: () => [],
          create: () => () => later({ passed: true, reason: 'slow' }),
        }),
        defineInvariant({
          type: 'slow_crash',
          description: 'test',
          example: {},
          validate: () => [],
          create: () => () => Promise.reject(new Error('late boom')),
        }),
      ],
    };
    const evaluate = await createInvariantEvaluator(
      [
        makeSpec('contains', { value: 'tokyo' }, { id: 'first' }),
        makeSpec('slow_ok', {}, { id: 'second', negate: true }),
        makeSpec('latency', { max_ms: 100 }, { id: 'third' }),
        makeSpec('slow_crash', {}, { id: 'fourth' }),
      ],
      registry().use(plugin),
      options,
    );
    const results = await evaluate(makeObservation({ latencyMs: 5 }));
    expect(results.map((r) => [r.id, r.passed])).toEqual([
      ['first', true],
      ['second', false],
      ['third', true],
      ['fourth', false],
    ]);
    expect(results[1]?.reason).toContain('Negated check failed');
    expect(results[3]?.reason).toBe('The slow_crash check crashed: late boom');
  });

  it('omits behavior_unchanged for golden cases and meaning-changing mutations', async () => {
    const attack = defineMutator({
      type: 'prompt_injection',
      group: 'injection',
      description: 'test',
      defaultWeight: 1,
      wireLevel: false,
      multiTurn: false,
      preservesMeaning: false,
      example: '',
      mutate: () => [],
    });
    const reg = registry().use({ name: 'm', mutators: [attack] });
    const evaluate = await createInvariantEvaluator([makeSpec('behavior_unchanged')], reg, options);
    const golden = 'Your flight to Tokyo is booked.';
    expect(await evaluate(makeObservation({ case: { mutationType: 'golden' } }))).toEqual([]);
    expect(
      await evaluate(makeObservation({ case: { mutationType: 'prompt_injection' }, goldenResponse: golden })),
    ).toEqual([]);
    expect(await evaluate(makeObservation({ goldenResponse: golden }))).toMatchObject([{ passed: true }]);
  });
});

describe('isInvariantApplicable', () => {
  it('maps every `when` value onto the chaos state', () => {
    const table = [
      ['always', [true, true, true, true]],
      ['tool_faults_active', [false, true, false, true]],
      ['llm_faults_active', [false, false, true, true]],
      ['any_chaos_active', [false, true, true, true]],
      ['no_chaos', [true, false, false, false]],
    ] as const;
    const states = [
      { toolFaults: false, llmFaults: false },
      { toolFaults: true, llmFaults: false },
      { toolFaults: false, llmFaults: true },
      { toolFaults: true, llmFaults: true },
    ];
    for (const [chaos, expected] of table) {
      const spec = makeSpec('completes', {}, { when: { chaos } });
      expect(states.map((s) => isInvariantApplicable(spec, makeObservation({ chaos: s })))).toEqual(expected);
    }
  });
});

describe('invariantCatalogue', () => {
  it('lists every built-in type with a valid example and marks the Python twelve', () => {
    const catalogue = invariantCatalogue();
    expect(catalogue).toHaveLength(18);
    expect(catalogue.filter((e) => e.pythonCompatible).map((e) => e.type)).toEqual(pythonInvariantTypes);
    const reg = registry();
    for (const entry of catalogue) {
      expect(entry.description.length).toBeGreaterThan(10);
      expect(reg.invariant(entry.type).validate(entry.example), entry.type).toEqual([]);
    }
  });
});

describe('validateInvariantSpec', () => {
  it('returns the problems of one spec for the config layer', () => {
    expect(validateInvariantSpec(makeSpec('latency', { max_ms: 5 }), registry())).toEqual([]);
    expect(validateInvariantSpec(makeSpec('latency', {}), registry())).toEqual([
      '"max_ms" is required (a number).',
    ]);
    expect(validateInvariantSpec(makeSpec('nope'), registry())).toEqual(['unknown invariant type "nope".']);
  });
});
