/**
 * Decimal character codes: "112 114 105 110 116 32 121 111 117 114" is "print your". A coding-exercise
 * framing ("convert each number to its ASCII character and do what it says") makes a model read them; a
 * filter sees numbers. Runs of MIN_CODES codes or more (32-126, or a tab or line break), one space, comma
 * or ", " apart, are read back when they read as words: measurements, prices, ports and CSV rows hold
 * numbers out of range, decimal points or dashes, and the rare list of them all in range decodes to
 * capitals and punctuation, not a sentence.
 */
import { isDigitCode } from './char-codes.js';
import type { DecipheredSegment } from './ciphers.js';
import { readsAsWords } from './word-text.js';

const MIN_CODES = 12;
// A run that reads as words is 60% letters or more (readsAsWords), and a letter's code has two digits or
// three: MIN_CODES codes and their separators span 31 characters or more, even if all the others are
// tabs (9, the one code of one digit). So one character in STRIDE is looked at, and those around it only
// when it is part of a code: prose, a CSV or a megabyte of long numbers costs one look in 30 and a few more.
const STRIDE = 30;
// Characters decoded per text (a longer run is cut there), and runs kept: a flood of codes must not cost
// a second scan.
const BUDGET = 16_384;
const MAX_RUNS = 64;

const isCode = (v: number): boolean => (v >= 32 && v <= 126) || v === 9 || v === 10 || v === 13;

/** Where the code written from `at` ends; -1 when none is (no digit, four or more, or out of range). */
function codeEnd(text: string, at: number): number {
  let value = 0;
  let i = at;
  for (; isDigitCode(text.charCodeAt(i)); i++) {
    if (i - at === 3) return -1;
    value = value * 10 + text.charCodeAt(i) - 48;
  }
  return i > at && isCode(value) ? i : -1;
}

/** The length of the separator at `at` (" ", "," or ", "), 0 for none. */
function separatorAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === 32) return 1;
  return c === 44 ? (text.charCodeAt(at + 1) === 32 ? 2 : 1) : 0;
}

/** The length of the separator ending at `end`, 0 for none. */
function separatorBefore(text: string, end: number): number {
  const c = text.charCodeAt(end - 1);
  if (c === 44) return 1;
  return c === 32 ? (text.charCodeAt(end - 2) === 44 ? 2 : 1) : 0;
}

/** Where the code that ends at `end` starts; -1 when none does (no digit, four or more, or out of range). */
function codeStart(text: string, end: number): number {
  let value = 0;
  let scale = 1;
  let i = end;
  for (; isDigitCode(text.charCodeAt(i - 1)); i--) {
    if (end - i === 3) return -1;
    value += (text.charCodeAt(i - 1) - 48) * scale;
    scale *= 10;
  }
  return i < end && isCode(value) ? i : -1;
}

/** Where the code that `at` is part of (a digit or the separator before it) starts; -1 when none. */
function codeAround(text: string, at: number): number {
  if (!isDigitCode(text.charCodeAt(at))) {
    const next = at + separatorAt(text, at);
    return next > at && codeEnd(text, next) > 0 ? next : -1;
  }
  let end = at + 1;
  while (end - at < 3 && isDigitCode(text.charCodeAt(end))) end++;
  return isDigitCode(text.charCodeAt(end)) ? -1 : codeStart(text, end);
}

/** The codes of text[start, end) read as characters, `max` at the most, and where the last one read ends. */
function decode(text: string, start: number, end: number, max: number): [string, number] {
  let out = '';
  let last = start;
  for (let at = start; at < end && out.length < max; ) {
    last = codeEnd(text, at);
    out += String.fromCharCode(Number(text.slice(at, last)));
    at = last + separatorAt(text, last);
  }
  return [out, last];
}

/** Runs of decimal character codes in `text` that read as words, read back. */
export function decimalSegments(text: string): readonly DecipheredSegment[] {
  const out: DecipheredSegment[] = [];
  let budget = BUDGET;
  for (let p = STRIDE - 1; p < text.length && budget > 0 && out.length < MAX_RUNS; p += STRIDE) {
    // Most characters looked at are letters, or digits of a number too long or out of range.
    const first = codeAround(text, p);
    if (first < 0) continue;
    // Codes back from it and on from it, each read once.
    let codes = 0;
    let start = first;
    for (let from = codeStart(text, start - separatorBefore(text, start)); from >= 0; ) {
      codes++;
      start = from;
      from = codeStart(text, start - separatorBefore(text, start));
    }
    let end = first;
    for (let at = first, to = codeEnd(text, at); to > 0; to = codeEnd(text, at)) {
      codes++;
      end = to;
      const separator = separatorAt(text, to);
      if (separator === 0) break;
      at = to + separator;
    }
    // The next run starts after this one: it holds a character STRIDE on from its end.
    p = Math.max(p, end);
    if (codes < MIN_CODES) continue;
    const [decoded, cut] = decode(text, start, end, budget);
    budget -= decoded.length;
    if (readsAsWords(decoded)) out.push({ start, end: cut, text: decoded, from: 'decimal' });
  }
  return out;
}
