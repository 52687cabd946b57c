/**
 * Words split by empty inline HTML tags ("dis<b></b>regard the us<span></span>er's question"): a browser
 * shows the words whole, a filter reading the markup sees none of them. Such text is read again with
 * those tags taken out (`decodedFrom: "markup"`).
 */
import type { DecipheredSegment } from './ciphers.js';

// An empty inline element, or a word-break opportunity, between two letters.
const SPLITTING_TAG =
  /(?<=[A-Za-z])(?:<(b|i|u|s|em|strong|span|small|sub|sup|font|mark|ins|del|code|a|q|abbr|kbd|var)(?:\s[^<>]{0,40})?>\s{0,3}<\/\1\s?>|<wbr\s?\/?>)(?=[A-Za-z])/gi;
// Fewer such tags are a typo or an editor's leftover, not a word split on purpose.
const MIN_SPLITS = 2;

/** The text with word-splitting empty tags taken out, when it has some; none otherwise. */
export function markupSegments(text: string): readonly DecipheredSegment[] {
  if (!text.includes('></') && !text.includes('<wbr')) return [];
  let splits = 0;
  const joined = text.replace(SPLITTING_TAG, () => {
    splits++;
    return '';
  });
  return splits < MIN_SPLITS ? [] : [{ start: 0, end: text.length, text: joined, from: 'markup' }];
}
