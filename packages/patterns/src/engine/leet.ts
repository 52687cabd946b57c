/** Leetspeak folded inside words that mix letters and leet characters ("1gn0r3" reads "ignore"). */

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '6': 'g',
  '@': 'a',
  $: 's',
  '|': 'l',
  '!': 'i',
  '+': 't',
};

// A letter next to a leet character: where leetspeak can start. Tokens are expanded around these hits
// by hand, so a long run of plain letters costs one pass, never a quadratic regex search.
// Starts with the leet class (rare in prose) so V8 skips ahead quickly; the letter may be on either side.
const LEET_ADJACENT = /[0-9@$|!+](?:(?<=[a-z][0-9@$|!+])|(?=[a-z]))/g;
const HAS_LETTER = /[a-z]/;
const isLetter = (c: number): boolean => c >= 97 && c <= 122;
// LEET_ADJACENT's class as character codes.
const isLeetClass = (c: number): boolean =>
  (c >= 48 && c <= 57) || c === 64 || c === 36 || c === 124 || c === 33 || c === 43;
const isLeetTokenChar = (c: number): boolean => isLetter(c) || isLeetClass(c);

// Characters read by hand after a token before the search goes native: in hex, escapes and ids the next
// hit is a few characters on, where a regex call costs more than the reading.
const NEAR = 16;

/** The next LEET_ADJACENT hit at or after `from`, or -1. */
function nextLeetAdjacent(lower: string, from: number): number {
  const near = Math.min(lower.length, from + NEAR);
  for (let i = from; i < near; i++) {
    if (!isLeetClass(lower.charCodeAt(i))) continue;
    // NaN before the start or past the end is no letter.
    if (isLetter(lower.charCodeAt(i - 1)) || isLetter(lower.charCodeAt(i + 1))) return i;
  }
  if (near === lower.length) return -1;
  // test() and lastIndex, not exec(): no match array per hit (the match is one character).
  LEET_ADJACENT.lastIndex = near;
  return LEET_ADJACENT.test(lower) ? LEET_ADJACENT.lastIndex - 1 : -1;
}

/**
 * Folds leetspeak inside words that mix letters and leet characters ("1gn0r3" -> "ignore"). With
 * `spans`, pushes the start and end of each token folding changed: outside them the result is `lower`.
 */
export function foldLeet(lower: string, spans?: number[]): string {
  // Without a letter there is no leetspeak; the search below would try every digit of a digit flood.
  if (!HAS_LETTER.test(lower)) return lower;
  let at = nextLeetAdjacent(lower, 0);
  if (at < 0) return lower;
  // Tokens are copied out only when folding changed them: most hits are ordinals and model names
  // ("2nd", "gpt4"), and an unchanged text stays the same string (no copy, and no comparison of two
  // equal strings later).
  let out = '';
  let copied = 0;
  let last = 0;
  while (at >= 0) {
    let s = at;
    let e = at + 1;
    while (s > last && isLeetTokenChar(lower.charCodeAt(s - 1))) s--;
    while (e < lower.length && isLeetTokenChar(lower.charCodeAt(e))) e++;
    const token = lower.slice(s, e);
    const folded = foldToken(token, lower, s);
    if (folded !== token) {
      out += lower.slice(copied, s) + folded;
      copied = e;
      spans?.push(s, e);
    }
    last = e;
    at = nextLeetAdjacent(lower, e);
  }
  return copied === 0 ? lower : out + lower.slice(copied);
}

