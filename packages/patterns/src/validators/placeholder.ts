/**
 * Placeholder detection for secret candidates. Docs, tests and tutorials are full of values shaped like
 * keys that are not keys: "ghp_xxxxxxxx", "AKIAIOSFODNN7EXAMPLE", "your-api-key-here", "<token>",
 * "AIzaSyabcdefghijklmnop...". Real generated secrets are random: no long runs of one character, no
 * alphabet walks, no marker words. A value flagged here is dropped, whatever rule matched it.
 */

const MARKERS =
  /example|sample|dummy|placeholder|changeme|change_me|redacted|your[-_ ]?(?:api[-_ ]?|access[-_ ]?|secret[-_ ]?)?(?:key|token|secret|password)|<[^>]{1,40}>|\$\{|\{\{|%[a-z_]+%|insert[-_ ]?(?:key|token|here)|xxxx|\*\*\*\*|####|\.\.\.$/i;

/** A run of six identical characters ("xxxxxx", "000000", "aaaaaa"). */
function hasRun(value: string): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return false;
}

/** Ten characters walking the alphabet or the digits ("abcdefghij", "1234567890"), either direction. */
function hasWalk(value: string): boolean {
  const lower = value.toLowerCase();
  let up = 1;
  let down = 1;
  for (let i = 1; i < lower.length; i++) {
    const a = lower.charCodeAt(i - 1);
    const b = lower.charCodeAt(i);
    const alnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
    up = alnum(a) && alnum(b) && b === a + 1 ? up + 1 : 1;
    down = alnum(a) && alnum(b) && b === a - 1 ? down + 1 : 1;
    if (up >= 10 || down >= 10) return true;
  }
  return false;
}

/**
 * True when a secret candidate is a placeholder or an obvious pattern. Repeated blocks and word-made
 * values are not counted: secret scanners' own fixtures ("abcd1234abcd1234...") use them as positives,
 * and passphrases are real passwords.
 */
export function isPlaceholderSecret(value: string): boolean {
  return MARKERS.test(value) || hasRun(value) || hasWalk(value);
}
