import { stemWord } from './stemmer.js';
import stopwordData from './stopwords.json' with { type: 'json' };

const stopwords = new Set<string>(stopwordData.words);

/** Share of the word measure in the blend; the rest is the character 3-gram measure. */
const WORD_WEIGHT = 0.6;

/** Texts longer than this are compared on their first part only: similarity is about gist, not bulk. */
const MAX_CHARS = 20_000;

/** Lowercases, folds accents and curly quotes, and spells out negated contractions ("can't" -> "can not"). */
function normalise(text: string): string {
  return text
    .slice(0, MAX_CHARS)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\bcan'?t\b|\bcannot\b/g, 'can not')
    .replace(/\bwon'?t\b/g, 'will not')
    .replace(/n't\b/g, ' not');
}

/** Stemmed content words: stop words dropped, negations ("not", "no", "never") kept. */
export function contentWords(text: string): Set<string> {
  const words = normalise(text).match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
  const content = new Set<string>();
  for (const word of words) {
    if (!stopwords.has(word)) content.add(stemWord(word.replace(/'s$/, '')));
  }
  // A text made only of stop words ("Yes, I will.") still deserves a word profile.
  if (content.size === 0) for (const word of words) content.add(word);
  return content;
}

/** Character 3-grams of the whitespace-collapsed text, padded so short words still yield grams. */
function trigrams(text: string): Map<string, number> {
  const flat = ` ${normalise(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= flat.length; i++) {
    const gram = flat.slice(i, i + 3);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Cosine of two binary word sets: |A ∩ B| / sqrt(|A| |B|). */
function setCosine(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

/** Dice coefficient of two trigram multisets: 2 |A ∩ B| / (|A| + |B|). */
function trigramDice(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const n of a.values()) sizeA += n;
  for (const n of b.values()) sizeB += n;
  if (sizeA === 0 || sizeB === 0) return sizeA === sizeB ? 1 : 0;
  for (const [gram, n] of a) shared += Math.min(n, b.get(gram) ?? 0);
  return (2 * shared) / (sizeA + sizeB);
}

/**
 * Offline lexical similarity of two texts, 0..1: 0.6 x the cosine of their sets of stemmed content
 * words (meaning-bearing vocabulary, robust to word order and inflection) + 0.4 x the Dice coefficient
 * of their character 3-grams (robust to typos, spacing and casing). Identical texts score 1; texts
 * sharing no word and no 3-gram score 0. It measures wording, not meaning: a paraphrase with new
 * vocabulary scores lower than an embedding would; plug an Embedder in for semantic comparison.
 */
export function lexicalSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const words = setCosine(contentWords(a), contentWords(b));
  const chars = trigramDice(trigrams(a), trigrams(b));
  return Math.max(0, Math.min(1, WORD_WEIGHT * words + (1 - WORD_WEIGHT) * chars));
}
