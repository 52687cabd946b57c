import type { JsonObject } from '../../json.js';
import frames from '../data/encoding-frames.json' with { type: 'json' };
import type { MutationVariant } from '../mutator.js';
import type { BuildInput } from '../rule-mutator.js';
import { encoders } from '../text/encoders.js';
import { spaceSize, splitIndex } from '../text/sampling.js';
import { fillTemplate } from '../text/template.js';
import { findWords, replaceSpans } from '../text/words.js';

/** The encodings Python Flakestorm's encoding_attacks names, plus hex and HTML entities. */
const ENCODINGS = ['base64', 'unicodeEscape', 'url', 'hex', 'html'] as const;
/** Which words are encoded: all of the prompt, one word, every other word, or the second half. */
const SCOPES = ['whole', 'one-word', 'alternate-words', 'second-half'] as const;

const sizes = (): number[] => [ENCODINGS.length, SCOPES.length, frames.partialFrames.length];

/** Number of encoding x scope x frame recipes. */
export function encodingAttackSpace(_prompt: string, _options: JsonObject): number {
  return spaceSize(sizes());
}

/** Builds one encoding_attacks variant; `meta.segments` lists each original part and its encoding. */
export function encodingAttack({ prompt, index, random }: BuildInput): MutationVariant | undefined {
  const [e, s, f] = splitIndex(index, sizes());
  const encoding = ENCODINGS[e as number] as (typeof ENCODINGS)[number];
  const scope = SCOPES[s as number] as (typeof SCOPES)[number];
  const encoder = encoders[encoding] as (typeof encoders)[string];
  const words = findWords(prompt);
  let chosen = words;
  if (scope === 'one-word' && words.length > 0) chosen = [random.pick(words)];
  if (scope === 'alternate-words') chosen = words.filter((_, i) => i % 2 === 1);
  if (scope === 'second-half') chosen = words.slice(Math.floor(words.length / 2));
  let text: string;
  let segments: JsonObject[];
  if (scope === 'whole' || chosen.length === 0) {
    const encoded = encoder.encode(prompt);
    text = encoded;
    segments = [{ original: prompt, encoded }];
  } else {
    const edits = chosen.map((w) => ({ start: w.start, end: w.end, text: encoder.encode(w.text) }));
    text = replaceSpans(prompt, edits);
    segments = chosen.map((w, i) => ({ original: w.text, encoded: edits[i]?.text ?? '' }));
  }
  const frame = frames.partialFrames[f as number] as string;
  return {
    prompt: fillTemplate(frame, { text, encoding: encoder.label }),
    label: `${encoder.label}, ${scope}`,
    meta: { encoding: encoder.name, scope, segments },
  };
}
