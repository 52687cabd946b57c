import type { Random } from '../../random.js';
import noise from '../data/noise.json' with { type: 'json' };
import { findWords, matchCase, replaceSpans } from './words.js';

const NEIGHBOURS: Readonly<Record<string, string>> = noise.keyboardNeighbours;
const ABBREVIATIONS: Readonly<Record<string, string>> = noise.abbreviations;
const MISSPELLINGS: Readonly<Record<string, string>> = noise.misspellings;

/** The kinds of typo a hurried user makes. */
export type TypoKind = 'neighbour' | 'swap' | 'drop' | 'double' | 'abbreviate' | 'misspell' | 'space';

const LETTER = /^\p{L}$/u;

const KINDS: readonly TypoKind[] = ['neighbour', 'swap', 'drop', 'double', 'abbreviate', 'misspell', 'space'];

/** Applies one realistic typo; returns the text unchanged when the chosen kind does not apply. */
export function applyTypo(text: string, random: Random): { text: string; kind: TypoKind } {
  const kind = random.pick(KINDS);
  const words = findWords(text);
  if (words.length === 0) return { text, kind };
  if (kind === 'abbreviate' || kind === 'misspell') {
    const table = kind === 'abbreviate' ? ABBREVIATIONS : MISSPELLINGS;
    const hits = words.filter((w) => table[w.text.toLowerCase()] !== undefined);
    if (hits.length === 0) return applyCharTypo(text, random, 'neighbour');
    const word = random.pick(hits);
    const replacement = matchCase(word.text, table[word.text.toLowerCase()] as string);
    return { text: replaceSpans(text, [{ start: word.start, end: word.end, text: replacement }]), kind };
  }
  return applyCharTypo(text, random, kind);
}

function applyCharTypo(text: string, random: Random, kind: TypoKind): { text: string; kind: TypoKind } {
  const letters: number[] = [];
  // Letters of the Basic Multilingual Plane (one UTF-16 unit each, so slicing never splits a character).
  // Neighbour-key slips only exist for the QWERTY table; other scripts get swaps, drops and doubles.
  for (let i = 0; i < text.length && letters.length < 4096; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c > 127 && (c < 0xd800 || c > 0xdfff) && LETTER.test(text.charAt(i)))
    ) {
      letters.push(i);
    }
  }
  if (letters.length === 0) return { text, kind };
  const at = random.pick(letters);
  const ch = text.charAt(at);
  switch (kind) {
    case 'swap': {
      const next = text.charAt(at + 1);
      if (!LETTER.test(next))
        return { text: text.slice(0, at) + ch + ch + text.slice(at + 1), kind: 'double' };
      return { text: text.slice(0, at) + next + ch + text.slice(at + 2), kind };
    }
    case 'drop':
      return { text: text.slice(0, at) + text.slice(at + 1), kind };
    case 'double':
      return { text: text.slice(0, at) + ch + text.slice(at), kind };
    case 'space': {
      const space = text.indexOf(' ', at);
      if (space === -1) return { text: text.slice(0, at) + text.slice(at + 1), kind: 'drop' };
      return { text: text.slice(0, space) + text.slice(space + 1), kind };
    }
    default: {
      const near = NEIGHBOURS[ch.toLowerCase()];
      if (!near) return { text: text.slice(0, at) + ch + text.slice(at), kind: 'double' };
      const sub = near.charAt(random.int(near.length));
      const typed = ch === ch.toLowerCase() ? sub : sub.toUpperCase();
      return { text: text.slice(0, at) + typed + text.slice(at + 1), kind: 'neighbour' };
    }
  }
}
