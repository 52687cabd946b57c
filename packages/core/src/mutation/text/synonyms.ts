import { readFileSync } from 'node:fs';

/** Synonyms of one word per part of speech (n, v, a, r), from WordNet's most frequent sense. */
export type SynonymEntry = Partial<Record<'n' | 'v' | 'a' | 'r', string[]>>;

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
  const prev = previous?.toLowerCase();
  if ((prev && VERB_CUES.has(prev)) || atSentenceStart) return entry.v ?? [];
  if (prev && NOUN_CUES.has(prev)) return entry.n ?? [];
  return entry.a ?? entry.r ?? entry.v ?? entry.n ?? [];
}
