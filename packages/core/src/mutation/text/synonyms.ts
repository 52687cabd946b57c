import { readFileSync } from 'node:fs';

/** Synonyms (n, v, a, r) and antonyms (n!, v!, a!, r!) of one word per part of speech, from WordNet. */
export type SynonymEntry = Partial<Record<'n' | 'v' | 'a' | 'r' | 'n!' | 'v!' | 'a!' | 'r!', string[]>>;

let table: Readonly<Record<string, SynonymEntry>> | undefined;

/**
 * The synonym table, read on first use: 400 KB of JSON parsed at import time would slow every CLI start,
 * and most runs never use synonym-based types. Built by packages/core/scripts/build-synonyms.mjs.
 */
export function synonymTable(): Readonly<Record<string, SynonymEntry>> {
  table ??= JSON.parse(readFileSync(new URL('../data/synonyms.json', import.meta.url), 'utf8')) as Record<
    string,
    SynonymEntry
  >;
  return table;
}

const VERB_CUES = new Set([
  'to',
  'please',
  'can',
  'could',
  'will',
  'would',
  'should',
  'must',
  'i',
  'we',
  'you',
  "let's",
]);
const NOUN_CUES = new Set([
  'a',
  'an',
  'the',
  'my',
  'your',
  'our',
  'their',
  'his',
  'her',
  'this',
  'that',
  'some',
  'of',
]);

type Pos = 'n' | 'v' | 'a' | 'r';

/** The likely parts of speech of a word from the word before it, most likely first. */
function partsOfSpeech(previous: string | undefined, atSentenceStart: boolean): readonly Pos[] {
  const prev = previous?.toLowerCase();
  if ((prev && VERB_CUES.has(prev)) || atSentenceStart) return ['v'];
  if (prev && NOUN_CUES.has(prev)) return ['n', 'a'];
  return ['a', 'r', 'v', 'n'];
}

/**
 * Synonyms of a word in context. The previous word hints at the part of speech ("to book" is a verb,
 * "a book" a noun), which avoids most wrong-sense swaps without a tagger.
 */
export function synonymsOf(
  word: string,
  previous: string | undefined,
  atSentenceStart: boolean,
): readonly string[] {
  const entry = synonymTable()[word.toLowerCase()];
  if (!entry) return [];
  for (const pos of partsOfSpeech(previous, atSentenceStart)) {
    const found = entry[pos];
    if (found) return found;
  }
  return [];
}

/** WordNet antonyms of a word in context ("increase" -> "decrease"), for meaning-flipping types. */
export function antonymsOf(
  word: string,
  previous: string | undefined,
  atSentenceStart: boolean,
): readonly string[] {
  const entry = synonymTable()[word.toLowerCase()];
  if (!entry) return [];
  for (const pos of partsOfSpeech(previous, atSentenceStart)) {
    const found = entry[`${pos}!`];
    if (found) return found;
  }
  return [];
}
