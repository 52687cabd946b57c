import emoji from '../data/emoji.json' with { type: 'json' };
import type { Mutator } from '../mutator.js';
import { defineRuleMutator } from '../rule-mutator.js';
import { numberOption } from '../text/sampling.js';
import { substituteSynonyms } from '../text/synonym-substitution.js';
import { toLeet } from '../text/unicode-transforms.js';
import { findWords, replaceSpans } from '../text/words.js';

/** Letters replaced by digits and symbols (B00k 4 fl1ght). */
export const leetspeakMutator: Mutator = defineRuleMutator({
  type: 'leetspeak',
  group: 'core',
  description: 'Letters replaced by look-alike digits and symbols (B00k 4 fl1gh7), light to heavy.',
  defaultWeight: 1.1,
  preservesMeaning: true,
  preservation: 'normalized',
  build({ prompt, random, options }) {
    const rate = numberOption(options.rate, 0.2 + random.next() * 0.8);
    const text = toLeet(prompt, random, rate);
    return text === prompt
      ? undefined
      : { prompt: text, label: `leetspeak (~${Math.round(rate * 100)}%)`, meta: { rate } };
  },
});

const CASE_STYLES = ['upper', 'lower', 'alternating', 'random', 'inverted', 'title'] as const;

/** UPPER, lower, aLtErNaTiNg, rAnDOm, inverted and Title case. */
export const caseFlipMutator: Mutator = defineRuleMutator({
  type: 'case_flip',
  group: 'core',
  description: 'Case changes: UPPER, lower, aLtErNaTiNg, random, inverted and Title Case.',
  defaultWeight: 0.8,
  preservesMeaning: true,
  preservation: 'normalized',
  build({ prompt, random, index }) {
    const style =
      index < CASE_STYLES.length ? (CASE_STYLES[index] as (typeof CASE_STYLES)[number]) : 'random';
    const chars = Array.from(prompt);
    let i = 0;
    const text = chars
      .map((ch) => {
        const up = ch.toUpperCase();
        const low = ch.toLowerCase();
        if (up === low) return ch;
        i++;
        if (style === 'upper') return up;
        if (style === 'lower') return low;
        if (style === 'alternating') return i % 2 === 0 ? up : low;
        if (style === 'inverted') return ch === up ? low : up;
        if (style === 'title') return ch;
        return random.chance(0.5) ? up : low;
      })
      .join('');
    const out =
      style === 'title'
        ? prompt.replace(/\p{L}+/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
        : text;
    return out === prompt ? undefined : { prompt: out, label: `${style} case`, meta: { style } };
  },
});

const SPACES = [' ', '  ', '   ', '\t', '\n', ' \n ', '\u00A0'];

/** Doubled, missing, tab and newline spacing; leading and trailing whitespace. */
export const whitespaceNoiseMutator: Mutator = defineRuleMutator({
  type: 'whitespace_noise',
  group: 'core',
  description: 'Whitespace noise: doubled, missing, tab and newline spacing, leading and trailing blanks.',
  defaultWeight: 0.7,
  preservesMeaning: true,
  preservation: 'normalized',
  build({ prompt, random }) {
    const rate = 0.2 + random.next() * 0.6;
    let text = prompt.replace(/ +/g, (m) => (random.chance(rate) ? random.pick(SPACES) : m));
    if (random.chance(0.5)) text = `${random.pick(SPACES)}${text}`;
    if (random.chance(0.5)) text = `${text}${random.pick(SPACES)}`;
    return text === prompt ? undefined : { prompt: text, label: 'whitespace noise', meta: { rate } };
  },
});

const MARKS = ['!', '?', '...', ',', '!!', '?!', ';', '.', ' -', '~'];

/** Extra, missing and repeated punctuation. */
export const punctuationNoiseMutator: Mutator = defineRuleMutator({
  type: 'punctuation_noise',
  group: 'core',
  description: 'Punctuation noise: stray, doubled and missing marks (commas, ellipses, !!, ?!).',
  defaultWeight: 0.7,
  preservesMeaning: true,
  preservation: 'normalized',
  build({ prompt, random }) {
    const words = findWords(prompt);
    const stripped = random.chance(0.3) ? prompt.replace(/[.,!?;:]/g, '') : prompt;
    const edits = random
      .shuffle(findWords(stripped))
      .slice(0, 1 + random.int(Math.max(1, Math.ceil(words.length / 3))))
      .map((w) => ({ start: w.end, end: w.end, text: random.pick(MARKS) }));
    const text = replaceSpans(stripped, edits);
    return text === prompt
      ? undefined
      : { prompt: text, label: `${edits.length} stray marks`, meta: { marks: edits.length } };
  },
});

const EMOJI_WORDS: Readonly<Record<string, string>> = emoji.words;

/** Emoji sprinkled in, or words replaced by emoji (flight -> ✈️). */
export const emojiNoiseMutator: Mutator = defineRuleMutator({
  type: 'emoji_noise',
  group: 'core',
  description: 'Emoji added between words, or words replaced by their emoji (flight -> ✈️).',
  defaultWeight: 0.8,
  preservesMeaning: true,
  preservation: 'intent',
  build({ prompt, random }) {
    const words = findWords(prompt);
    const replaceable = words.filter((w) => EMOJI_WORDS[w.text.toLowerCase()] !== undefined);
    if (replaceable.length > 0 && random.chance(0.3)) {
      const word = random.pick(replaceable);
      const text = replaceSpans(prompt, [{ ...word, text: EMOJI_WORDS[word.text.toLowerCase()] as string }]);
      return { prompt: text, label: `"${word.text}" as emoji`, meta: { replaced: word.text } };
    }
    const edits = random
      .shuffle(words)
      .slice(0, 1 + random.int(3))
      .map((w) => ({ start: w.end, end: w.end, text: ` ${random.pick(emoji.noise)}` }));
    const text = edits.length === 0 ? `${prompt} ${random.pick(emoji.noise)}` : replaceSpans(prompt, edits);
    return {
      prompt: text,
      label: `${Math.max(1, edits.length)} emoji added`,
      meta: { added: Math.max(1, edits.length) },
    };
  },
});

/** Content words swapped for WordNet synonyms (and nothing else). */
export const synonymSubstitutionMutator: Mutator = defineRuleMutator({
  type: 'synonym_substitution',
  group: 'core',
  description: 'Content words swapped for WordNet synonyms (at most 40% of them), nothing else changed.',
  defaultWeight: 1.0,
  preservesMeaning: true,
  preservation: 'intent',
  build({ prompt, random, options }) {
    const { text, swaps } = substituteSynonyms(prompt, random, numberOption(options.rate, 0.5));
    return swaps.length === 0
      ? undefined
      : {
          prompt: text,
          label: swaps.map((s) => `${s.from} -> ${s.to}`).join(', '),
          meta: { swaps: swaps.map((s) => `${s.from}>${s.to}`) },
        };
  },
});
