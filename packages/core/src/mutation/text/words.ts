import stopWordList from '../data/stop-words.json' with { type: 'json' };

/** A word inside a text, with offsets (end exclusive). */
export interface WordSpan {
  start: number;
  end: number;
  text: string;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
const STOP_WORDS: ReadonlySet<string> = new Set(stopWordList);

/** Every word of a text with its position. */
export function findWords(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    spans.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return spans;
}

/** True for function words ("the", "to", "please") that carry little of a prompt's meaning. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

/** Lower-cased content words (three letters or more, not stop words): what meaning-keeping types must keep. */
export function contentWords(text: string): string[] {
  return findWords(text)
    .map((w) => w.text.toLowerCase())
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w));
}

/** Replaces spans of a text; spans must not overlap. */
export function replaceSpans(
  text: string,
  edits: ReadonlyArray<{ start: number; end: number; text: string }>,
): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** Keeps the case pattern of `model` ("Book" -> "Reserve", "BOOK" -> "RESERVE") when swapping a word. */
export function matchCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase())
    return word.toUpperCase();
  const first = model.charAt(0);
  if (first !== first.toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** Splits by code points, so astral characters (emoji) are never cut in half. */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

/** Replaces lone surrogates with U+FFFD so that encoders never throw on malformed input. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
