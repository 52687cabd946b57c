/**
 * Ciphers an attacker spells an instruction in, so that a filter reading the text sees none of its words:
 * 8-bit binary, Morse code, reversed text, ROT13, the Atbash cipher, and Latin letters written in other
 * symbols (letter-scripts.ts). Each is looked for only where a sign of it is present (eight digits for
 * binary; for the others, literals the automaton pass finds), and deciphered for the scanner to read
 * again.
 */
import type { DecodedFrom } from '../types.js';
import { rot13, utf8Decode } from './codec.js';
import { escapeRegex } from './escape-regex.js';
import { readLetterScripts, SCRIPT_SIGNS } from './letter-scripts.js';

/** A stretch of `text` and what it reads as once deciphered. */
export interface DecipheredSegment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly from: DecodedFrom;
}

// Four bytes or more of 8-bit groups apart by a space, a comma or a semicolon: without them a run of
// 0s and 1s is as likely hex ("0101..." is hex of control bytes).
// Starts only where a group can start (not inside a run of digits): a flood of 1s costs one look per
// character instead of eight.
const BINARY = /(?<![01])[01]{8}(?:[ ,;][01]{8}){3,4096}/g;

/** Bytes written as 8-bit groups, decoded as UTF-8. */
function decodeBinary(run: string): string | undefined {
  const digits = run.replace(/[ ,;]/g, '');
  const bytes = new Uint8Array(digits.length >> 3);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(digits.slice(i * 8, i * 8 + 8), 2);
  return utf8Decode(bytes);
}

// International Morse for letters, digits and the punctuation an instruction uses.
const MORSE: Readonly<Record<string, string>> = {
  '.-': 'a',
  '-...': 'b',
  '-.-.': 'c',
  '-..': 'd',
  '.': 'e',
  '..-.': 'f',
  '--.': 'g',
  '....': 'h',
  '..': 'i',
  '.---': 'j',
  '-.-': 'k',
  '.-..': 'l',
  '--': 'm',
  '-.': 'n',
  '---': 'o',
  '.--.': 'p',
  '--.-': 'q',
  '.-.': 'r',
  '...': 's',
  '-': 't',
  '..-': 'u',
  '...-': 'v',
  '.--': 'w',
  '-..-': 'x',
  '-.--': 'y',
  '--..': 'z',
  '-----': '0',
  '.----': '1',
  '..---': '2',
  '...--': '3',
  '....-': '4',
  '.....': '5',
  '-....': '6',
  '--...': '7',
  '---..': '8',
  '----.': '9',
  '.-.-.-': '.',
  '--..--': ',',
  '..--..': '?',
  '-.-.--': '!',
  '.----.': "'",
  '-..-.': '/',
  '---...': ':',
  '.--.-.': '@',
};

// Eight codes or more, letters apart by a space and words by a slash, from the start of a word (not the
// period ending the sentence before).
const MORSE_RUN = /(?<![^\s/])[.-]{1,6}(?:(?: ?\/ ?| )[.-]{1,6}){7,4096}/g;

/** Morse code, letters apart by a space and words by "/"; undefined when a code is not Morse. */
function decodeMorse(run: string): string | undefined {
  let out = '';
  for (const word of run.split(/ ?\/ ?/)) {
    if (out !== '') out += ' ';
    for (const code of word.split(' ')) {
      const letter = MORSE[code];
      if (letter === undefined) return undefined;
      out += letter;
    }
  }
  return out;
}

// Separators that space out the characters of a text ("i-g-n-o-r-e"). Text spaced out by spaces ("i g n
// o r e") is read from the original text (spacedWordSegments): normalising collapses its word gaps.
const SPACING_SEPARATORS = ['-', '.', '_', '*', '|', '/'];
const spacedOut = (word: string, separator: string): string => [...word].join(separator);

/**
 * Signs of each cipher for the automaton pass: common words of an instruction reversed ("tpmorp metsys
 * eht"), in Atbash ("gsv hbhgvn kilnkg"), in ROT13 ("vtaber nyy cerivbhf vafgehpgvbaf") or spaced out,
 * the Morse codes of r, k and c (".-.", "-.-"), which prose almost never holds, and NATO code words.
 * Only a text with a sign is deciphered, so the ciphers cost nothing elsewhere.
 */