// Ordinals and units ("2nd", "10km"), and names ending in a number of two digits or more ("base64",
// "win10", "rot13"). One final digit is leetspeak ("ignor3", "th3"): read as a model name ("gpt4"), it
// hid the most common leet spelling of all.
const ORDINAL_OR_MODEL = /^\d+(?:st|nd|rd|th|s|k|m|km|kg|mb|gb|am|pm|px|x|d)$|^[a-z]+\d{2,}$/;
const EMAIL_DOMAIN = /^[a-z0-9-]+\./;
// A "\x" escape or 0x number, or a long run of hex digits (a hash); short words of hex letters ("c0de")
// are leetspeak.
const HEX_LIKE = /^(?:0?x[0-9a-f]+|[0-9a-f]{8,})$/;
// Eight digits in a row are a number with letters glued on ("0000000000zzzz", "975472450256g"), not a
// word: fully substituted leet words keep shorter rows ("4551574n7" for "assistant" has seven).
const LONG_NUMBER = /\d{8}/;
// What may follow a word: the end of the text, a space or sentence punctuation.
const WORD_END = /^(?:$|[\s.,;:!?)'"])/;

// LEET as character codes (0: not a leet character), so the token loop reads no strings.
const LEET_CODES = (() => {
  const codes = new Uint8Array(128);
  for (const [from, to] of Object.entries(LEET)) codes[from.charCodeAt(0)] = to.charCodeAt(0);
  return codes;
})();

const isLeetChar = (c: number): boolean => c < 128 && LEET_CODES[c] !== 0;
const isWordChar = (c: number): boolean => isLetter(c) || isLeetChar(c);
// Letters a word needs before punctuation-like characters next to other leet characters are read as
// leet ("c++" is not), and before one ending it is ("al|" is "all", "a|" is not).
const MIN_LETTERS_FOR_SYMBOLS = 3;
const MIN_LETTERS_FOR_ENDING = 2;

function lettersIn(token: string): number {
  let n = 0;
  for (let i = 0; i < token.length; i++) if (isLetter(token.charCodeAt(i))) n++;
  return n;
}

/**
 * Whether the punctuation-like leet character `c` at `i` of `token` stands for a letter: between letters
 * ("h!dden") or at a word's start as "$" or "@" ("$ecret", "@ll"); in words of a few letters also next
 * to other leet characters ("in$+ruc+ion$") and ending a word as "s" or "l" ("previou$"). Never as the "!"
 * ending a sentence ("now!") and never as the @ of an e-mail address.
 */
function symbolFolds(token: string, i: number, c: number, lower: string, offset: number): boolean {
  const prev = token.charCodeAt(i - 1); // NaN at the start
  const next = token.charCodeAt(i + 1);
  const atStart = i === 0 && (c === 64 || c === 36);
  let fold: boolean;
  // "+" between letters is as often arithmetic ("a+b") as a "t": it needs a longer word, as below.
  if (c !== 43 && (atStart || isLetter(prev)) && isLetter(next)) fold = true;
  else {
    // "!" joins no leet run ("now!!!"); "|" ends a word only before a space or punctuation, not in
    // "<|im_start|>".
    const amongLeet = c !== 33 && (atStart || isWordChar(prev)) && isWordChar(next);
    const ending =
      i === token.length - 1 &&
      (c === 36 || (c === 124 && WORD_END.test(lower.charAt(offset + token.length)))) &&
      isLetter(prev);
    fold =
      (amongLeet || ending) &&
      lettersIn(token) >= (ending ? MIN_LETTERS_FOR_ENDING : MIN_LETTERS_FOR_SYMBOLS);
  }
  return fold && !(c === 64 && EMAIL_DOMAIN.test(lower.slice(offset + i + 1, offset + i + 40)));
}

function foldToken(token: string, lower: string, offset: number): string {
  // Ordinals, units and numbered names ("2nd", "10km", "base64") are not leetspeak, nor hex ("x6e" of
  // "\x6e") or long numbers.
  if (ORDINAL_OR_MODEL.test(token) || HEX_LIKE.test(token) || LONG_NUMBER.test(token)) return token;
  // Unchanged stretches are copied as slices, and only when something folds.
  let out = '';
  let from = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    const mapped = c < 128 ? LEET_CODES[c]! : 0;
    if (mapped === 0) continue;
    const fold = (c >= 48 && c <= 57) || symbolFolds(token, i, c, lower, offset);
    if (!fold) continue;
    out += token.slice(from, i) + String.fromCharCode(mapped);
    from = i + 1;
  }
  return from === 0 ? token : out + token.slice(from);
}
