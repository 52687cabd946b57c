/** Shannon entropy, to tell random secrets from words and identifiers. */

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
