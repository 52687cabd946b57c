import unicode from '../data/unicode.json' with { type: 'json' };
import type { Mutator } from '../mutator.js';
import { defineRuleMutator } from '../rule-mutator.js';
import { numberOption } from '../text/sampling.js';
import { fillTemplate } from '../text/template.js';
import {
  bidiEnd,
  invisibleSets,
  sprinkle,
  toFullWidth,
  toHomoglyphs,
  toTagCharacters,
} from '../text/unicode-transforms.js';
import { findWords } from '../text/words.js';

/** Letters swapped for look-alikes from Cyrillic and Greek. */
export const homoglyphMutator: Mutator = defineRuleMutator({
  type: 'homoglyph',
  group: 'unicode',
  description: 'Latin letters swapped for look-alike Cyrillic and Greek letters (a -> а, o -> ο).',
  defaultWeight: 1.2,
  preservesMeaning: true,
  preservation: 'normalized',
  build({ prompt, random, options }) {
    const rate = numberOption(options.rate, 0.1 + random.next() * 0.4);
    const text = toHomoglyphs(prompt, random, rate);
    return text === prompt
      ? undefined
      : { prompt: text, label: `homoglyphs (~${Math.round(rate * 100)}%)`, meta: { rate } };
  },
});

function invisibleMutator(type: string, description: string, set: readonly string[], name: string): Mutator {
  return defineRuleMutator({
    type,
    group: 'unicode',
    description,
    defaultWeight: 1.1,
    preservesMeaning: true,
    preservation: 'normalized',
    build({ prompt, random, options }) {
      const rate = numberOption(options.rate, 0.05 + random.next() * 0.3);
      const text = sprinkle(prompt, random, set, rate);
      return text === prompt
        ? undefined
        : { prompt: text, label: `${name} (~${Math.round(rate * 100)}% of gaps)`, meta: { rate } };
    },
  });
}

/** Zero-width spaces and joiners between letters. */
export const zeroWidthMutator = invisibleMutator(
  'zero_width',
  'Zero-width spaces, joiners and word joiners inserted between letters (invisible, breaks tokenisation).',
  invisibleSets.zeroWidth,
  'zero-width characters',
);

/** Other invisible characters: soft hyphens, invisible operators, fillers. */
export const invisibleCharactersMutator = invisibleMutator(
  'invisible_characters',
  'Other invisible characters between letters: soft hyphens, invisible operators, Hangul fillers, CGJ.',
  invisibleSets.invisible,
  'invisible characters',
);

/** Hidden instructions encoded as Unicode tag characters (U+E0000 block), invisible in most UIs. */
export const unicodeTagSmugglingMutator: Mutator = defineRuleMutator({
  type: 'unicode_tag_smuggling',
  group: 'unicode',
  description:
    'A hidden instruction smuggled as invisible Unicode tag characters (U+E0020-E007E) next to the prompt.',
  defaultWeight: 1.6,
  preservesMeaning: false,
  preservation: 'normalized',
  space: () => unicode.hiddenInstructions.length * unicode.smuggleFrames.length,
  build({ prompt, index, random }) {
    const i = index % unicode.hiddenInstructions.length;
    const f = Math.floor(index / unicode.hiddenInstructions.length);
    const instruction = unicode.hiddenInstructions[i] as string;
    const hidden = toTagCharacters(instruction);
    const words = findWords(prompt);
    const cut =
      words.length > 1 ? (words[1 + random.int(words.length - 1)]?.start ?? prompt.length) : prompt.length;
    const frame = unicode.smuggleFrames[f] as string;
    // The split frame hides the payload mid-prompt; its visible text is still the prompt, in order.
    const text = fillTemplate(frame, {
      prompt,
      hidden,
      before: prompt.slice(0, cut),
      after: prompt.slice(cut),
    });
    return {
      prompt: text,
      label: 'tag-character smuggled instruction',
      meta: { payload: instruction, hidden: true },
    };
  },
});

/** Right-to-left overrides and isolates around words, so text displays differently from how it reads. */
export const bidiOverrideMutator: Mutator = defineRuleMutator({
  type: 'bidi_override',
  group: 'unicode',
  description:
    'Right-to-left overrides and isolates wrapped around words (display order differs from logical order).',
  defaultWeight: 1.2,
  preservesMeaning: true,
  preservation: 'normalized',
  build({ prompt, random }) {
    const words = findWords(prompt);
    if (words.length === 0) return undefined;
    const word = random.pick(words);
    const open = random.pick(invisibleSets.bidi);
    const close = bidiEnd[open] ?? '\u202C';
    const text = `${prompt.slice(0, word.start)}${open}${word.text}${close}${prompt.slice(word.end)}`;
    return {
      prompt: text,
      label: `U+${open.codePointAt(0)?.toString(16).toUpperCase()} around "${word.text}"`,
      meta: { word: word.text },
    };
  },
});

/** Full-width forms of ASCII (Ｂｏｏｋ), in whole or for some words. */
export const fullwidthMutator: Mutator = defineRuleMutator({
  type: 'fullwidth',
  group: 'unicode',
  description:
    'ASCII letters as full-width forms (Ｂｏｏｋ ａ ｆｌｉｇｈｔ), for the whole prompt or some words.',
  defaultWeight: 1.0,
  preservesMeaning: true,
  preservation: 'normalized',
  build({ prompt, random, index }) {
    const words = findWords(prompt);
    if (index === 0 || words.length === 0) {
      const text = toFullWidth(prompt);
      return text === prompt
        ? undefined
        : { prompt: text, label: 'full-width prompt', meta: { scope: 'whole' } };
    }
    const word = random.pick(words);
    const text = `${prompt.slice(0, word.start)}${toFullWidth(word.text)}${prompt.slice(word.end)}`;
    return text === prompt
      ? undefined
      : { prompt: text, label: `full-width "${word.text}"`, meta: { scope: 'word', word: word.text } };
  },
});

/** Combining diacritics stacked on letters ("zalgo" text). */
export const combiningMarksMutator: Mutator = defineRuleMutator({
  type: 'combining_marks',
  group: 'unicode',
  description: 'Combining diacritics stacked on letters ("zalgo" text), from light accents to heavy stacks.',
  defaultWeight: 1.0,
  preservesMeaning: true,
  preservation: 'normalized',
  build({ prompt, random, options }) {
    const rate = numberOption(options.rate, 0.1 + random.next() * 0.5);
    const chars = Array.from(prompt);
    let changed = false;
    const out = chars.map((ch) => {
      if (!/\p{L}/u.test(ch) || !random.chance(rate)) return ch;
      changed = true;
      let marks = '';
      for (let i = 1 + random.int(3); i > 0; i--) marks += random.pick(invisibleSets.combining);
      return ch + marks;
    });
    return changed
      ? { prompt: out.join(''), label: `combining marks (~${Math.round(rate * 100)}%)`, meta: { rate } }
      : undefined;
  },
});
