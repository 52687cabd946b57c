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
  '@': 'a',
  $: 's',
  '|': 'l',
  '!': 'i',
};

// A letter next to a leet character: where leetspeak can start. Tokens are expanded around these hits
// by hand, so a long run of plain letters costs one pass, never a quadratic regex search.
// Starts with the leet class (rare in prose) so V8 skips ahead quickly; the letter may be on either side.
const LEET_ADJACENT = /[0-9@$|!](?:(?<=[a-z][0-9@$|!])|(?=[a-z]))/g;
const HAS_LETTER = /[a-z]/;
const isLeetTokenChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 64 || c === 36 || c === 124 || c === 33;

/** Folds leetspeak inside words that mix letters and leet characters ("1gn0r3" -> "ignore"). */
export function foldLeet(lower: string): string {
  // Without a letter there is no leetspeak; the search below would try every digit of a digit flood.
  if (!HAS_LETTER.test(lower)) return lower;
  LEET_ADJACENT.lastIndex = 0;
  let m = LEET_ADJACENT.exec(lower);
  if (m === null) return lower;
  // Tokens are copied out only when folding changed them: most hits are ordinals and model names
  // ("2nd", "gpt4"), and an unchanged text stays the same string (no copy, and no comparison of two
  // equal strings later).
  let out = '';
  let copied = 0;
  let last = 0;
  while (m !== null) {
    let s = m.index;
    let e = m.index + 1;
    while (s > last && isLeetTokenChar(lower.charCodeAt(s - 1))) s--;
    while (e < lower.length && isLeetTokenChar(lower.charCodeAt(e))) e++;
    const token = lower.slice(s, e);
    const folded = foldToken(token, lower, s);
    if (folded !== token) {
      out += lower.slice(copied, s) + folded;
      copied = e;
    }
    last = e;
    LEET_ADJACENT.lastIndex = e;
    m = LEET_ADJACENT.exec(lower);
  }
  return copied === 0 ? lower : out + lower.slice(copied);
}

const ORDINAL_OR_MODEL = /^\d+(?:st|nd|rd|th|s|k|m|km|kg|mb|gb|am|pm|px|x|d)$|^[a-z]+\d+$/;
const EMAIL_DOMAIN = /^[a-z0-9-]+\./;
const isLetter = (c: number): boolean => c >= 97 && c <= 122;

// LEET as character codes (0: not a leet character), so the token loop reads no strings.
const LEET_CODES = (() => {
  const codes = new Uint8Array(128);
  for (const [from, to] of Object.entries(LEET)) codes[from.charCodeAt(0)] = to.charCodeAt(0);
  return codes;
})();

function foldToken(token: string, lower: string, offset: number): string {
  // Ordinals, units and model names ("2nd", "10km", "gpt4") are not leetspeak.
  if (ORDINAL_OR_MODEL.test(token)) return token;
  // Unchanged stretches are copied as slices, and only when something folds.
  let out = '';
  let from = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    const mapped = c < 128 ? LEET_CODES[c]! : 0;
    if (mapped === 0) continue;
    let fold = c >= 48 && c <= 57;
    if (!fold) {
      // Punctuation-like leet characters count only between letters ("h!dden"), never at word ends
      // ("now!") and never as the @ of an e-mail address.
      const before = i === 0 ? c === 64 || c === 36 : isLetter(token.charCodeAt(i - 1));
      const between = before && isLetter(token.charCodeAt(i + 1));
      fold = between && !(c === 64 && EMAIL_DOMAIN.test(lower.slice(offset + i + 1, offset + i + 40)));
    }
    if (!fold) continue;
    out += token.slice(from, i) + String.fromCharCode(mapped);
    from = i + 1;
  }
  return from === 0 ? token : out + token.slice(from);
}
