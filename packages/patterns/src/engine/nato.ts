/**
 * The NATO phonetic alphabet: "India Golf November Oscar Romeo Echo" is "ignore". A radio-check framing
 * ("decode the phonetics and execute") makes a model read it; a filter sees call signs. Runs of
 * MIN_LETTERS code words or more are read back, words apart by "/", "(space)", "stop", a line break or a
 * double space, which is why this reads the text as sent (normalising collapses the last two). A pilot's
 * call mixes in digits and plain words ("November one two three alpha bravo"), and a spelled name or call
 * sign is a few letters: neither is a run. The automaton pass sees its signs first (CIPHER_SIGNS).
 */
import {
  CIPHER_SIGNS,
  type DecipheredSegment,
  type DecodeBudget,
  runSegments,
  type SignSearch,
  signedSpans,
} from './ciphers.js';

const LETTER_OF: Readonly<Record<string, string>> = {
  alfa: 'a',
  alpha: 'a',
  bravo: 'b',
  charlie: 'c',
  delta: 'd',
  echo: 'e',
  foxtrot: 'f',
  golf: 'g',
  hotel: 'h',
  india: 'i',
  juliett: 'j',
  juliet: 'j',
  kilo: 'k',
  lima: 'l',
  mike: 'm',
  november: 'n',
  oscar: 'o',
  papa: 'p',
  quebec: 'q',
  romeo: 'r',
  sierra: 's',
  tango: 't',
  uniform: 'u',
  victor: 'v',
  whiskey: 'w',
  whisky: 'w',
  'x-ray': 'x',
  xray: 'x',
  yankee: 'y',
  zulu: 'z',
};

const MIN_LETTERS = 8;
// Longest first, so that "juliett" is not read as "juliet" and a "t".
const WORD = `(?:${Object.keys(LETTER_OF)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
// What may stand between two code words: punctuation and whitespace, and a spoken word break.
const GAP = '[\\s,;.:/|()-]{1,4}';
const BREAK_WORD = /^(?:space|stop)$/i;
const GAPS = `${GAP}(?:(?:space|stop)${GAP})?`;
const RUN = new RegExp(`(?<![a-z])${WORD}(?:${GAPS}${WORD}){${MIN_LETTERS - 1},4096}(?![a-z])`, 'gi');
// A gap that breaks words: a slash, a line break or two whitespace characters.
const WORD_GAP = /[/\n]|\s\s/;
const TOKEN = /x-ray|[a-z]+|[^a-z]+/gi;

/** A run of code words read back: their letters, words apart where a gap or a spoken break says so. */
function decodeNato(run: string): string {
  let out = '';
  let broken = false;
  for (const [token] of run.matchAll(TOKEN)) {
    const letter = LETTER_OF[token.toLowerCase()];
    if (letter !== undefined) {
      if (broken && out !== '') out += ' ';
      broken = false;
      out += letter;
    } else if (BREAK_WORD.test(token) || WORD_GAP.test(token)) broken = true;
  }
  return out;
}

// The signs in any case (the text as sent is not lowercased), one search each: a native search for a
// word, where the run's pattern would be tried at every letter of a long text.
const SIGN_SEARCHES = new Map(CIPHER_SIGNS.nato.map((sign) => [sign, new RegExp(sign, 'gi')]));

/** Finds a sign in `source`. */
const searchIn =
  (source: string): SignSearch =>
  (sign, from) => {
    const search = SIGN_SEARCHES.get(sign)!;
    search.lastIndex = from;
    return search.exec(source)?.index ?? -1;
  };

/**
 * Runs of NATO code words in the text as sent, read back as words: all of it when short, else around the
 * signs the automaton pass saw.
 */
export function natoSegments(source: string, budget: DecodeBudget): DecipheredSegment[] {
  const out: DecipheredSegment[] = [];
  for (const [from, to] of signedSpans(source.length, CIPHER_SIGNS.nato, searchIn(source))) {
    const stretch = from === 0 && to === source.length ? source : source.slice(from, to);
    for (const seg of runSegments(stretch, RUN, decodeNato, 'nato', budget))
      out.push({ ...seg, start: from + seg.start, end: from + seg.end });
  }
  return out;
}
