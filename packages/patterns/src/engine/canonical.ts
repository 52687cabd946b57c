/**
 * The canonical form of one character, as normalising reads it: NFKC, with invisible and format
 * characters removed, Unicode tag characters decoded to the ASCII they smuggle, look-alike punctuation
 * folded, and diacritics dropped while the marks that spell Indic, Thai and kana words stay.
 */
import homoglyphTable from '../data/homoglyphs.json' with { type: 'json' };

const LETTERS: Readonly<Record<string, string>> = homoglyphTable.letters;
const PUNCTUATION: Readonly<Record<string, string>> = homoglyphTable.punctuation;

const FORMAT = /^\p{Cf}$/u;
// Invisible characters outside the Cf category: fillers, joiners and variation selectors.
const isInvisible = (cp: number): boolean =>
  FORMAT.test(String.fromCodePoint(cp)) ||
  cp === 0x034f ||
  cp === 0x115f ||
  cp === 0x1160 ||
  cp === 0x17b4 ||
  cp === 0x17b5 ||
  (cp >= 0x180b && cp <= 0x180f) ||
  cp === 0x3164 ||
  cp === 0xffa0 ||
  (cp >= 0xfe00 && cp <= 0xfe0f) ||
  (cp >= 0xe0100 && cp <= 0xe01ef);
const SPACE = /^\s$/u;

// Scripts whose combining marks spell their words (Indic and Thai vowel signs and viramas, Tibetan,
// Myanmar and Khmer signs, kana voicing marks): a mark of theirs stays after a base of the same script.
// Every other combining mark is a diacritic and goes ("ïgnörë" reads "ignore"), as does a spelling mark
// put on a base of another script ("i\u0901gnore": the trick would otherwise hide a word).
const SPELLING_SCRIPTS: readonly (readonly [number, number])[] = [
  [0x0900, 0x0e00], // Devanagari to Sinhala
  [0x0e00, 0x0e80], // Thai
  [0x0e80, 0x0f00], // Lao
  [0x0f00, 0x1000], // Tibetan
  [0x1000, 0x10a0], // Myanmar
  [0x1780, 0x1800], // Khmer
  [0x3040, 0x3100], // Hiragana and Katakana, with the combining voicing marks U+3099 and U+309A
];
/** Per UTF-16 unit: 1 + the index of its spelling script, or 0 outside them. */
export const SCRIPT_OF = new Uint8Array(65536);
for (let k = 0; k < SPELLING_SCRIPTS.length; k++) SCRIPT_OF.fill(k + 1, ...SPELLING_SCRIPTS[k]!);
const SPELLING_RANGES = SPELLING_SCRIPTS.map(
  ([from, to]) => `\\u{${from.toString(16)}}-\\u{${(to - 1).toString(16)}}`,
).join('');
const DIACRITIC = new RegExp(`(?![${SPELLING_RANGES}])\\p{M}`, 'gu');
const SPELLING_MARK = new RegExp(`[${SPELLING_RANGES}]`, 'u');
const IS_MARK = /^\p{M}$/u;
// Per UTF-16 unit of a spelling script: 1 when it is a combining mark, 2 when not, 0 until first asked.
const markKind = new Uint8Array(65536);

/** True for the combining kana voicing marks U+3099 and U+309A. */
export const isVoicingMark = (c: number): boolean => c === 0x3099 || c === 0x309a;

/** The kana a voicing mark composes with `base` into, or 0 when there is none. */
export function voicedKana(base: number, mark: number): number {
  if (!isVoicingMark(mark)) return 0;
  const composed = String.fromCharCode(base, mark).normalize('NFC');
  return composed.length === 1 ? composed.charCodeAt(0) : 0;
}

/** True for a combining mark of a spelling script (it stays only after a base of its own script). */
export function isSpellingMark(c: number): boolean {
  if (SCRIPT_OF[c] === 0) return false;
  let kind = markKind[c]!;
  if (kind === 0) {
    kind = IS_MARK.test(String.fromCharCode(c)) ? 1 : 2;
    markKind[c] = kind;
  }
  return kind === 1;
}

// Cache of the canonical form of each non-ASCII code point: NFKC work is the slow part.
const cache = new Map<number, string>();

/** The canonical form of code point `cp` (empty for invisible characters), cached. */
export function canonical(cp: number): string {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  let out: string;
  if (cp >= 0xe0020 && cp <= 0xe007e) {
    out = String.fromCharCode(cp - 0xe0000); // tag-character smuggling: invisible ASCII
  } else if ((cp >= 0xe0000 && cp <= 0xe007f) || isInvisible(cp)) {
    out = '';
  } else if (cp >= 0xac00 && cp <= 0xd7a3) {
    out = String.fromCodePoint(cp); // Hangul: decomposing would turn syllables into jamo
  } else {
    const ch = String.fromCodePoint(cp);
    const direct = PUNCTUATION[ch] ?? (LETTERS[ch] !== undefined ? ch : undefined);
    if (direct !== undefined) out = direct;
    else {
      const decomposed = ch.normalize('NFKD').replace(DIACRITIC, '');
      out = '';
      for (const c of decomposed) out += SPACE.test(c) ? ' ' : (PUNCTUATION[c] ?? c);
      // Kana with a voicing mark decompose and compose again ("プ" stays one character).
      if (SPELLING_MARK.test(out)) out = out.normalize('NFC');
    }
  }
  if (cache.size < 65_536) cache.set(cp, out);
  return out;
}

// Per UTF-16 unit: its one-character canonical form, filled on first sight; FULL where the unit needs the
// full path (it canonicalises to several characters or none, or is a control character or a surrogate).
// A table read per character instead of a replace callback: text in Chinese or Russian is non-ASCII
// throughout, and a callback per character cost about 50 ms per megabyte.
export const FULL = 0xffff;
const oneForOne = new Uint16Array(65536);

/** The one-character canonical form of UTF-16 unit `c`, or FULL. */
export function oneForOneCode(c: number): number {
  let code = oneForOne[c]!;
  if (code === 0) {
    const canon = c < 32 || c === 127 || (c >= 0xd800 && c <= 0xdfff) ? '' : canonical(c);
    code = canon.length === 1 ? canon.charCodeAt(0) : FULL;
    oneForOne[c] = code;
  }
  return code;
}
