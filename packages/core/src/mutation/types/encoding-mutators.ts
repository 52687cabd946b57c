import frames from '../data/encoding-frames.json' with { type: 'json' };
import type { Mutator } from '../mutator.js';
import { defineRuleMutator } from '../rule-mutator.js';
import { type Encoder, encoders, spaceOut } from '../text/encoders.js';
import { fillTemplate } from '../text/template.js';

/** Layout styles of an encoded string; decoders ignore them (whitespace and case only). */
type Style = 'plain' | 'lines' | 'upper';

function encodingMutator(
  type: string,
  encoder: Encoder,
  defaultWeight: number,
  description: string,
  styles: readonly Style[],
): Mutator {
  let lastPrompt: string | undefined;
  let lastEncoded = '';
  return defineRuleMutator({
    type,
    group: 'encoding',
    description,
    defaultWeight,
    preservesMeaning: false,
    preservation: 'encoded',
    space: () => frames.frames.length * styles.length,
    build({ prompt, index }) {
      const frame = frames.frames[index % frames.frames.length] as string;
      const style = styles[Math.floor(index / frames.frames.length)] as Style;
      // A call builds up to `count` variants of one prompt: encode it once.
      if (prompt !== lastPrompt) {
        lastPrompt = prompt;
        lastEncoded = encoder.encode(prompt);
      }
      let encoded = lastEncoded;
      if (style === 'upper') encoded = encoded.toUpperCase();
      if (style === 'lines') encoded = encoded.replace(/(.{76})/g, '$1\n').trimEnd();
      return {
        prompt: fillTemplate(frame, { encoded, encoding: encoder.label }),
        label: `${encoder.label}${style === 'plain' ? '' : ` (${style})`}`,
        meta: { encoding: encoder.name, encoded, style },
      };
    },
  });
}

const e = (name: string): Encoder => encoders[name] as Encoder;

/** The prompt as base64. */
export const base64Mutator = encodingMutator(
  'base64',
  e('base64'),
  1.3,
  'The whole prompt base64-encoded, with an instruction to decode it.',
  ['plain', 'lines'],
);
/** The prompt as hexadecimal UTF-8 bytes. */
export const hexMutator = encodingMutator(
  'hex',
  e('hex'),
  1.2,
  'The whole prompt as hexadecimal UTF-8 bytes.',
  ['plain', 'upper'],
);
/** The prompt in ROT13. */
export const rot13Mutator = encodingMutator('rot13', e('rot13'), 1.2, 'The whole prompt in ROT13.', [
  'plain',
]);
/** The prompt fully percent-encoded. */
export const urlEncodingMutator = encodingMutator(
  'url_encoding',
  e('url'),
  1.1,
  'Every byte of the prompt percent-encoded (%42%6F...).',
  ['plain'],
);
/** The prompt reversed character by character. */
export const reversedTextMutator = encodingMutator(
  'reversed_text',
  e('reverse'),
  1.0,
  'The prompt reversed character by character.',
  ['plain'],
);
/** The prompt in Morse code (lossy: case and characters Morse lacks are lost). */
export const morseCodeMutator = encodingMutator(
  'morse_code',
  e('morse'),
  1.0,
  'The prompt in Morse code (lossy: case and unsupported characters are lost).',
  ['plain'],
);
/** The prompt as 8-bit binary bytes. */
export const binaryMutator = encodingMutator(
  'binary',
  e('binary'),
  1.0,
  'The prompt as 8-bit binary UTF-8 bytes.',
  ['plain'],
);
/** The prompt in the Atbash cipher. */
export const atbashMutator = encodingMutator(
  'atbash',
  e('atbash'),
  1.0,
  'The prompt in the Atbash substitution cipher (a <-> z).',
  ['plain'],
);
/** The prompt as numeric HTML entities. */
export const htmlEntitiesMutator = encodingMutator(
  'html_entities',
  e('html'),
  1.1,
  'Every character as a numeric HTML entity (&#66;&#111;...).',
  ['plain'],
);
/** The prompt as \uXXXX escapes. */
export const unicodeEscapeMutator = encodingMutator(
  'unicode_escape',
  e('unicodeEscape'),
  1.1,
  'Every UTF-16 unit as a \\uXXXX escape.',
  ['plain', 'upper'],
);

/** Characters spaced out with a separator (B o o k / B-o-o-k). */
export const characterSpacingMutator: Mutator = defineRuleMutator({
  type: 'character_spacing',
  group: 'encoding',
  description: 'Every character separated by a space, dash, dot or other separator (B-o-o-k a f-l-i-g-h-t).',
  defaultWeight: 1.0,
  preservesMeaning: false,
  preservation: 'encoded',
  space: () => frames.spacingSeparators.length * 2,
  build({ prompt, index }) {
    const separator = frames.spacingSeparators[index % frames.spacingSeparators.length] as string;
    const framed = index >= frames.spacingSeparators.length;
    const encoded = spaceOut(prompt, separator);
    const text = framed ? `Join the characters and answer: ${encoded}` : encoded;
    return {
      prompt: text,
      label: `characters separated by "${separator}"`,
      meta: { encoding: 'spacing', separator, encoded },
    };
  },
});
