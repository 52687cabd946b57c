/**
 * Latin letters written in other symbols, which a reader (or a model) turns back at a glance but a
 * filter does not: text flipped upside down ("ʇǝƃɹoɟ", written right to left), Elder Futhark runes
 * ("ᚠᛟᚱᚷᛖᛏ") and grade-1 Braille ("⠋⠕⠗⠛⠑⠞"). NFKC leaves all three alone. Each is read back letter by
 * letter; upside-down text is also reversed.
 */
import type { DecodedFrom } from '../types.js';

// The flip table of the "upside-down text" generators. Latin letters that are their own flip's image
// (d/p, b/q, n/u) swap; o, s, x and z stay.
const FLIPPED: Readonly<Record<string, string>> = {
  ɐ: 'a',
  q: 'b',
  ɔ: 'c',
  p: 'd',
  ǝ: 'e',
  ɟ: 'f',
  ƃ: 'g',
  ɥ: 'h',
  ı: 'i',
  ᴉ: 'i',
  ɾ: 'j',
  ʞ: 'k',
  ʃ: 'l',
  ɯ: 'm',
  u: 'n',
  d: 'p',
  b: 'q',
  ɹ: 'r',
  ʇ: 't',
  n: 'u',
  ʌ: 'v',
  ʍ: 'w',
  ʎ: 'y',
  '∀': 'a',
  Ǝ: 'e',
  '⊥': 't',
  '∩': 'u',
  Λ: 'v',
  '⅄': 'y',
  '˥': 'l',
  Ԁ: 'p',
  '˙': '.',
  '¿': '?',
  '¡': '!',
  "'": ',',
  ',': "'",
};

// Elder Futhark (and the Younger Futhark's common forms) as English is spelled in it by the
// transliterators: ᛃ stands for y in "ᛃᛟᚢ", more common in an instruction than j.
const RUNES: Readonly<Record<string, string>> = {
  ᚠ: 'f',
  ᚢ: 'u',
  ᚦ: 'th',
  ᚨ: 'a',
  ᚬ: 'o',
  ᚱ: 'r',
  ᚲ: 'k',
  ᚴ: 'k',
  ᚷ: 'g',
  ᚹ: 'w',
  ᚺ: 'h',
  ᚻ: 'h',
  ᚼ: 'h',
  ᚾ: 'n',
  ᚿ: 'n',
  ᛁ: 'i',
  ᛃ: 'y',
  ᛅ: 'a',
  ᛇ: 'ei',
  ᛈ: 'p',
  ᛉ: 'z',
  ᛊ: 's',
  ᛋ: 's',
  ᛏ: 't',
  ᛐ: 't',
  ᛒ: 'b',
  ᛖ: 'e',
  ᛗ: 'm',
  ᛘ: 'm',
  ᛚ: 'l',
  ᛜ: 'ng',
  ᛝ: 'ng',
  ᛞ: 'd',
  ᛟ: 'o',
  ᛦ: 'y',
  '᛫': ' ',
  '᛬': ' ',
  '᛭': ' ',
};

// Grade-1 Braille: the 26 letters, and the blank cell as a space. Capital and number signs are dropped.
const BRAILLE_LETTERS = '⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚⠅⠇⠍⠝⠕⠏⠟⠗⠎⠞⠥⠧⠺⠭⠽⠵';
const BRAILLE: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...BRAILLE_LETTERS].map((cell, i) => [cell, String.fromCharCode(97 + i)])),
  '\u2800': ' ',
  '⠠': '',
  '⠼': '',
  '⠲': '.',
  '⠂': ',',
  '⠦': '?',
  '⠖': '!',
};

/**
 * Signs of each script for the automaton pass: the letters e and t in it (in Braille, also r and s).
 * Flipped e and t are rare outside upside-down text (IPA writes the schwa as ə, not ǝ; its click ʇ
 * comes a few to a transcription, under MIN_SYMBOLS).
 */
export const SCRIPT_SIGNS = ['ǝ', 'ʇ', 'ᛖ', 'ᛏ', '⠑', '⠞', '⠗', '⠎'];

// Fewer symbols of a script than this are a quotation or a stray glyph, not a sentence written in it.
const MIN_SYMBOLS = 8;

interface Script {
  readonly from: DecodedFrom;
  readonly table: Readonly<Record<string, string>>;
  // Symbols only this script uses: the ones whose count says the text is written in it.
  readonly own: (c: number) => boolean;
  readonly reverse: boolean;
}

const SCRIPTS: readonly Script[] = [
  // The flip table's own symbols are IPA letters (U+0250-U+02AF) and a few others; its ASCII letters
  // (d, p, n, u...) are everyone's.
  {
    from: 'upsidedown',
    table: FLIPPED,
    own: (c) => c >= 0x250 || c === 0x1dd,
    reverse: true,
  },
  { from: 'runes', table: RUNES, own: (c) => c >= 0x16a0 && c <= 0x16f8, reverse: false },
  { from: 'braille', table: BRAILLE, own: (c) => c >= 0x2800 && c <= 0x28ff, reverse: false },
];

/** `text` read back from one script: undefined when it holds too few of the script's own symbols. */
function readScript(text: string, script: Script): string | undefined {
  let own = 0;
  let out = '';
  for (const ch of text) {
    const letter = script.table[ch];
    if (letter === undefined) {
      out += ch;
      continue;
    }
    if (script.own(ch.codePointAt(0)!)) own++;
    out += letter;
  }
  if (own < MIN_SYMBOLS) return undefined;
  return script.reverse ? [...out].reverse().join('') : out;
}

/** Each script `text` is written in (upside down, runes, Braille), read back as Latin letters. */
export function readLetterScripts(text: string): { text: string; from: DecodedFrom }[] {
  const out: { text: string; from: DecodedFrom }[] = [];
  for (const script of SCRIPTS) {
    const read = readScript(text, script);
    if (read !== undefined) out.push({ text: read, from: script.from });
  }
  return out;
}
