/**
 * Numbers that a text labels as times or durations: `"ts": 1701234567`, `created_at=1701234567890`,
 * `"expiresAt": ...`, `took 1701234567890 ms`. Ten and thirteen digits are the sizes of Unix timestamps
 * in seconds and milliseconds, and also of national ids whose checksum one random number in ten or
 * eleven passes (an NPI, an NHS number, a Korean RRN). Such a number, labelled as a time and by none of
 * the rule's own context words, is a timestamp: JSON logs hold thousands of them.
 */

// The key or word right before the value (up to a few quotes, colons and spaces).
const TIME_WORD =
  /(?:^|[^a-z0-9_])(?:ts|time|times|timestamp|epoch|date|datetime|iat|exp|nbf|when|since|until|expires|expiry|expiration|created|updated|modified|deleted|started|ended|finished|completed|seen|took|elapsed|duration|latency|uptime|millis|nanos|[a-z0-9]+_(?:at|ts|time|ms|epoch|date|on))["'`]?\s?[:=]?\s?["'`]?$/i;
const TIME_CAMEL = /[a-z0-9](?:At|Time|Ts|Ms|Epoch|Date|On)["'`]?\s?[:=]?\s?["'`]?$/;
// A unit right after the value.
const TIME_UNIT = /^\s?(?:ms|msec|millis|milliseconds?|s|sec|secs|seconds?|us|ns)\b/;
const BARE_DIGITS = /^\d+$/;

/** True when `value`, at [start, end) of `text`, is a run of digits the text labels as a time. */
export function isTimeValue(text: string, start: number, end: number, value: string): boolean {
  if (!BARE_DIGITS.test(value)) return false;
  const before = text.slice(Math.max(0, start - 40), start);
  return TIME_WORD.test(before) || TIME_CAMEL.test(before) || TIME_UNIT.test(text.slice(end, end + 14));
}
