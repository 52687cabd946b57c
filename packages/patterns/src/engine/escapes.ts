/**
 * Escape notations that hide text one character at a time inside otherwise plain text: percent-encoding
 * ("jane%40example.org"), HTML character references ("&#105;&#103;nore", "jane&#64;example.org") and
 * \u escapes ("\u0069gnore"). Each is found as a run of escapes with the characters glued between and
 * around them, and decoded with a map back to the run, so that what is found inside is reported (and
 * masked) where it is written rather than as the whole run.
 */
import type { DecodedFrom } from '../types.js';

/** Decoded text with, per character, the span of the raw text it came from. */
export interface MappedText {
  readonly text: string;
  /** starts[i], ends[i]: the raw span of text[i] (an escape, a group of escapes, or the character itself). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** An escape notation: where its runs are, its escapes, and how a group of adjacent escapes decodes. */
export interface EscapeNotation {
  readonly from: DecodedFrom;
  /** Global regex of a run: an escape, then more escapes with up to 40 plain characters between. */
  readonly run: RegExp;
  /** Sticky regex of one escape (for url, a '+' too: form encoding's space). */
  readonly oneEscape: RegExp;
  /** Character codes an escape can start with (the stop character, and '+' for url). */
  readonly openers: readonly number[];
  /**
   * The character escapes start with: texts without one skip the search, and the word glued before a
   * run ends at one (or at whitespace).
   */
  readonly stop: string;
  /** Adjacent escapes decoded together (UTF-8 bytes of one character); undefined when malformed. */
  readonly decodeGroup: (raw: string) => string | undefined;
}

/** Decodes `raw`, mapping each character back to the raw span it came from; undefined if malformed. */
export function decodeMapped(raw: string, notation: EscapeNotation): MappedText | undefined {
  const { oneEscape, decodeGroup } = notation;
  const starts = new Int32Array(raw.length);
  const ends = new Int32Array(raw.length);
  let text = '';
  const emit = (piece: string, from: number, to: number): void => {
    for (let k = 0; k < piece.length; k++) {
      starts[text.length + k] = from;
      ends[text.length + k] = to;
    }
    text += piece;
  };
  const { openers } = notation;
  const opens = (c: number): boolean => openers.includes(c);
  for (let i = 0; i < raw.length; ) {
    // A group: escapes back to back.
    let end = i;
    while (opens(raw.charCodeAt(end))) {
      oneEscape.lastIndex = end;
      const m = oneEscape.exec(raw);
      if (m === null) break;
      end += m[0].length;
    }
    if (end === i) {
      emit(raw[i]!, i, i + 1);
      i++;
      continue;
    }
    const decoded = decodeGroup(raw.slice(i, end));
    if (decoded === undefined) return undefined;
    emit(decoded, i, end);
    i = end;
  }
  return { text, starts: starts.subarray(0, text.length), ends: ends.subarray(0, text.length) };
}

/** Where the last escape of a run ends (the run's plain tail starts there). */
export function lastEscapeEnd(raw: string, notation: EscapeNotation): number {
  const at = raw.lastIndexOf(notation.stop);
  notation.oneEscape.lastIndex = at;
  const m = notation.oneEscape.exec(raw);
  return m === null ? raw.length : at + m[0].length;
}

/** A code point as a string; references past U+10FFFF or to surrogates stay as written. */
function codePoint(value: number, written: string): string {
  return value <= 0x10ffff && (value < 0xd800 || value > 0xdfff) ? String.fromCodePoint(value) : written;
}

function decodePercentGroup(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

// Named references that spell the characters text and addresses are made of; others stay as written.
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  commat: '@',
  period: '.',
  colon: ':',
  semi: ';',
  comma: ',',
  sol: '/',
  bsol: '\\',
  num: '#',
  dollar: '$',
  percnt: '%',
  lpar: '(',
  rpar: ')',
  ast: '*',
  plus: '+',
  equals: '=',
  quest: '?',
  excl: '!',
  lowbar: '_',
  hyphen: '-',
  dash: '-',
};

const HTML_REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,7}));/g;

function decodeHtmlGroup(raw: string): string {
  return raw.replace(HTML_REFERENCE, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return codePoint(Number(dec), whole);
    if (hex !== undefined) return codePoint(Number.parseInt(hex, 16), whole);
    return NAMED[name!.toLowerCase()] ?? whole;
  });
}

// \U takes eight digits where it has them ("\U0001F600"), else four as \u does: attacks write "\U0049".
const UNICODE_ESCAPE = /\\u\{([0-9a-fA-F]{1,6})\}|\\U([0-9a-fA-F]{8})|\\[uU]([0-9a-fA-F]{4})/g;

/** \uXXXX (UTF-16 units, so a pair makes an astral character), \u{X...} and \UXXXXXXXX. */
function decodeUnicodeGroup(raw: string): string {
  const units = raw.replace(UNICODE_ESCAPE, (whole, braced?: string, long?: string, unit?: string) => {
    if (unit !== undefined) return String.fromCharCode(Number.parseInt(unit, 16));
    return codePoint(Number.parseInt((braced ?? long)!, 16), whole);
  });
  // A lone half of a pair is not text.
  return units.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * A notation from the regex source of one escape, its stop character (escaped for a class) and, for
 * form encoding, one more character that is an escape on its own ("+" for a space).
 */
function notation(
  from: DecodedFrom,
  escapeSource: string,
  stop: string,
  decodeGroup: (raw: string) => string | undefined,
  extraEscape?: string,
): EscapeNotation {
  const stopChar = stop.replace(/^\\/, '');
  return {
    from,
    // Up to 40 characters other than whitespace or the stop character between and after escapes.
    run: new RegExp(`${escapeSource}(?:[^\\s${stop}]{0,40}${escapeSource}){0,4096}[^\\s${stop}]{0,40}`, 'g'),
    oneEscape: new RegExp(extraEscape === undefined ? escapeSource : `${escapeSource}|\\${extraEscape}`, 'y'),
    openers: [stopChar, ...(extraEscape ?? '')].map((ch) => ch.charCodeAt(0)),
    stop: stopChar,
    decodeGroup,
  };
}

/** The notations, in the order they are tried (a segment kept by one is not decoded again by another). */
export const escapeNotations: readonly EscapeNotation[] = [
  // One escape is enough: "jane.roe%40example.org" in a query string is an e-mail address.
  notation('url', '%[0-9a-fA-F]{2}', '%', decodePercentGroup, '+'),
  notation('html', '&(?:#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,7});', '&', decodeHtmlGroup),
  notation(
    'escape',
    '\\\\(?:U[0-9a-fA-F]{8}|[uU][0-9a-fA-F]{4}|u\\{[0-9a-fA-F]{1,6}\\})',
    '\\\\',
    decodeUnicodeGroup,
  ),
];
