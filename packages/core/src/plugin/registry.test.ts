import { describe, expect, it } from 'vitest';
import { defineMutator } from '../mutation/mutator.js';
import { builtinPlugin } from './builtin-plugin.js';
import { definePlugin, type Plugin } from './plugin.js';
import { createRegistry } from './registry.js';

const shout = defineMutator({
  type: 'noise',
  group: 'core',
  description: 'replaces the built-in noise',
  defaultWeight: 2,
  wireLevel: false,
  multiTurn: false,
  preservesMeaning: true,
  example: 'HELLO',
  mutate: (prompt) => [{ prompt: prompt.toUpperCase(), label: 'upper' }],
});

describe('createRegistry', () => {
  it('names the closest known type when a name is mistyped', () => {
    const registry = createRegistry([builtinPlugin]);
    expect(() => registry.mutator('prompt_injecton')).toThrow(
      /Unknown mutation type "prompt_injecton"\. Did you mean "prompt_injection"\?/,
    );
    expect(() => registry.invariant('latncy')).toThrow(/Did you mean "latency"\?/);
    try {
      registry.mutator('zzzzzzzz');
    } catch (error) {
      expect((error as Error).message).not.toContain('Did you mean');
      expect((error as { code: string }).code).toBe('FLAKESTORM_MUTATOR_UNKNOWN');
      expect((error as { hint: string }).hint).toContain('paraphrase');
    }
  });

  it('lets a later plugin replace a built-in of the same name', () => {
    const registry = createRegistry([builtinPlugin, definePlugin({ name: 'mine', mutators: [shout] })]);
    expect(registry.mutator('noise').defaultWeight).toBe(2);
  });

  it('rejects a plugin without a name', () => {
    expect(() => createRegistry([{ name: '' } as Plugin])).toThrow(
      expect.objectContaining({ code: 'FLAKESTORM_PLUGIN_INVALID' }),
    );
  });
});
