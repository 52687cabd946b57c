/**
 * Base32 (RFC 4648: A-Z and 2-7, "=" padding): "JBSWY3DPEBLW64TMMQ======" is "Hello World". An attacker
 * asks for it to be decoded and obeyed; a filter sees capitals. Runs of MIN_CHARS or more that start and
 * end a token are read back when the bytes are text that reads as words: uppercase identifiers and TOTP
 * secrets (random bytes) decode to control bytes or malformed UTF-8, most at the first byte. Read from the
 * text as written, not a lowercased view: the alphabet is the capitals. Runs are found by hand, from one
 * character in MIN_CHARS: a regex for them, even one starting only where a run starts (as base64's does),
 * took 5-9 ms a megabyte, and this a few tenths.
 */
import { isAsciiLetterCode, isDigitCode } from './char-codes.js';
import type { DecipheredSegment } from './ciphers.js';
import { utf8Decode } from './codec.js';
import { readsAsWords } from './word-text.js';

const MIN_CHARS = 16;
// Characters of runs decoded per text (a longer run is cut there): a flood of identifiers, or of base32,
// must not cost a second scan.
const BUDGET = 32_768;
const MAX_RUNS = 64;
// Unpadded lengths that end on a whole byte (8 characters are 5 bytes).
const WHOLE_BYTES = new Set([0, 2, 4, 5, 7]);

const isBase32 = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 50 && c <= 55);
const isAlnum = (c: number): boolean => isDigitCode(c) || isAsciiLetterCode(c);

/** The bytes of text[start, end) as base32; undefined at the first control byte. */
function decodeBytes(text: string, start: number, end: number): Uint8Array | undefined {
  const out = new Uint8Array(Math.floor(((end - start) * 5) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    acc = ((acc << 5) | (c <= 55 ? c - 24 : c - 65)) & 0xfff;
    bits += 5;
    if (bits < 8) continue;
    bits -= 8;
    const b = (acc >> bits) & 0xff;
    if ((b < 32 && b !== 9 && b !== 10 && b !== 13) || b === 127) return undefined;
    out[j++] = b;
  }
  return out;
}

/** Runs of base32 in `text` that decode to words, read back. */
export function base32Segments(text: string): readonly DecipheredSegment[] {
  const out: DecipheredSegment[] = [];
  let budget = BUDGET;
  // Every run holds one of each MIN_CHARS characters: one is looked at, and the rest only around it.
  for (let p = MIN_CHARS - 1; p < text.length && budget > 0 && out.length < MAX_RUNS; p += MIN_CHARS) {
    if (!isBase32(text.charCodeAt(p))) continue;
    let start = p;
    while (isBase32(text.charCodeAt(start - 1))) start--;
    let end = p + 1;
    while (isBase32(text.charCodeAt(end))) end++;
    let padded = end;
    while (text.charCodeAt(padded) === 61 && padded - end < 6) padded++;
    p = end;
    const length = end - start;
    // Inside a longer token (mixed case, other digits) it is not base32.
    if (length < MIN_CHARS || isAlnum(text.charCodeAt(start - 1)) || isAlnum(text.charCodeAt(padded)))
      continue;
    if (padded > end ? (padded - start) % 8 !== 0 : !WHOLE_BYTES.has(length % 8)) continue;
    // A flood is read up to the budget, in whole groups of eight: the rest of it is more of the same.
    const stop = Math.min(end, start + budget - (budget % 8));
    budget -= length;
    const bytes = decodeBytes(text, start, stop);
    const decoded = bytes && utf8Decode(bytes);
    if (decoded !== undefined && readsAsWords(decoded))
      out.push({ start, end: stop === end ? padded : stop, text: decoded, from: 'base32' });
  }
  return out;
}
