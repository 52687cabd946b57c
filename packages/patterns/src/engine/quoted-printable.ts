/**
 * Quoted-printable (RFC 2045), the encoding of e-mail bodies: "=6F" for a byte and "=" at the end of a
 * line for a soft break that joins the next line. A mail client that shows it raw leaves words no filter
 * reads ("Disr=\neg=61rd the =6Fper=61t=6Fr"), and a model reads it fine. A text is read again decoded
 * when it has two soft breaks or more, or says it is quoted-printable and holds escapes; the automaton
 * pass sees its signs first (CIPHER_SIGNS). Soft breaks are line ends, so this reads the text as sent
 * (normalising collapses its line breaks).
 */
import type { DecipheredSegment } from './ciphers.js';
import { utf8Decode, utf8Encode } from './codec.js';

const SOFT_BREAK = /=\r?\n/g;
const ESCAPE = /=[0-9A-Fa-f]{2}/g;
// Fewer escapes than this in a text that does not say what it is are a URL's "a=BC" or a typo.
const MIN_ESCAPES = 3;

/**
 * Soft breaks in `source` ("=" before a line end), counted up to two in one pass over its "="s: this runs
 * on every text, and most "="s are code's or URLs'.
 */
function softBreaks(source: string): number {
  let n = 0;
  for (let at = source.indexOf('='); at >= 0 && n < 2; at = source.indexOf('=', at + 1)) {
    const next = source.charCodeAt(at + 1);
    if (next === 10 || (next === 13 && source.charCodeAt(at + 2) === 10)) n++;
  }
  return n;
}

/**
 * The text decoded from quoted-printable, when it is written in it (`declared`: the text names the
 * encoding); none otherwise.
 */
export function quotedPrintableSegments(source: string, declared: boolean): readonly DecipheredSegment[] {
  if (!declared && softBreaks(source) < 2) return [];
  const joined = source.replace(SOFT_BREAK, '');
  const escapes = joined.match(ESCAPE)?.length ?? 0;
  if (escapes < MIN_ESCAPES) return [];
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (c === 61 && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) bytes.push(c);
    else for (const b of utf8Encode(joined[i]!)) bytes.push(b);
  }
  const text = utf8Decode(Uint8Array.from(bytes));
  return text === undefined ? [] : [{ start: 0, end: source.length, text, from: 'quoted-printable' }];
}
