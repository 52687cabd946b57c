import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineInvariant } from '../invariant/invariant.js';
import { defineMutator } from '../mutation/mutator.js';
import { builtinPlugin } from '../plugin/builtin-plugin.js';
import { definePlugin } from '../plugin/plugin.js';
import { createRegistry } from '../plugin/registry.js';
import { loadConfigFile, loadConfigText } from './load-config.js';
import { configOptionsFromRegistry } from './registry-options.js';
import { starterConfig } from './starter-config.js';

const shout = defineMutator({
  type: 'shout',
  group: 'core',
  description: 'upper case',
  defaultWeight: 1.9,
  wireLevel: false,
  multiTurn: false,
  preservesMeaning: true,
  example: 'HELLO',
  mutate: (prompt) => [{ prompt: prompt.toUpperCase(), label: 'upper case' }],
});

const mentions = defineInvariant({
  type: 'mentions',
  description: 'answer mentions a word',
  example: { word: 'ok' },
  validate: (params) => (typeof params.word === 'string' ? [] : ['`word` must be a string']),
  create: () => () => ({ passed: true, reason: 'ok' }),
});

const registry = createRegistry([definePlugin({ name: 'test', mutators: [shout], invariants: [mentions] })]);
const BASE = 'agent: {endpoint: "http://127.0.0.1/x"}\ngolden_prompts: [hi]\n';

describe('configOptionsFromRegistry', () => {
  it('uses the mutators’ own default weights', () => {
    const { plan } = loadConfigText(`${BASE}mutations: {types: [shout]}\n`, {
      env: {},
      ...configOptionsFromRegistry(registry),
    });
    expect(plan.mutations).toEqual([
      { type: 'shout', count: 10, weight: 1.9, generator: 'rules', options: {} },
    ]);
  });

  it('locates unknown types and invalid invariant params', () => {
    const text = `${BASE}mutations: {types: [shuot]}\ninvariants:\n  - type: mentions\n    word: 3\n  - type: mention\n`;
    try {
      loadConfigText(text, { file: 'f.yaml', env: {}, ...configOptionsFromRegistry(registry) });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'FLAKESTORM_CONFIG_INVALID',
        issues: [
          { path: 'mutations.types[0]', location: { line: 3, column: 21 }, hint: 'did you mean `shout`?' },
          {
            path: 'invariants[0]',
            location: { line: 5, column: 5 },
            message: 'invariant `mentions-1` (mentions): `word` must be a string',
          },
          { path: 'invariants[1].type', location: { line: 7, column: 11 }, hint: 'did you mean `mentions`?' },
        ],
      });
    }
  });

  it('reports a validator that throws as a problem of that entry', () => {
    const broken = createRegistry([
      definePlugin({
        name: 'broken',
        invariants: [
          {
            ...mentions,
            validate: () => {
              throw new Error('boom');
            },
          },
        ],
      }),
    ]);
    expect(() =>
      loadConfigText(`${BASE}invariants: [{type: mentions}]\n`, {
        env: {},
        ...configOptionsFromRegistry(broken),
      }),
    ).toThrow(
      /invariants\[0\]: invariant `mentions-1` \(mentions\): its parameters could not be checked \(boom\)/,
    );
  });
});

describe('against the built-in registry', () => {
  const builtins = configOptionsFromRegistry(createRegistry([builtinPlugin]));
  const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

  it('accepts the starter config and the three Python samples', async () => {
    expect(loadConfigText(starterConfig(), { env: {}, ...builtins }).plan.invariants).toHaveLength(4);
    for (const name of ['python-broken-agent', 'python-keywords-extractor', 'python-example']) {
      const { plan } = await loadConfigFile(fixture(`${name}.yaml.sample`), { env: {}, ...builtins });
      expect(plan.mutations.length, name).toBeGreaterThan(0);
    }
  });

  it('accepts the full native sample', async () => {
    const text = await readFile(fixture('native-full.yaml'), 'utf8');
    const { plan } = loadConfigText(text, { env: { AGENT_TOKEN: 'x', AGENT_QUERY_KEY: 'y' }, ...builtins });
    expect(plan.invariants.map((i) => i.type)).toEqual(['contains', 'latency', 'regex']);
  });
});

describe('`when` filters', () => {
  it('check their mutation type names against the registry', () => {
    const text = `${BASE}invariants:\n  - type: mentions\n    word: ok\n    when: {except_mutation_types: [shout, shoot]}\n`;
    expect(() =>
      loadConfigText(text, { file: 'w.yaml', env: {}, ...configOptionsFromRegistry(registry) }),
    ).toThrow(
      /w\.yaml:6:43 invariants\[0\]\.when\.except_mutation_types\[1\]: unknown mutation type `shoot` \(did you mean `shout`\?\)/,
    );
  });
});
