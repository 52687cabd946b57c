/**
 * Whether decoded text reads as words: the test of decoders whose input shape is common in benign text
 * (decimal codes, base32). isReadable (decode.ts) asks only for half letters, which a list of
 * temperatures read as character codes passes ("68 72 75 79" is "DHKO"); a sentence is nearly all letters
 * and the spaces between its words.
 */
import { isAsciiLetterCode } from './char-codes.js';

const LETTER = /\p{L}/u;
// Shares of the text, and the words a sentence has at the least (a name or a code word has fewer).
const MIN_LETTERS = 0.6;
const MIN_LETTERS_AND_SPACES = 0.85;
const MIN_WORDS = 3;
// Letters per word on average at the most: capitals run together are a code, not words.
const MAX_WORD_LENGTH = 12;

/** True when `text` is mostly letters, in three words or more of word length, with no control characters. */
export function readsAsWords(text: string): boolean {
  let letters = 0;
  let spaces = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      spaces++;
      inWord = false;
      continue;
    }
    if (c < 32 || (c >= 127 && c < 160)) return false;
    if (!inWord) words++;
    inWord = true;
    if (isAsciiLetterCode(c)) letters++;
    else if (c >= 160 && LETTER.test(text[i]!)) letters++;
  }
  const n = text.length;
  return (
    words >= MIN_WORDS &&
    letters >= n * MIN_LETTERS &&
    letters + spaces >= n * MIN_LETTERS_AND_SPACES &&
    letters <= words * MAX_WORD_LENGTH
  );
}
