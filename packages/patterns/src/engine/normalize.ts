/**
 * Text normalisation with a map back to original offsets. Attackers hide instructions behind look-alike
 * letters, invisible characters, Unicode tag characters and leetspeak; PII hides behind full-width
 * digits. We match on a canonical view and report offsets into what the user actually sent.
 */
import homoglyphTable from '../data/homoglyphs.json' with { type: 'json' };
import { fromCodes } from './codec.js';

// Letters are folded only inside words that mix scripts (see foldHomoglyphs); punctuation always.
const LETTERS: Readonly<Record<string, string>> = homoglyphTable.letters;
const PUNCTUATION: Readonly<Record<string, string>> = homoglyphTable.punctuation;

/** A canonical view of a text plus, for each of its UTF-16 units, the offset in the original. */
export interface NormalizedText {
  /** The original text. */
  readonly source: string;
  /** NFKC-like, invisible characters removed, tags decoded, homoglyphs folded, whitespace collapsed. */
  readonly text: string;
  /** `text` lowercased (same length). */
  readonly lower: string;
  /** `lower` with leetspeak folded (same length); used for injection rules only. */
  readonly folded: string;
  /** `map[i]` is the original offset of `text[i]`; `map[text.length]` is the original length. */
  readonly map: Int32Array;
  /** True when every offset of `text` is the same offset in `source` (the map is the identity). */
  readonly identity?: boolean;
}

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
const SCRIPT_OF = new Uint8Array(65536);
for (let k = 0; k < SPELLING_SCRIPTS.length; k++) SCRIPT_OF.fill(k + 1, ...SPELLING_SCRIPTS[k]!);
const SPELLING_RANGES = SPELLING_SCRIPTS.map(
  ([from, to]) => `\\u{${from.toString(16)}}-\\u{${(to - 1).toString(16)}}`,
).join('');
const DIACRITIC = new RegExp(`(?![${SPELLING_RANGES}])\\p{M}`, 'gu');
const SPELLING_MARK = new RegExp(`[${SPELLING_RANGES}]`, 'u');
const IS_MARK = /^\p{M}$/u;
// Per UTF-16 unit of a spelling script: 1 when it is a combining mark, 2 when not, 0 until first asked.
const markKind = new Uint8Array(65536);

/** The kana a voicing mark (U+3099, U+309A) composes with `base` into, or 0 when there is none. */
function voicedKana(base: number, mark: number): number {
  if (mark !== 0x3099 && mark !== 0x309a) return 0;
  const composed = String.fromCharCode(base, mark).normalize('NFC');
  return composed.length === 1 ? composed.charCodeAt(0) : 0;
}

/** True for a combining mark of a spelling script (it stays only after a base of its own script). */
function isSpellingMark(c: number): boolean {
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

function canonical(cp: number): string {
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

// Anything outside printable ASCII and ASCII whitespace needs the full path (NFKC, invisibles, homoglyphs).
const NOT_PLAIN_ASCII = /[^\t-\r -~]/;
// Whitespace that collapsing changes: a tab or newline, two spaces in a row, or space at either end.
// One native search answers what three searches and a loop did.
const CHANGING_SPACE = /[\t-\r]| {2}|^ | $/;
// The runs collapsing rewrites: single spaces between words (nearly all of them) are left alone.
const SPACE_RUN = /[\t-\r][\t-\r ]*| [\t-\r ]+/g;

/** True when collapsing whitespace would change `s`. */
function whitespaceChanges(s: string): boolean {
  return CHANGING_SPACE.test(s);
}

// A class with a lazy getter: one hidden class for every view, and the offset map (needed only to
// report findings) is built for few texts.
class Views implements NormalizedText {
  readonly lower: string;
  readonly folded: string;
  #map: Int32Array | undefined;
  readonly #build: () => Int32Array;
  constructor(
    readonly source: string,
    readonly text: string,
    build: () => Int32Array,
    readonly identity: boolean,
  ) {
    this.lower = lowerSameLength(text);
    this.folded = foldLeet(this.lower);
    this.#build = build;
  }
  get map(): Int32Array {
    this.#map ??= this.#build();
    return this.#map;
  }
}

function views(source: string, text: string, buildMap: () => Int32Array, identity = false): NormalizedText {
  return new Views(source, text, buildMap, identity);
}

function identityMap(n: number): Int32Array {
  const map = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) map[i] = i;
  return map;
}

// Whitespace runs to one space, ends trimmed, in one pass: a regex replace with a match per newline
// churns the garbage collector on large documents.
function collapseAscii(input: string): string {
  if (input.length < 65_536) return input.replace(SPACE_RUN, ' ').trim();
  const out = new Uint16Array(input.length);
  let len = 0;
  let prevSpace = true;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      if (prevSpace) continue;
      prevSpace = true;
      out[len++] = 32;
    } else {
      prevSpace = false;
      out[len++] = c;
    }
  }
  if (len > 0 && out[len - 1] === 32) len--;
  return decodeCodes(out, len);
}

