/**
 * Dropping the `i` flag where the text is lowercased already: injection rules run on the lowercase
 * (leet-folded) view, where a case-insensitive regex whose letters are all lowercase ASCII finds exactly
 * what it finds without the flag, and V8 runs it faster: a letter is one comparison, not a fold and two.
 * (PII and secret rules read mixed-case text; running them on the lowercase view measured no faster.)
 */
import { ASCII_RUNS } from './char-codes.js';

// Escapes whose meaning `i` can change (code points that may name cased letters, backreferences that
// compare case-insensitively, Unicode properties) or whose letters are not literals (\cJ).
const CASE_SENSITIVE_ESCAPE = /\\(?:[uxckpP]|[1-9])/;
// Any other escape: class escapes (\s, \W, \b) do not depend on `i` without `u`; escaped punctuation
// is itself.
const ESCAPE = /\\[\s\S]/g;
// A range with a non-ASCII end may span cased letters between two uncased ends.
// Written to start at the "-" (V8 then skips to each one natively instead of trying every position).
const NON_ASCII_RANGE = /-(?<=[^\0-\x7f]-)|-(?=[^\0-\x7f])/;
const ASCII_CAPITAL = /[A-Z]/;

/**
 * True when `source` with `flags` (which include `i`, not `u`) matches the same spans without `i` on
 * any text in which `toLowerCase` changed nothing: its literal letters are lowercase ASCII, and every
 * other character it names has no case. Conservative: anything it cannot judge keeps the flag.
 */
export function caselessOnLowercase(source: string, flags: string): boolean {
  if (!flags.includes('i') || flags.includes('u')) return false;
  if (CASE_SENSITIVE_ESCAPE.test(source)) return false;
  const literal = source.replace(ESCAPE, '');
  if (NON_ASCII_RANGE.test(literal) || ASCII_CAPITAL.test(literal)) return false;
  // Non-canonical forms ("µ" and "μ" both fold to "Μ") are excluded with every other cased character.
  // Native calls on all of them at once, not a loop over each: a cold compile runs this in the
  // interpreter, and a rule for Indic or Thai text holds thousands. (A string's case mapping changes it
  // exactly where one of its characters' mappings would.)
  const other = literal.replace(ASCII_RUNS, '');
  return other.toLowerCase() === other && other.toUpperCase() === other;
}

/** The flags to run such a regex with on lowercase text. */
export const withoutCase = (flags: string): string => flags.replace('i', '');
