import type { Random } from '../../random.js';
import { synonymsOf } from './synonyms.js';
import { findWords, isStopWord, matchCase, replaceSpans } from './words.js';

/** One word swapped for a synonym. */
export interface SynonymSwap {
  from: string;
  to: string;
}

/**
 * Swaps content words for WordNet synonyms, each candidate with probability `rate`, never more than 40% of the
 * content words (counting `alreadyChanged` earlier rewrites), so that at least half of the original's content words survive (the `intent` promise).
 */
export function substituteSynonyms(
  text: string,
  random: Random,
  rate: number,
  alreadyChanged = 0,
): { text: string; swaps: SynonymSwap[] } {
  const words = findWords(text);
  const content = words.filter((w) => w.text.length >= 3 && !isStopWord(w.text));
  const limit = Math.floor(content.length * 0.4) - alreadyChanged;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const swaps: SynonymSwap[] = [];
  for (let i = 0; i < words.length && swaps.length < limit; i++) {
    const word = words[i] as (typeof words)[number];
    if (word.text.length < 3 || isStopWord(word.text) || !random.chance(rate)) continue;
    const previous = words[i - 1];
    const atStart = i === 0 || /[.!?]\s*$/.test(text.slice(previous?.end ?? 0, word.start));
    const options = synonymsOf(word.text, previous?.text, atStart);
    if (options.length === 0) continue;
    const to = matchCase(word.text, random.pick(options));
    edits.push({ start: word.start, end: word.end, text: to });
    // Keep "a"/"an" right for the new word ("a cheap hotel" -> "an inexpensive hotel").
    const article = previous?.text.toLowerCase();
    if (previous && (article === 'a' || article === 'an') && text.slice(previous.end, word.start) === ' ') {
      const wanted = /^[aeiou]/i.test(to) ? 'an' : 'a';
      if (wanted !== article)
        edits.push({ start: previous.start, end: previous.end, text: matchCase(previous.text, wanted) });
    }
    swaps.push({ from: word.text, to });
  }
  return { text: replaceSpans(text, edits), swaps };
}
