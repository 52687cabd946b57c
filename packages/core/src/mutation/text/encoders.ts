import frames from '../data/encoding-frames.json' with { type: 'json' };
import { wellFormed } from './words.js';

/** A reversible text encoding used by encoding mutators; `decode(encode(s))` gives back `s` (well-formed). */
export interface Encoder {
  readonly name: string;
  /** Human name used in prompts ("base64", "hexadecimal"...). */
  readonly label: string;
  encode(text: string): string;
  decode(encoded: string): string;
  /** False when decoding only recovers a normalised form (Morse loses case). */
  readonly lossless: boolean;
}

const utf8 = (text: string): Buffer => Buffer.from(wellFormed(text), 'utf8');
const rot = (text: string, shift: number): string =>
  text.replace(/[a-zA-Z]/g, (ch) => {
    const base = ch <= 'Z' ? 65 : 97;
    return String.fromCharCode(((ch.charCodeAt(0) - base + shift) % 26) + base);
  });
const MORSE: Readonly<Record<string, string>> = frames.morse;
const UNMORSE: ReadonlyMap<string, string> = new Map(Object.entries(MORSE).map(([k, v]) => [v, k]));

/** Every encoder, by name. */
export const encoders: Readonly<Record<string, Encoder>> = {
  base64: {
    name: 'base64',
    label: 'base64',
    lossless: true,
    encode: (t) => utf8(t).toString('base64'),
    decode: (e) => Buffer.from(e.replace(/\s+/g, ''), 'base64').toString('utf8'),
  },
  hex: {
    name: 'hex',
    label: 'hexadecimal',
    lossless: true,
    encode: (t) => utf8(t).toString('hex'),
    decode: (e) => Buffer.from(e.replace(/[^0-9a-f]/gi, ''), 'hex').toString('utf8'),
  },
  url: {
    name: 'url',
    label: 'URL-encoded (percent-encoded)',
    lossless: true,
    encode: (t) => Array.from(utf8(t), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
    decode: (e) => decodeURIComponent(e),
  },
  rot13: {
    name: 'rot13',
    label: 'ROT13',
    lossless: true,
    encode: (t) => rot(t, 13),
    decode: (e) => rot(e, 13),
  },
  atbash: {
    name: 'atbash',
    label: 'Atbash cipher',
    lossless: true,
    encode: (t) => atbash(t),
    decode: (e) => atbash(e),
  },
  reverse: {
    name: 'reverse',
    label: 'reversed text',
    lossless: true,
    encode: (t) => Array.from(t).reverse().join(''),
    decode: (e) => Array.from(e).reverse().join(''),
  },
  binary: {
    name: 'binary',
    label: 'binary (8-bit UTF-8 bytes)',
    lossless: true,
    encode: (t) => Array.from(utf8(t), (b) => b.toString(2).padStart(8, '0')).join(' '),
    decode: (e) =>
      Buffer.from(
        e
          .split(/\s+/)
          .filter((x) => x !== '')
          .map((x) => Number.parseInt(x, 2)),
      ).toString('utf8'),
  },
  html: {
    name: 'html',
    label: 'HTML entities',
    lossless: true,
    encode: (t) => Array.from(wellFormed(t), (ch) => `&#${ch.codePointAt(0)};`).join(''),
    decode: (e) => e.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))),
  },
  unicodeEscape: {
    name: 'unicodeEscape',
    label: '\\uXXXX escapes',
    lossless: true,
    encode: (t) =>
      Array.from({ length: t.length }, (_, i) => `\\u${t.charCodeAt(i).toString(16).padStart(4, '0')}`).join(
        '',
      ),
    decode: (e) =>
      e.replace(/\\[uU]([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
  },
  morse: {
    name: 'morse',
    label: 'Morse code',
    lossless: false,
    // Letters are separated by spaces and words by " / "; characters Morse lacks are dropped.
    encode: (t) =>
      t
        .toLowerCase()
        .split(/\s+/)
        .map((w) =>
          Array.from(w)
            .map((ch) => MORSE[ch])
            .filter((m): m is string => m !== undefined)
            .join(' '),
        )
        .filter((w) => w !== '')
        .join(' / '),
    decode: (e) =>
      e
        .split(' / ')
        .map((w) =>
          w
            .split(' ')
            .map((m) => UNMORSE.get(m) ?? '')
            .join(''),
        )
        .join(' '),
  },
};

/** What Morse keeps of a text: lower case, known characters, single spaces between words. */
export function morseNormalize(text: string): string {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((w) =>
      Array.from(w)
        .filter((ch) => MORSE[ch] !== undefined)
        .join(''),
    )
    .filter((w) => w !== '')
    .join(' ');
}

function atbash(text: string): string {
  return text.replace(/[a-zA-Z]/g, (ch) => {
    const base = ch <= 'Z' ? 65 : 97;
    return String.fromCharCode(base + 25 - (ch.charCodeAt(0) - base));
  });
}

/** Spaces out every character with a separator; decoding keeps every other character, so it is lossless. */
export function spaceOut(text: string, separator: string): string {
  return Array.from(text).join(separator);
}

/** Inverse of spaceOut for a one-code-point separator. */
export function unspace(spaced: string, separator: string): string {
  const sepLength = Array.from(separator).length;
  const chars = Array.from(spaced);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += 1 + sepLength) out.push(chars[i] as string);
  return out.join('');
}