// Offsets of an ASCII text whose whitespace runs collapse to one space (leading and trailing dropped).
function collapsedMap(input: string, length: number): Int32Array {
  const map = new Int32Array(length + 1);
  let len = 0;
  let prevSpace = true;
  for (let i = 0; i < input.length && len < length; i++) {
    const c = input.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      if (prevSpace) continue;
      prevSpace = true;
    } else prevSpace = false;
    map[len++] = i;
  }
  map[length] = input.length;
  return map;
}

/** Normalises `input` into matching views that share one offset map. */
export function normalizeText(input: string): NormalizedText {
  // Fast path: plain ASCII needs no NFKC, invisible-character or homoglyph work (most real traffic).
  if (!NOT_PLAIN_ASCII.test(input)) {
    if (!whitespaceChanges(input)) return views(input, input, () => identityMap(input.length), true);
    const text = collapseAscii(input);
    return views(input, text, () => collapsedMap(input, text.length));
  }
  return normalizeOneForOne(input) ?? normalizeFull(input);
}

// Per UTF-16 unit: its one-character canonical form, filled on first sight; FULL where the unit needs the
// full path (it canonicalises to several characters or none, or is a control character or a surrogate).
// A table read per character instead of a replace callback: text in Chinese or Russian is non-ASCII
// throughout, and a callback per character cost about 50 ms per megabyte.
const FULL = 0xffff;
const oneForOne = new Uint16Array(65536);

function oneForOneCode(c: number): number {
  let code = oneForOne[c]!;
  if (code === 0) {
    const canon = c < 32 || c === 127 || (c >= 0xd800 && c <= 0xdfff) ? '' : canonical(c);
    code = canon.length === 1 ? canon.charCodeAt(0) : FULL;
    oneForOne[c] = code;
  }
  return code;
}

/**
 * Middle path for text whose special characters (curly quotes, accents, CJK) each canonicalise to
 * exactly one character: replace them in place and keep the identity offset map.
 */
function normalizeOneForOne(input: string): NormalizedText | undefined {
  if (whitespaceChanges(input)) return undefined;
  const n = input.length;
  // Written only from the first character that changes: most non-ASCII text stays as it is.
  let out: Uint16Array | undefined;
  let lookAlike = 0;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    let code = c;
    // Printable ASCII and ASCII whitespace stay (whitespace runs were ruled out above).
    if (c >= 127 || (c < 32 && (c < 9 || c > 13))) {
      code = oneForOneCode(c);
      if (code === FULL) return undefined;
      // A spelling mark on a base of another script is dropped, and a kana voicing mark composes with its
      // kana ("ﾌﾟ" and "フ" + U+309A read "プ"): the full path does both.
      if (
        isSpellingMark(code) &&
        (i === 0 ||
          SCRIPT_OF[input.charCodeAt(i - 1)] !== SCRIPT_OF[code] ||
          code === 0x3099 ||
          code === 0x309a)
      )
        return undefined;
      lookAlike |= LATIN_OF[code]!;
    }
    if (out !== undefined) out[i] = code;
    else if (code !== c) {
      out = new Uint16Array(n);
      for (let k = 0; k < i; k++) out[k] = input.charCodeAt(k);
      out[i] = code;
    }
  }
  const replaced = out === undefined ? input : decodeCodes(out, n);
  const text = lookAlike === 0 ? replaced : foldHomoglyphs(replaced);
  if (whitespaceChanges(text)) return undefined; // a special space next to a space: full path
  return views(input, text, () => identityMap(input.length), true);
}

