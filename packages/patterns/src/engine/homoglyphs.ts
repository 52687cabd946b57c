/**
 * Look-alike letters (Cyrillic "о" in "ignоre") folded to Latin inside the words that mix scripts or
 * consist of look-alikes only; real Cyrillic and Greek words keep their letters.
 */
import homoglyphTable from '../data/homoglyphs.json' with { type: 'json' };

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

/** Units (1, or 2 for a surrogate pair) of the letter or mark at `i` of `units[0, n)`; 0 for anything else. */
function wordUnitLength(units: Uint16Array, n: number, i: number): number {
  // The rare cases (surrogates, a unit seen for the first time) apart: this runs once a character.
  const c = units[i]!;
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122 ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) return astralUnitLength(units, n, i);
  const known = WORD_UNIT[c]!;
  return known === 0 ? classifyUnit(c) : known & 1;
}

/** A high surrogate: 2 when its pair is a letter or mark, else 0 (an unpaired one as a BMP unit). */
function astralUnitLength(units: Uint16Array, n: number, i: number): number {
  const high = units[i]!;
  const low = i + 1 < n ? units[i + 1]! : 0;
  if (low < 0xdc00 || low > 0xdfff) return classifyUnit(high);
  return LETTER_OR_MARK.test(String.fromCharCode(high, low)) ? 2 : 0;
}

/** Classifies a BMP unit once (WORD_UNIT: 1 letter or mark, 2 not) and returns 1 or 0. */
function classifyUnit(c: number): number {
  const known = LETTER_OR_MARK.test(String.fromCharCode(c)) ? 1 : 2;
  WORD_UNIT[c] = known;
  return known & 1;
}

/**
 * Folds look-alike letters (Cyrillic "о" in "ignоre") to Latin, one for one, but only in words (runs of
 * letters and marks) that mix scripts or consist of look-alikes only: real Cyrillic or Greek words keep
 * their letters. A look-alike that is an everyday letter of its script counts as foreign in a word
 * without Latin letters. Works in place on `units[0, n)`, the normalisers' buffer before it becomes a
 * string (no second megabyte-sized string for a megabyte of text), and returns whether anything changed.
 * The normalisers call it only for text in which they met a look-alike.
 */
export function foldHomoglyphUnits(units: Uint16Array, n: number): boolean {
  let changed = false;
  let i = 0;
  while (i < n) {
    let length = wordUnitLength(units, n, i);
    if (length === 0) {
      i++;
      continue;
    }
    const start = i;
    let latin = false;
    let foreign = false;
    let lookAlike = false;
    while (length !== 0) {
      const c = units[i]!;
      if (c < 128) latin = true;
      else if (length === 1 && LATIN_OF[c] !== 0) {
        lookAlike = true;
        if (IN_LATIN_WORDS_ONLY[c] === 1) foreign = true;
      } else foreign = true;
      i += length;
      length = i < n ? wordUnitLength(units, n, i) : 0;
    }
    if (lookAlike && (latin || !foreign)) {
      for (let k = start; k < i; k++) units[k] = LATIN_OF[units[k]!] || units[k]!;
      changed = true;
    }
  }
  return changed;
}
