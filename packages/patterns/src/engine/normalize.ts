/**
 * Text normalisation with a map back to original offsets. Attackers hide instructions behind look-alike
 * letters, invisible characters, Unicode tag characters and leetspeak; PII hides behind full-width
 * digits. We match on a canonical view and report offsets into what the user actually sent.
 */
import homoglyphTable from '../data/homoglyphs.json' with { type: 'json' };

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
const MARK = /\p{M}/gu;
const SPACE = /^\s$/u;

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
      const decomposed = ch.normalize('NFKD').replace(MARK, '');
      out = '';
      for (const c of decomposed) out += SPACE.test(c) ? ' ' : (PUNCTUATION[c] ?? c);
    }
  }
  if (cache.size < 65_536) cache.set(cp, out);
  return out;
}

/** Normalises `input` into matching views that share one offset map. */
export function normalizeText(input: string): NormalizedText {
  const n = input.length;
  let out = new Uint16Array(n + 16);
  let map = new Int32Array(n + 17);
  let len = 0;
  let prevSpace = true; // drops leading whitespace as well as runs
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
  for (let i = 0; i < n; ) {
    const c = input.charCodeAt(i);
    if (c < 0x80) {
      if (c === 32 || (c >= 9 && c <= 13)) emit(32, i);
      else if (c > 32 && c !== 127) emit(c, i);
      i++;
      continue;
    }
    const cp = input.codePointAt(i)!;
    const canon = canonical(cp);
    for (let k = 0; k < canon.length; k++) emit(canon.charCodeAt(k), i);
    i += cp > 0xffff ? 2 : 1;
  }
  if (len > 0 && out[len - 1] === 32) len--;
  map[len] = n;
  const text = foldHomoglyphs(decodeCodes(out, len));
  const lower = lowerSameLength(text);
  return { source: input, text, lower, folded: foldLeet(lower), map: map.subarray(0, len + 1) };
}

const HAS_CONFUSABLE = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'u');

/**
 * Folds look-alike letters (Cyrillic "о" in "ignоre") to Latin, one for one, but only in words that mix
 * scripts or consist of look-alikes only: real Cyrillic or Greek words keep their letters.
 */
function foldHomoglyphs(text: string): string {
  if (!HAS_CONFUSABLE.test(text)) return text;
  return text.replace(/[\p{L}\p{M}]+/gu, (word) => {
    if (!HAS_CONFUSABLE.test(word)) return word;
    let latin = false;
    let foreign = false;
    for (const ch of word) {
      if (/[a-z]/i.test(ch)) latin = true;
      else if (LETTERS[ch] === undefined) foreign = true;
    }
    if (!latin && foreign) return word;
    let out = '';
    for (const ch of word) out += LETTERS[ch] ?? ch;
    return out;
  });
}

function decodeCodes(codes: Uint16Array, len: number): string {
  let s = '';
  for (let i = 0; i < len; i += 8192) s += String.fromCharCode(...codes.subarray(i, Math.min(len, i + 8192)));
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

/** Folds leetspeak inside words that mix letters and leet characters ("1gn0r3" -> "ignore"). */
export function foldLeet(lower: string): string {
  if (!/[a-z][0-9@$|!]|[0-9@$|!][a-z]/.test(lower)) return lower;
  return lower.replace(/[a-z0-9@$|!]*[a-z][a-z0-9@$|!]*/g, (token, offset: number) => {
    if (!/[0-9@$|!]/.test(token)) return token;
    // Ordinals, units and model names ("2nd", "10km", "gpt4") are not leetspeak.
    if (/^\d+(?:st|nd|rd|th|s|k|m|km|kg|mb|gb|am|pm|px|x|d)$/.test(token) || /^[a-z]+\d+$/.test(token))
      return token;
    let out = '';
    for (let i = 0; i < token.length; i++) {
      const ch = token[i]!;
      const mapped = LEET[ch];
      if (mapped === undefined) {
        out += ch;
        continue;
      }
      // Punctuation-like leet characters count only between letters ("h!dden"), never at word ends
      // ("now!") and never as the @ of an e-mail address.
      const before = i === 0 ? ch === '@' || ch === '$' : /[a-z]/.test(token[i - 1] ?? '');
      const between = before && /[a-z]/.test(token[i + 1] ?? '');
      const email = ch === '@' && /^[a-z0-9-]+\./.test(lower.slice(offset + i + 1, offset + i + 40));
      out += /\d/.test(ch) || (between && !email) ? mapped : ch;
    }
    return out;
  });
}

/** Maps a span of the normalised text back to the original text (end exclusive). */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): [number, number] {
  const s = norm.map[start] ?? 0;
  if (end <= start) return [s, s];
  const last = norm.map[end - 1] ?? s;
  const width = (norm.source.codePointAt(last) ?? 0) > 0xffff ? 2 : 1;
  return [s, Math.max(s, last + width)];
}
