import type { WireMutation } from '../../target/wire.js';
import wire from '../data/wire.json' with { type: 'json' };
import type { MutationVariant, Mutator } from '../mutator.js';
import { defineRuleMutator } from '../rule-mutator.js';
import { escapeXmlText, fillTemplate } from '../text/template.js';
import { wellFormed } from '../text/words.js';
import { padText } from './python-core.js';

/** Largest text fallback: big enough to stress a non-HTTP agent, small enough to generate 100k cases fast. */
const FALLBACK_MAX_CHARS = 32_768;

type WireType = keyof typeof wire.fallbacks;

interface WireRecipe {
  wire: WireMutation;
  label: string;
  /** The wire change as text, put in the prompt for targets that cannot apply it. */
  text: (prompt: string) => string;
}

function wireMutator(
  type: WireType,
  defaultWeight: number,
  description: string,
  recipes: readonly WireRecipe[],
): Mutator {
  return defineRuleMutator({
    type,
    group: 'system',
    description,
    defaultWeight,
    wireLevel: true,
    preservesMeaning: true,
    // The text fallback keeps the prompt verbatim except for content-type re-encodings and size cut-offs.
    preservation: 'none',
    pythonCompatible: true,
    space: () => recipes.length,
    build({ prompt, index }): MutationVariant | undefined {
      const recipe = recipes[index];
      if (!recipe) return undefined;
      return {
        prompt: fillTemplate(wire.fallbacks[type], { prompt, wire: recipe.text(prompt) }),
        wire: recipe.wire,
        label: recipe.label,
        meta: {
          wireFallback: `Sent as text for targets that cannot change the request on the wire: ${recipe.label}.`,
        },
      };
    },
  });
}

type Pairs = Array<[string, string]>;
interface PairSet {
  label: string;
  headers?: string[][];
  params?: string[][];
  long?: { name: string; bytes: number };
  many?: { prefix: string; count: number };
}

/** Materialises a data-file header or query set (long values and floods are described, not stored). */
function pairs(set: PairSet): Pairs {
  if (set.long) return [[set.long.name, 'A'.repeat(set.long.bytes)]];
  if (set.many)
    return Array.from({ length: set.many.count }, (_, i) => [`${set.many?.prefix}${i}`, String(i)]);
  return (set.headers ?? set.params ?? []).map(([k, v]) => [k ?? '', v ?? '']);
}

const headerLines = (list: Pairs): string =>
  list.map(([k, v]) => `${k}: ${v.length > 64 ? `${v.slice(0, 64)}...` : v}`).join('\n');

/** Real extra or spoofed headers: X-Forwarded-For, Host, X-Original-URL, very long, duplicated, floods. */
export const httpHeaderInjectionMutator = wireMutator(
  'http_header_injection',
  1.7,
  'Sends extra or spoofed headers: X-Forwarded-For, Host, X-Original-URL, very long, duplicated and many headers.',
  wire.headerSets.map((set) => {
    const headers = pairs(set);
    return {
      wire: { kind: 'headers', headers },
      label: set.label,
      text: () => headerLines(headers.slice(0, 10)),
    };
  }),
);

/** The request sent with other HTTP methods. */
export const requestMethodAttackMutator = wireMutator(
  'request_method_attack',
  1.3,
  'Sends the request with other methods: GET, PUT, DELETE, OPTIONS, TRACE, made-up and lower-case verbs.',
  wire.methods.map((method) => ({
    wire: { kind: 'method', method },
    label: `method ${method}`,
    text: () => method,
  })),
);

type EncodeAs = 'json' | 'form' | 'text' | 'xml';

/** The body as the target would receive it re-encoded, for the text fallback. */
function reencode(prompt: string, encodeAs: EncodeAs): string {
  if (encodeAs === 'form') return `prompt=${encodeURIComponent(wellFormed(prompt))}`;
  if (encodeAs === 'xml')
    return `<?xml version="1.0"?><request><prompt>${escapeXmlText(prompt)}</prompt></request>`;
  if (encodeAs === 'json') return JSON.stringify({ prompt });
  return prompt;
}

/** The body as form, text or XML, or JSON under a lying Content-Type. */
export const contentTypeConfusionMutator = wireMutator(
  'content_type_confusion',
  1.5,
  'Sends the body as form, text or XML, or keeps JSON under a lying or malformed Content-Type.',
  wire.contentTypes.map((ct) => ({
    wire: { kind: 'content-type', encodeAs: ct.encodeAs as EncodeAs, contentType: ct.contentType },
    label: ct.label,
    text: (prompt: string) => reencode(prompt, ct.encodeAs as EncodeAs),
  })),
);

