/**
 * Context words as the normalised lowercase view spells them, so that "Téléphone" in a rule meets
 * "téléphone" in a text whatever normalising does to either. Plain ASCII needs only lowercasing; other
 * words go through the normaliser, whose first non-ASCII call builds its Unicode tables (5-10 ms of a
 * cold compile), so the forms of the shipped rules' words are stored (data/context-forms.json, written
 * by scripts/regex-analysis.mjs; a test keeps it equal to a fresh computation).
 */
import stored from '../data/context-forms.json' with { type: 'json' };
import { normalizeText } from './normalize.js';

const PRINTABLE_ASCII = /^[ -~]*$/;
const STORED: Readonly<Record<string, string>> = stored;

/** The form computed afresh, for the generator and the test that keeps the stored table current. */
export const freshContextForm = (word: string): string => normalizeText(word).lower;

/** `word` as the lowercase view of a normalised text spells it. */
export function contextForm(word: string): string {
  if (PRINTABLE_ASCII.test(word)) return word.toLowerCase();
  return Object.hasOwn(STORED, word) ? STORED[word]! : freshContextForm(word);
}

/** Whether `word` takes the normaliser's path (and so belongs in the stored table). */
export const needsStoredForm = (word: string): boolean => !PRINTABLE_ASCII.test(word);
