import { FlakestormError } from '../errors.js';
import type { JsonObject, JsonValue } from '../json.js';
import type { ChatMessage } from '../message.js';
import type { Registry } from '../plugin/registry.js';
import type { Random } from '../random.js';
import type { MutationSpec } from '../run/plan.js';
import type { MutationVariant, Mutator } from './mutator.js';
import { variantKey } from './rule-mutator.js';

/** Swaps the last user turn of a conversation for a new prompt (a later layer rewrote it). */
function withLastUserTurn(messages: readonly ChatMessage[], prompt: string): ChatMessage[] {
  const copy = messages.map((m) => ({ ...m }));
  for (let i = copy.length - 1; i >= 0; i--) {
    const message = copy[i] as ChatMessage;
    if (message.role === 'user') {
      message.content = prompt;
      return copy;
    }
  }
  return [...copy, { role: 'user', content: prompt }];
}

/** Applies one more layer to a variant: the layer mutates the variant's prompt; conversation and wire carry over. */
function applyLayer(
  variant: MutationVariant,
  layer: Mutator,
  random: Random,
  options: JsonObject,
): MutationVariant | undefined {
  const [next] = layer.mutate(variant.prompt, { count: 1, random, options });
  if (!next) return undefined;
  const messages =
    next.messages ?? (variant.messages ? withLastUserTurn(variant.messages, next.prompt) : undefined);
  const wire = next.wire ?? variant.wire;
  const layers = [
    ...((variant.meta?.layers as JsonValue[] | undefined) ?? []),
    { type: layer.type, label: next.label, ...(next.meta ?? {}) },
  ];
  return {
    prompt: next.prompt,
    ...(messages ? { messages } : {}),
    ...(wire ? { wire } : {}),
    label: `${variant.label} + ${next.label}`,
    meta: { ...(variant.meta ?? {}), layers },
  };
}

/**
 * Composes types in order (`layer: [base64, prompt_injection]` base64-encodes the prompt, then injects around
 * the encoded text). The first layer makes the variants; each later layer rewrites every variant once.
 * Options are per layer: `options[type]` when present, else the shared options.
 */
export function composeMutators(types: readonly string[], registry: Registry): Mutator {
  if (types.length === 0) {
    throw new FlakestormError('FLAKESTORM_USAGE', 'A layered mutation needs at least one type in "layer".', {
      hint: 'Write e.g. layer: [base64, prompt_injection].',
    });
  }
  const layers = types.map((t) => registry.mutator(t));
  const [first, ...rest] = layers as [Mutator, ...Mutator[]];
  const layerOptions = (options: JsonObject, type: string): JsonObject => {
    const own = options[type];
    return own && typeof own === 'object' && !Array.isArray(own) ? own : options;
  };
  return {
    type: types.join('+'),
    group: first.group,
    description: `Layered: ${layers.map((l) => l.type).join(', then ')}.`,
    defaultWeight: Math.max(...layers.map((l) => l.defaultWeight)),
    wireLevel: layers.some((l) => l.wireLevel),
    multiTurn: layers.some((l) => l.multiTurn),
    preservesMeaning: layers.every((l) => l.preservesMeaning),
    preservation: layers.length === 1 ? (first.preservation ?? 'none') : 'none',
    pythonCompatible: false,
    get example() {
      return first.example;
    },
    mutate(prompt, { count, random, options }) {
      const out: MutationVariant[] = [];
      const seen = new Set<string>();
      // A second, larger pass covers collisions that later layers create (two inputs, one output).
      for (const want of [count, count * 2]) {
        const base = first.mutate(prompt, {
          count: want,
          random: random.fork('layer:0'),
          options: layerOptions(options, first.type),
        });
        base.forEach((variant, i) => {
          if (out.length >= count) return;
          let current: MutationVariant | undefined = {
            ...variant,
            meta: { ...(variant.meta ?? {}), layers: [{ type: first.type, label: variant.label }] },
          };
          rest.forEach((layer, depth) => {
            if (current)
              current = applyLayer(
                current,
                layer,
                random.fork(`layer:${depth + 1}:${i}`),
                layerOptions(options, layer.type),
              );
          });
          if (!current) return;
          const key = variantKey(current);
          if (seen.has(key)) return;
          seen.add(key);
          out.push(current);
        });
        if (out.length >= count || base.length < want) break;
      }
      return out;
    },
  };
}

/** The mutator a configured spec uses: the registered type, or the composition of its `layer` list. */
export function mutatorForSpec(spec: Pick<MutationSpec, 'type' | 'layer'>, registry: Registry): Mutator {
  return spec.layer && spec.layer.length > 0
    ? composeMutators(spec.layer, registry)
    : registry.mutator(spec.type);
}
