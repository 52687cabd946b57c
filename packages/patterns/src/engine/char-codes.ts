/** ASCII character classes by UTF-16 code, for loops that read a text with charCodeAt. */

/** '0'-'9'. */
export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** 'a'-'z' or 'A'-'Z' (setting bit 5 lowercases an ASCII capital). */
export const isAsciiLetterCode = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/** Space, tab, newline, vertical tab, form feed or carriage return: what whitespace collapsing reads. */
export const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** A character outside ASCII, for a native search (`test`). */
export const NON_ASCII = /[^\0-\x7f]/;

/** Runs of ASCII, to strip with `replace`: what is left is a string's other characters. */
export const ASCII_RUNS = /[\0-\x7f]+/g;
