/**
 * Look-alike letters (Cyrillic "о" in "ignоre") folded to Latin inside the words that mix scripts or
 * consist of look-alikes only; real Cyrillic and Greek words keep their letters.
 */
import homoglyphTable from '../data/homoglyphs.json' with { type: 'json' };
import { fromCodes } from './codec.js';

// The Latin letter of each look-alike (0 for other units; every look-alike is one UTF-16 unit), read
// per character here and by the normalisers instead of a regex callback per character or word: text in
// Russian or Chinese is non-ASCII throughout, and callbacks cost 50-60 ms per megabyte of it.
export const LATIN_OF = new Uint16Array(65536);
for (const [ch, latin] of Object.entries(homoglyphTable.letters))
  LATIN_OF[ch.charCodeAt(0)] = latin.charCodeAt(0);
// Look-alikes that are everyday letters of their own script (Cyrillic "г", Greek "σ"): folded only in words
// that also hold Latin letters ("ignoгe"), since whole words of them are real Russian or Greek ("его").
const IN_LATIN_WORDS_ONLY = new Uint8Array(65536);
for (const [ch, latin] of Object.entries(homoglyphTable.lettersInLatinWords)) {
  LATIN_OF[ch.charCodeAt(0)] = latin.charCodeAt(0);
  IN_LATIN_WORDS_ONLY[ch.charCodeAt(0)] = 1;
}
// Per non-ASCII UTF-16 unit: 1 when it is a letter or mark, 2 when not, 0 until first asked.
const WORD_UNIT = new Uint8Array(65536);
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

/** Units (1, or 2 for a surrogate pair) of the letter or mark at `i`; 0 for anything else. */
function wordUnitLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122 ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) return LETTER_OR_MARK.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  let known = WORD_UNIT[c]!;
  if (known === 0) {
    known = LETTER_OR_MARK.test(String.fromCharCode(c)) ? 1 : 2;
    WORD_UNIT[c] = known;
  }
  return known === 1 ? 1 : 0;
}

/**
 * Folds look-alike letters (Cyrillic "о" in "ignоre") to Latin, one for one, but only in words (runs of
 * letters and marks) that mix scripts or consist of look-alikes only: real Cyrillic or Greek words keep
 * their letters. A look-alike that is an everyday letter of its script counts as foreign in a word
 * without Latin letters. The normalisers call it only for text in which they met a look-alike.
 */
export function foldHomoglyphs(text: string): string {
  const n = text.length;
  const folded: number[] = [];
  let i = 0;
  while (i < n) {
    let units = wordUnitLength(text, i);
    if (units === 0) {
      i++;
      continue;
    }
    const start = i;
    let latin = false;
    let foreign = false;
    let lookAlike = false;
    while (units !== 0) {
      const c = text.charCodeAt(i);
      if (c < 128) latin = true;
      else if (units === 1 && LATIN_OF[c] !== 0) {
        lookAlike = true;
        if (IN_LATIN_WORDS_ONLY[c] === 1) foreign = true;
      } else foreign = true;
      i += units;
      units = i < n ? wordUnitLength(text, i) : 0;
    }
    if (lookAlike && (latin || !foreign)) folded.push(start, i);
  }
  if (folded.length === 0) return text;
  const out = new Uint16Array(n);
  for (let k = 0; k < n; k++) out[k] = text.charCodeAt(k);
  for (let w = 0; w < folded.length; w += 2)
    for (let k = folded[w]!; k < folded[w + 1]!; k++) out[k] = LATIN_OF[out[k]!] || out[k]!;
  return fromCodes(out, n);
}
