import { describe, expect, it } from 'vitest';
import { defineInvariant, type InvariantSpec } from '../invariant/invariant.js';
import { definePlugin } from '../plugin/plugin.js';
import { createRegistry } from '../plugin/registry.js';
import { prepareCheckRunner } from './check-runner.js';
import { baselineCase } from './expand-cases.js';
import type { Observation } from './observation.js';
import { makePlan } from './run-fixtures.test-util.js';

const loaded: string[] = [];
const registry = createRegistry([
  definePlugin({
    name: 'checks',
    invariants: [
      defineInvariant({
        type: 'starts_with',
        description: 'starts with params.prefix',
        example: {},
        validate: () => [],
        create: (spec) => (o) => ({
          passed: o.response.startsWith(String(spec.params.prefix)),
          reason: 'prefix',
        }),
      }),
      defineInvariant({
        type: 'explodes',
        description: 'throws',
        example: {},
        validate: () => [],
        create: () => () => {
          throw new Error('bad regex');
        },
      }),
      defineInvariant({
        type: 'loaded',
        description: 'async load',
        example: {},
        acceptsErrors: true,
        validate: () => [],
        create: () => () => ({ passed: false, reason: 'create should not be used' }),
        load: async (spec) => {
          loaded.push(spec.id);
          return (o) => ({ passed: o.error === undefined, reason: 'loaded check' });
        },
      }),
      defineInvariant({
        type: 'never',
        description: 'never applies',
        example: {},
        validate: () => [],
        applies: () => false,
        create: () => () => ({ passed: false, reason: 'never' }),
      }),
    ],
  }),
]);

function invariant(type: string, id: string, extra: Partial<InvariantSpec> = {}): InvariantSpec {
  return { type, id, severity: 'medium', negate: false, when: { chaos: 'always' }, params: {}, ...extra };
}

function observe(response: string, extra: Partial<Observation> = {}): Observation {
  return {
    case: { ...baselineCase(makePlan(), 0), mutationType: 'noise' },
    response,
    latencyMs: 1,
    exchanges: [],
    chaos: { toolFaults: false, llmFaults: false },
    ...extra,
  };
}

describe('prepareCheckRunner', () => {
  it('runs applicable checks, honours negate, and turns throws into failed verdicts', async () => {
    const run = await prepareCheckRunner(
      [
        invariant('starts_with', 'hello', { params: { prefix: 'hello' } }),
        invariant('starts_with', 'not-hello', {
          params: { prefix: 'hello' },
          negate: true,
          severity: 'high',
        }),
        invariant('explodes', 'boom'),
        invariant('loaded', 'ld'),
        invariant('never', 'nv'),
        invariant('starts_with', 'only-typos', {
          params: { prefix: 'x' },
          when: { chaos: 'always', mutationTypes: ['typos'] },
        }),
        invariant('starts_with', 'chaos-only', {
          params: { prefix: 'x' },
          when: { chaos: 'tool_faults_active' },
        }),
      ],
      registry,
      { baseDir: '/tmp', registry },
    );
    expect(loaded).toEqual(['ld']);
    const checks = await run(observe('hello world'));
    expect(checks.map((c) => [c.id, c.passed])).toEqual([
      ['hello', true],
      ['not-hello', false],
      ['boom', false],
      ['ld', true],
    ]);
    expect(checks[1]).toMatchObject({ severity: 'high', type: 'starts_with' });
    expect(checks[2]?.reason).toContain('bad regex');
  });

  it('reports "no answer" for content checks on failed calls but runs checks that accept errors', async () => {
    const run = await prepareCheckRunner(
      [invariant('starts_with', 'hello', { params: { prefix: 'hello' } }), invariant('loaded', 'ld')],
      registry,
      { baseDir: '/tmp', registry },
    );
    const checks = await run(observe('', { error: { cause: 'timeout', message: 'slow' } }));
    expect(checks.map((c) => [c.id, c.passed, c.reason])).toEqual([
      ['hello', false, 'No answer to check: the call failed (timeout).'],
      ['ld', false, 'loaded check'],
    ]);
  });

  it('rejects unknown invariant types', async () => {
    await expect(
      prepareCheckRunner([invariant('nope', 'n')], registry, { baseDir: '/tmp' }),
    ).rejects.toMatchObject({
      code: 'FLAKESTORM_INVARIANT_UNKNOWN',
    });
  });
});
