/** Shannon entropy, to tell random secrets from words and identifiers. */

import { digitsOf } from './checksums.js';

/** Bits of Shannon entropy per character of `value`. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// Values that look random enough but are placeholders people paste into examples and docs.
const STOPWORDS = [
  'example',
  'sample',
  'placeholder',
  'changeme',
  'change_me',
  'your_',
  'your-',
  'yourkey',
  'xxxx',
  'test',
  'dummy',
  'fake',
  'redacted',
  'password',
  'secret',
  'token',
  'abcdef',
  '123456',
  'qwerty',
  'lorem',
  'insert',
  'replace',
  '${',
  '{{',
  'process.env',
  'os.environ',
  'getenv',
  'null',
  'undefined',
  'true',
  'false',
];

/** A value random enough to be a generated secret: long, mixed, high-entropy, not a placeholder. */
export function isHighEntropySecret(value: string): boolean {
  if (value.length < 16) return false;
  const lower = value.toLowerCase();
  if (STOPWORDS.some((w) => lower.includes(w))) return false;
  const hasDigit = /\d/.test(value);
  const hasLetter = /[a-zA-Z]/.test(value);
  if (!hasDigit || !hasLetter) return false;
  // Identifiers like "someVariableName" are letters; hex digests of 32+ chars have entropy near 4.
  const threshold = /^[0-9a-f]+$/i.test(value) ? 3.0 : 3.5;
  return shannonEntropy(value) >= threshold;
}

/** A value that could be a real password: not a placeholder, variable reference or dictionary filler. */
export function isPlausiblePassword(value: string): boolean {
  if (value.length < 6) return false;
  const lower = value.toLowerCase();
  return (
    !STOPWORDS.some((w) => w !== 'password' && w !== 'secret' && lower.includes(w)) &&
    !/^(?:password|secret)\d*$/.test(lower)
  );
}

// What an unquoted password assignment holds when it holds no password: a reference to a variable or a
// secrets store, a negation, a path or URL, or a dotted name in code ("password=self.password",
// "pass: result?.pass").
const REFERENCE = /^(?:[$%&@~/.!]|\w+:\/\/)|^[a-z_$][\w$-]*(?:[?!]?\.[a-z_$][\w$-]*)+$/i;

// Another assignment run on into the value ("password=pwd=..."): '=' followed by more than padding.
const CHAINED = /=[^=]|(?:pass|pw)[a-z]*\s*:/i;

/**
 * A value written without quotes after a password key that could be a real password. Unquoted, the key
 * is as often followed by a word or a name ("password: required", "pass=input_password2"), so the value
 * must hold letters and either digits or password symbols; shaped like an identifier, it must look
 * generated (two digits, or a digit in mixed case) and hold no underscore.
 */
export function isPlausibleBarePassword(value: string): boolean {
  if (CHAINED.test(value) || !/[a-z]/i.test(value) || REFERENCE.test(value)) return false;
  if (!isPlausiblePassword(value)) return false;
  const digits = digitsOf(value).length;
  if (/^\w+$/.test(value)) {
    if (value.includes('_')) return false;
    return digits >= 2 || (digits >= 1 && /[a-z]/.test(value) && /[A-Z]/.test(value));
  }
  return digits >= 1 || /[!#%^&*+=?~]/.test(value);
}