export const CIPHER_SIGNS = {
  reversed: [' eht ', ' uoy ', 'erongi', 'snoitcurtsn', 'tpmorp', 'drowssap'],
  atbash: [' gsv ', ' blf ', 'rtmliv', 'rmhgifxg', 'kilnkg', 'kzhhdliw'],
  // ROT13 of the, you/your, ignore, instruction, previous, prompt, system, password, reveal, secret,
  // disregard, forget, pretend, restriction, rules, jailbreak and developer.
  rot13: [
    ' gur ',
    ' lbh',
    'vtabe',
    'vafgehp',
    'cerivbhf',
    'cebzcg',
    'flfgrz',
    'cnffjbeq',
    'erirny',
    'frperg',
    'qvfertneq',
    'sbetrg',
    'cergraq',
    'erfgevp',
    'ehyrf',
    'wnvyoernx',
    'qrirybcre',
  ],
  morse: ['.-.', '-.-'],
  // Four letters of each word are as telling spaced out, and keep the automaton small.
  spaced: SPACING_SEPARATORS.flatMap((sep) =>
    ['gnor', 'nstr', 'romp', 'yste', 'sswo'].map((w) => spacedOut(w, sep)),
  ),
  // Latin letters written upside down, in runes or in Braille (letter-scripts.ts).
  scripts: SCRIPT_SIGNS,
  // Quoted-printable named in a mail header (quoted-printable.ts also reads bodies by their soft breaks).
  quotedPrintable: ['quoted-printable'],
  // The NATO code words of e, o, r, s and t (nato.ts), one of which nearly every spelled instruction
  // holds and few other texts do ("india", "delta" and "hotel" are common words).
  nato: ['echo', 'oscar', 'romeo', 'sierra', 'tango'],
};
type SignedCipher = keyof typeof CIPHER_SIGNS;
const SIGNED = Object.keys(CIPHER_SIGNS) as SignedCipher[];
/**
 * Bits of the ciphers whose signs a text holds, 1 << their place in CIPHER_SIGNS (as the automaton's
 * slots for them); then characters spaced out by spaces, whose sign is a run of one-character words the
 * automaton pass measures.
 */
export const CIPHER_BITS: Readonly<Record<SignedCipher | 'spacedWords', number>> = {
  ...(Object.fromEntries(SIGNED.map((name, i) => [name, 1 << i])) as Record<SignedCipher, number>),
  spacedWords: 1 << SIGNED.length,
};
/** One-character words in a row that make a text worth reading as spaced-out characters. */
export const SPACED_WORDS_SIGN = 8;

// Characters each followed by one space, words apart by two or three, as in the original text (before
// whitespace collapses and the gaps between words are lost).
const SPACED_WORDS = /(?<!\S)(?:\S[ \t]{1,3}){7,4096}\S(?!\S)/g;

/** A run of spaced-out characters read back: single spaces taken out, wider gaps kept as word breaks. */
function joinSpacedWords(raw: string): string | undefined {
  const words = raw.split(/[ \t]{2,}/).map((w) => w.replace(/[ \t]/g, ''));
  // Words of one character each, apart by wide gaps, are a column of letters, not a spaced-out text.
  return words.some((w) => w.length > 1) ? words.join(' ') : undefined;
}

// Per separator: eight characters or more each followed by it, and the last one.
const SPACED_RUNS = SPACING_SEPARATORS.map((sep) => {
  const quoted = escapeRegex(sep);
  const unit = `[^${quoted}\\n]`;
  return { sep, run: new RegExp(`(?:${unit}${quoted}){8,4096}${unit}`, 'g') };
});

/** Every other character of a spaced-out run: the separators taken out. */
function joinSpaced(raw: string): string {
  let joined = '';
  for (let i = 0; i < raw.length; i += 2) joined += raw[i];
  return joined;
}

/** Runs of characters spaced out by one separator, read with the separator taken out. */
export const spacedSegments = (text: string, budget = UNBOUNDED): DecipheredSegment[] =>
  SPACED_RUNS.flatMap(({ sep, run }) =>
    text.includes(sep) ? runSegments(text, run, joinSpaced, 'spaced', budget) : [],
  );

/** Atbash: a<->z, b<->y, ... in both cases; everything else stays. */
export function atbash(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) out += String.fromCharCode(219 - c);
    else if (c >= 65 && c <= 90) out += String.fromCharCode(155 - c);
    else out += text[i];
  }
  return out;
}

/** The text read backwards, by code point. */
export const reversed = (text: string): string => [...text].reverse().join('');

/** Characters a decoder may still read for the text at hand (decoding is a bonus pass: it is bounded). */
export interface DecodeBudget {
  left: number;
}
const UNBOUNDED: DecodeBudget = { left: Number.POSITIVE_INFINITY };
// Runs deciphered per kind and text at the most (as many segments as the decoder keeps in all).
const MAX_RUNS = 64;

/**
 * The matches of a global regex in `text` that `decode` reads, as segments deciphered from `from`, until
 * the budget is spent.
 */
