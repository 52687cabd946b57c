import { describe, expect, it } from 'vitest';
import { isFlakestormError } from '../errors.js';
import { builtinPlugin } from '../plugin/builtin-plugin.js';
import { createRegistry } from '../plugin/registry.js';
import { createRandom } from '../random.js';
import { composeMutators, mutatorForSpec } from './compose.js';
import { encoders } from './text/encoders.js';

const registry = createRegistry([builtinPlugin]);
const PROMPT = 'Book a flight to Paris for next Monday';
const run = (types: string[], count = 6, seed = 1) =>
  composeMutators(types, registry).mutate(PROMPT, { count, random: createRandom(seed), options: {} });

describe('composeMutators', () => {
  it('layers base64 then prompt_injection: the payload wraps the encoded prompt', () => {
    const variants = run(['base64', 'prompt_injection']);
    expect(variants).toHaveLength(6);
    const encoded = encoders.base64?.encode(PROMPT) as string;
    for (const v of variants) {
      expect(v.prompt).toContain(encoded);
      const layers = v.meta?.layers as Array<{ type: string; payload?: string }>;
      expect(layers.map((l) => l.type)).toEqual(['base64', 'prompt_injection']);
      expect(v.prompt).toContain(layers[1]?.payload);
    }
    expect(new Set(variants.map((v) => v.prompt)).size).toBe(6);
    expect(run(['base64', 'prompt_injection'])).toEqual(variants);
  });

  it('keeps conversations and wire changes of earlier layers', () => {
    for (const v of run(['multi_turn_attack', 'leetspeak'])) {
      expect(v.messages?.at(-1)).toEqual({ role: 'user', content: v.prompt });
      expect(v.messages?.length).toBeGreaterThan(1);
    }
    for (const v of run(['http_header_injection', 'homoglyph'])) expect(v.wire?.kind).toBe('headers');
    const composed = composeMutators(['http_header_injection', 'many_shot'], registry);
    expect(composed.type).toBe('http_header_injection+many_shot');
    expect(composed.wireLevel && composed.multiTurn).toBe(true);
  });

  it('resolves specs with and without layers, and names unknown types', () => {
    expect(mutatorForSpec({ type: 'noise' }, registry).type).toBe('noise');
    expect(mutatorForSpec({ type: 'rot13+noise', layer: ['rot13', 'noise'] }, registry).type).toBe(
      'rot13+noise',
    );
    expect(() => composeMutators(['base64', 'nope'], registry)).toThrow(/Unknown mutation type "nope"/);
    const error = (() => {
      try {
        composeMutators([], registry);
      } catch (e) {
        return e;
      }
    })();
    expect(isFlakestormError(error, 'FLAKESTORM_USAGE')).toBe(true);
  });
});
