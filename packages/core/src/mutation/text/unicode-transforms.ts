import type { Random } from '../../random.js';
import unicode from '../data/unicode.json' with { type: 'json' };

const HOMOGLYPHS: Readonly<Record<string, readonly string[]>> = unicode.homoglyphs;
const LEET: Readonly<Record<string, readonly string[]>> = unicode.leet;

/** Invisible characters the unicode types insert, by family. */
export const invisibleSets = {
  zeroWidth: unicode.zeroWidth,
  invisible: unicode.invisible,
  bidi: unicode.bidi,
  combining: unicode.combining,
} as const;

/** Closing mark of each bidi override or isolate. */
export const bidiEnd: Readonly<Record<string, string>> = unicode.bidiEnd;

/** Replaces letters with look-alikes from other scripts, each with probability `rate` (at least one when possible). */
export function toHomoglyphs(text: string, random: Random, rate: number): string {
  return substitute(text, random, rate, HOMOGLYPHS);
}

/** Replaces letters with leetspeak digits and symbols, each with probability `rate`. */
export function toLeet(text: string, random: Random, rate: number): string {
  return substitute(text, random, rate, LEET, true);
}

function substitute(
  text: string,
  random: Random,
  rate: number,
  table: Readonly<Record<string, readonly string[]>>,
  foldCase = false,
): string {
  const chars = Array.from(text);
  const candidates: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (table[foldCase ? ch.toLowerCase() : ch]) candidates.push(i);
  }
  if (candidates.length === 0) return text;
  let changed = false;
  for (const i of candidates) {
    if (!random.chance(rate)) continue;
    const ch = chars[i] as string;
    chars[i] = random.pick(table[foldCase ? ch.toLowerCase() : ch] as readonly string[]);
    changed = true;
  }
  if (!changed) {
    const i = random.pick(candidates);
    const ch = chars[i] as string;
    chars[i] = random.pick(table[foldCase ? ch.toLowerCase() : ch] as readonly string[]);
  }
  return chars.join('');
}

/** Inserts characters from `set` between code points, each gap with probability `rate` (at least one). */
export function sprinkle(text: string, random: Random, set: readonly string[], rate: number): string {
  const chars = Array.from(text);
  if (chars.length === 0) return random.pick(set);
  let out = '';
  let inserted = false;
  for (let i = 0; i < chars.length; i++) {
    out += chars[i];
    if (i < chars.length - 1 && random.chance(rate)) {
      out += random.pick(set);
      inserted = true;
    }
  }
  return inserted ? out : `${chars[0]}${random.pick(set)}${chars.slice(1).join('')}`;
}

/** Encodes ASCII text as invisible Unicode tag characters (U+E0000 block); other characters are dropped. */
export function toTagCharacters(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code >= 0x20 && code <= 0x7e) out += String.fromCodePoint(0xe0000 + code);
  }
  return out;
}

/** Decodes Unicode tag characters back to ASCII (what a model that reads them would see). */
export function fromTagCharacters(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code >= 0xe0020 && code <= 0xe007e) out += String.fromCharCode(code - 0xe0000);
  }
  return out;
}

/** Maps printable ASCII to full-width forms (U+FF01..U+FF5E), spaces to the ideographic space. */
export function toFullWidth(text: string): string {
  return text.replace(/[!-~ ]/g, (ch) =>
    ch === ' ' ? '\u3000' : String.fromCharCode(ch.charCodeAt(0) + 0xfee0),
  );
}

const REVERSE_GLYPHS: ReadonlyMap<string, string> = new Map(
  Object.entries(HOMOGLYPHS).flatMap(([ascii, looks]) => looks.map((l) => [l, ascii] as [string, string])),
);
const INVISIBLE = new RegExp(
  `[${[...unicode.zeroWidth, ...unicode.invisible, ...unicode.bidi, ...Object.values(unicode.bidiEnd)].join('')}\\u{E0000}-\\u{E007F}]`,
  'gu',
);
const LEET_FOLD: Readonly<Record<string, string>> = {
  '4': 'a',
  '@': 'a',
  '8': 'b',
  '3': 'e',
  '9': 'g',
  '6': 'g',
  '1': 'i',
  l: 'i',
  '|': 'i',
  '0': 'o',
  '5': 's',
  $: 's',
  '7': 't',
  '+': 't',
  '2': 'z',
};

/**
 * Canonical form for comparing a variant with its golden prompt: invisible characters removed, look-alikes
 * and full-width forms mapped to ASCII (NFKC), leetspeak folded, combining marks and punctuation dropped,
 * lower case, single spaces. Applied to both sides, so ambiguous folds (1 -> i, l -> i) cancel out.
 */
export function normalizeForComparison(text: string): string {
  const unglyph = (t: string): string => Array.from(t, (ch) => REVERSE_GLYPHS.get(ch) ?? ch).join('');
  // Marks go first (so "ḻ" folds like "l"), then compatibility forms; look-alikes are mapped before and after
  // NFKC because NFKC turns some of them (lunate sigma) into other non-Latin letters.
  const plain = unglyph(
    unglyph(text.replace(INVISIBLE, ''))
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .normalize('NFKC'),
  );
  let out = '';
  for (const ch of plain) {
    const lower = ch.toLowerCase();
    out += LEET_FOLD[lower] ?? lower;
  }
  return out.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