function normalizeFull(input: string): NormalizedText {
  const n = input.length;
  let out = new Uint16Array(n + 16);
  let map = new Int32Array(n + 17);
  let len = 0;
  let prevSpace = true; // drops leading whitespace as well as runs
  let lookAlike = 0;
  const emit = (code: number, at: number): void => {
    if (code === 32) {
      if (prevSpace) return;
      prevSpace = true;
    } else prevSpace = false;
    if (len + 1 >= out.length) {
      const grown = new Uint16Array(out.length * 2);
      grown.set(out);
      out = grown;
      const grownMap = new Int32Array(grown.length + 1);
      grownMap.set(map);
      map = grownMap;
    }
    out[len] = code;
    map[len++] = at;
  };
  // A spelling mark stays only after a base (or mark) of its own script; a kana voicing mark composes
  // with the kana before it, which keeps that kana's offset.
  const emitCanonical = (code: number, at: number): void => {
    if (isSpellingMark(code)) {
      if (len === 0 || SCRIPT_OF[out[len - 1]!] !== SCRIPT_OF[code]) return;
      const voiced = voicedKana(out[len - 1]!, code);
      if (voiced !== 0) {
        out[len - 1] = voiced;
        return;
      }
    }
    lookAlike |= LATIN_OF[code]!;
    emit(code, at);
  };
  for (let i = 0; i < n; ) {
    const c = input.charCodeAt(i);
    if (c < 0x80) {
      if (c === 32 || (c >= 9 && c <= 13)) emit(32, i);
      else if (c > 32 && c !== 127) emit(c, i);
      i++;
      continue;
    }
    // Most characters canonicalise to one: the one-for-one table answers without the cache's map.
    const one = oneForOneCode(c);
    if (one !== FULL) {
      emitCanonical(one, i);
      i++;
      continue;
    }
    const cp = input.codePointAt(i)!;
    const canon = canonical(cp);
    for (let k = 0; k < canon.length; k++) emitCanonical(canon.charCodeAt(k), i);
    i += cp > 0xffff ? 2 : 1;
  }
  if (len > 0 && out[len - 1] === 32) len--;
  map[len] = n;
  const decoded = decodeCodes(out, len);
  const text = lookAlike === 0 ? decoded : foldHomoglyphs(decoded);
  const offsets = map.subarray(0, len + 1);
  return views(input, text, () => offsets);
}

// The Latin letter of each look-alike (0 for other units; every look-alike is one UTF-16 unit), read in
// the loops below instead of a regex callback per character or word: text in Russian or Chinese is
// non-ASCII throughout, and callbacks cost 50-60 ms per megabyte of it.
const LATIN_OF = new Uint16Array(65536);
for (const [ch, latin] of Object.entries(LETTERS)) LATIN_OF[ch.charCodeAt(0)] = latin.charCodeAt(0);
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
 * their letters. The normalisers call it only for text in which they met a look-alike.
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
      else if (units === 1 && LATIN_OF[c] !== 0) lookAlike = true;
      else foreign = true;
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
  return decodeCodes(out, n);
}

function decodeCodes(codes: Uint16Array, len: number): string {
  let s = '';
  for (let i = 0; i < len; i += 8192) s += fromCodes(codes.subarray(i, Math.min(len, i + 8192)));
  return s;
}

function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  // A few characters (e.g. U+0130) lowercase to two units; keep offsets aligned by lowering one by one.
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '|': 'l',
  '!': 'i',
};