/** Polluted and duplicated query parameters. */
export const queryParameterPoisoningMutator = wireMutator(
  'query_parameter_poisoning',
  1.6,
  'Adds polluted and duplicated query parameters: admin flags, prototype pollution, duplicates, floods.',
  wire.queryParams.map((set) => {
    const params = pairs(set);
    return {
      wire: { kind: 'query', params },
      label: set.label,
      text: () =>
        params
          .slice(0, 10)
          .map(
            ([k, v]) =>
              `${encodeURIComponent(wellFormed(k))}=${encodeURIComponent(wellFormed(v.slice(0, 64)))}`,
          )
          .join('&'),
    };
  }),
);

const MB = 1_000_000;

/** Bodies from 1 MB to 20 MB. */
export const payloadSizeAttackMutator = wireMutator(
  'payload_size_attack',
  1.4,
  'Pads the request body to 1-20 MB (text fallback: a 32 KB padded prompt).',
  wire.payloadMegabytes.map((mb) => ({
    wire: { kind: 'payload-size', bytes: Math.round(mb * MB) },
    label: `${mb} MB body`,
    text: () => padText('padding', FALLBACK_MAX_CHARS),
  })),
);

/** Deeply nested JSON bodies. */
export const resourceExhaustionMutator = wireMutator(
  'resource_exhaustion',
  1.5,
  'Wraps the body in deeply nested JSON arrays or objects (64 to 50,000 levels).',
  wire.nestingDepths.flatMap((depth) =>
    (['array', 'object'] as const).map((shape) => ({
      wire: { kind: 'nesting', depth, shape },
      label: `${shape} nested ${depth} deep`,
      text: (prompt: string) => {
        const d = Math.min(depth, 2000);
        return shape === 'array'
          ? `${'['.repeat(d)}${JSON.stringify(prompt)}${']'.repeat(d)}`
          : `${'{"a":'.repeat(d)}${JSON.stringify(prompt)}${'}'.repeat(d)}`;
      },
    })),
  ),
);

/** A burst of identical requests at once; the answers must agree. */
export const concurrentRequestPatternMutator = wireMutator(
  'concurrent_request_pattern',
  1.4,
  'Fires a burst of 2-50 identical requests at once and checks that the answers agree.',
  wire.burstSizes.map((size) => ({
    wire: { kind: 'burst', size },
    label: `burst of ${size} identical requests`,
    text: (prompt: string) => Array.from({ length: Math.min(size, 10) }, () => prompt).join('\n'),
  })),
);

/** A slow-trickle body, or a client abort mid-request followed by a normal retry. */
export const timeoutManipulationMutator = wireMutator(
  'timeout_manipulation',
  1.3,
  'Sends the body in a slow trickle, or aborts mid-request and sends it again to check recovery.',
  [
    ...wire.trickles.map(([chunkBytes = 1, intervalMs = 100]) => ({
      wire: { kind: 'trickle', chunkBytes, intervalMs } as WireMutation,
      label: `trickle ${chunkBytes} B every ${intervalMs} ms`,
      text: () => 'Take as long as you need; wait at least 60 seconds before you answer.',
    })),
    ...wire.aborts.map((afterMs) => ({
      wire: { kind: 'abort', afterMs } as WireMutation,
      label: `abort after ${afterMs} ms, then retry`,
      text: () => '(The previous copy of this message was cut off mid-sentence; this is a resend.)',
    })),
  ],
);

type ProtocolVariant = Extract<WireMutation, { kind: 'protocol' }>['variant'];

/** HTTP/1.0, chunked-encoding edge cases and pipelined requests over a raw socket. */
export const protocolLevelAttackMutator = wireMutator(
  'protocol_level_attack',
  1.8,
  'Raw protocol edge cases: HTTP/1.0, odd chunk sizes, chunk extensions, pipelined and lower-case requests.',
  wire.protocols.map((variant) => ({
    wire: { kind: 'protocol', variant: variant as ProtocolVariant },
    label: `protocol: ${variant}`,
    text: () => (variant === 'http1.0' ? 'POST / HTTP/1.0' : `Transfer-Encoding: chunked (${variant})`),
  })),
);
