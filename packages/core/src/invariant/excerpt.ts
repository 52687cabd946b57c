import type { TextScanner } from './invariant-context.js';

/** Longest excerpt of agent output a reason may quote. */
export const EXCERPT_CHARS = 80;

/**
 * Quotes untrusted text for a reason: PII and secrets masked (when a scanner is at hand), control
 * characters escaped, cut to `max` characters so a 1 MB answer never lands in a report.
 */
export function quoteExcerpt(text: string, scanner?: TextScanner, max = EXCERPT_CHARS): string {
  // Redact a bounded window only: scanning the whole of a huge answer for one excerpt is wasted work.
  const window = text.length > max * 4 ? text.slice(0, max * 4) : text;
  const safe = scanner ? scanner.redact(window) : window;
  const flat = safe.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max && window === text) return JSON.stringify(flat);
  return `${JSON.stringify(chars.slice(0, max).join('')).slice(0, -1)}…" (${text.length} chars in all)`;
}

/** Quotes a configured value (not agent output) briefly, for "expected ..." parts of a reason. */
export function quoteValue(text: string, max = 60): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut);
}

/** An error message for a reason: secrets masked (they hide in URLs and echoed bodies), one line, clipped. */
export function safeMessage(text: string, scanner?: TextScanner, max = 200): string {
  const clipped = text.length > max * 4 ? text.slice(0, max * 4) : text;
  const flat = (scanner ? scanner.redact(clipped) : clipped).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