export function runSegments(
  text: string,
  run: RegExp,
  decode: (raw: string) => string | undefined,
  from: DecodedFrom,
  budget: DecodeBudget,
): DecipheredSegment[] {
  const out: DecipheredSegment[] = [];
  run.lastIndex = 0;
  for (let m = run.exec(text); m !== null && budget.left > 0 && out.length < MAX_RUNS; m = run.exec(text)) {
    budget.left -= m[0].length;
    const decoded = decode(m[0]);
    if (decoded !== undefined) out.push({ start: m.index, end: m.index + m[0].length, text: decoded, from });
  }
  return out;
}

/** Runs of 8-bit binary in `text`, decoded as UTF-8 (those that are not valid UTF-8 are left out). */
export const binarySegments = (text: string, budget = UNBOUNDED): DecipheredSegment[] =>
  runSegments(text, BINARY, decodeBinary, 'binary', budget);

/** Runs of Morse code in `text`, decoded (runs holding a code that is not Morse are left out). */
export const morseSegments = (text: string, budget = UNBOUNDED): DecipheredSegment[] =>
  runSegments(text, MORSE_RUN, decodeMorse, 'morse', budget);

/**
 * Runs of characters spaced out by spaces in the original `source` (its offsets, not the normalised
 * text's: the gaps between words are only there).
 */
export const spacedWordSegments = (source: string, budget = UNBOUNDED): DecipheredSegment[] =>
  runSegments(source, SPACED_WORDS, joinSpacedWords, 'spaced', budget);

// Texts up to this long are read whole reversed, in Atbash or for NATO code words; in longer ones, the
// stretch around each of their signs, up to a total: a megabyte of signs must not cost a second and
// third scan, nor a megabyte with one sign a search of all of it.
const WHOLE_TEXT = 4096;
const AROUND_SIGN = 1024;
const MAX_DECIPHERED = 16_384;
const MAX_SIGNS = 16;

/** Finds `sign` in a text from offset `from`: its offset, or -1. */
export type SignSearch = (sign: string, from: number) => number;

/**
 * Stretches of a text of `length` characters around occurrences of `signs` (found by `find`), merged, at
 * most MAX_DECIPHERED characters.
 */
function aroundSigns(length: number, signs: readonly string[], find: SignSearch): [number, number][] {
  const spans: [number, number][] = [];
  // Enough signs to fill the total twice over end the search: a flood of them costs a few lookups.
  for (const sign of signs) {
    if (spans.length * 2 * AROUND_SIGN >= 2 * MAX_DECIPHERED) break;
    let found = 0;
    for (let p = find(sign, 0); p >= 0 && found < MAX_SIGNS; p = find(sign, p + sign.length)) {
      spans.push([Math.max(0, p - AROUND_SIGN), Math.min(length, p + sign.length + AROUND_SIGN)]);
      found++;
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  let total = 0;
  for (const [from, to] of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && from <= last[1]) {
      total += Math.max(0, to - last[1]);
      last[1] = Math.max(last[1], to);
    } else {
      merged.push([from, to]);
      total += to - from;
    }
    if (total >= MAX_DECIPHERED) break;
  }
  return merged;
}

/**
 * Where to read a cipher in a text of `length` characters: all of it when short, else the stretches
 * around its `signs` (found by `find`).
 */
export const signedSpans = (
  length: number,
  signs: readonly string[],
  find: SignSearch,
): [number, number][] => (length <= WHOLE_TEXT ? [[0, length]] : aroundSigns(length, signs, find));

/**
 * `text` read backwards, in Atbash, in ROT13 or from other letter scripts, where the automaton pass saw
 * signs of it (`ciphers`, CIPHER_BITS): whole when short, else around the signs (`lower` is the text
 * lowercased, same length). Findings in them cover the whole stretch, since every character moved or
 * changed.
 */
export function signedCipherSegments(text: string, lower: string, ciphers: number): DecipheredSegment[] {
  const out: DecipheredSegment[] = [];
  const find: SignSearch = (sign, from) => lower.indexOf(sign, from);
  const spansOf = (signs: readonly string[]): [number, number][] => signedSpans(text.length, signs, find);
  const read = (from: 'reversed' | 'atbash' | 'rot13', decipher: (t: string) => string): void => {
    for (const [start, end] of spansOf(CIPHER_SIGNS[from]))
      out.push({ start, end, text: decipher(text.slice(start, end)), from });
  };
  if (ciphers & CIPHER_BITS.reversed) read('reversed', reversed);
  if (ciphers & CIPHER_BITS.atbash) read('atbash', atbash);
  if (ciphers & CIPHER_BITS.rot13) read('rot13', rot13);
  if (ciphers & CIPHER_BITS.scripts)
    for (const [start, end] of spansOf(CIPHER_SIGNS.scripts))
      for (const script of readLetterScripts(text.slice(start, end))) out.push({ start, end, ...script });
  return out;
}