// A letter next to a leet character: where leetspeak can start. Tokens are expanded around these hits
// by hand, so a long run of plain letters costs one pass, never a quadratic regex search.
// Starts with the leet class (rare in prose) so V8 skips ahead quickly; the letter may be on either side.
const LEET_ADJACENT = /[0-9@$|!](?:(?<=[a-z][0-9@$|!])|(?=[a-z]))/g;
const HAS_LETTER = /[a-z]/;
const isLeetTokenChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 64 || c === 36 || c === 124 || c === 33;

/** Folds leetspeak inside words that mix letters and leet characters ("1gn0r3" -> "ignore"). */
export function foldLeet(lower: string): string {
  // Without a letter there is no leetspeak; the search below would try every digit of a digit flood.
  if (!HAS_LETTER.test(lower)) return lower;
  LEET_ADJACENT.lastIndex = 0;
  let m = LEET_ADJACENT.exec(lower);
  if (m === null) return lower;
  // Tokens are copied out only when folding changed them: most hits are ordinals and model names
  // ("2nd", "gpt4"), and an unchanged text stays the same string (no copy, and no comparison of two
  // equal strings later).
  let out = '';
  let copied = 0;
  let last = 0;
  while (m !== null) {
    let s = m.index;
    let e = m.index + 1;
    while (s > last && isLeetTokenChar(lower.charCodeAt(s - 1))) s--;
    while (e < lower.length && isLeetTokenChar(lower.charCodeAt(e))) e++;
    const token = lower.slice(s, e);
    const folded = foldToken(token, lower, s);
    if (folded !== token) {
      out += lower.slice(copied, s) + folded;
      copied = e;
    }
    last = e;
    LEET_ADJACENT.lastIndex = e;
    m = LEET_ADJACENT.exec(lower);
  }
  return copied === 0 ? lower : out + lower.slice(copied);
}

const ORDINAL_OR_MODEL = /^\d+(?:st|nd|rd|th|s|k|m|km|kg|mb|gb|am|pm|px|x|d)$|^[a-z]+\d+$/;
const EMAIL_DOMAIN = /^[a-z0-9-]+\./;
const isLetter = (c: number): boolean => c >= 97 && c <= 122;

// LEET as character codes (0: not a leet character), so the token loop reads no strings.
const LEET_CODES = (() => {
  const codes = new Uint8Array(128);
  for (const [from, to] of Object.entries(LEET)) codes[from.charCodeAt(0)] = to.charCodeAt(0);
  return codes;
})();

function foldToken(token: string, lower: string, offset: number): string {
  // Ordinals, units and model names ("2nd", "10km", "gpt4") are not leetspeak.
  if (ORDINAL_OR_MODEL.test(token)) return token;
  // Unchanged stretches are copied as slices, and only when something folds.
  let out = '';
  let from = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    const mapped = c < 128 ? LEET_CODES[c]! : 0;
    if (mapped === 0) continue;
    let fold = c >= 48 && c <= 57;
    if (!fold) {
      // Punctuation-like leet characters count only between letters ("h!dden"), never at word ends
      // ("now!") and never as the @ of an e-mail address.
      const before = i === 0 ? c === 64 || c === 36 : isLetter(token.charCodeAt(i - 1));
      const between = before && isLetter(token.charCodeAt(i + 1));
      fold = between && !(c === 64 && EMAIL_DOMAIN.test(lower.slice(offset + i + 1, offset + i + 40)));
    }
    if (!fold) continue;
    out += token.slice(from, i) + String.fromCharCode(mapped);
    from = i + 1;
  }
  return from === 0 ? token : out + token.slice(from);
}

/** Maps a span of the normalised text back to the original text (end exclusive). */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): [number, number] {
  // Identity views hold no surrogate pairs (those take the full path), so offsets carry over as they are.
  if (norm.identity === true) return [start, Math.max(start, end)];
  const s = norm.map[start] ?? 0;
  if (end <= start) return [s, s];
  const last = norm.map[end - 1] ?? s;
  const width = (norm.source.codePointAt(last) ?? 0) > 0xffff ? 2 : 1;
  return [s, Math.max(s, last + width)];
}
