/** Masking of PII and secrets, for reports and stored responses. */
import { strongerFirst } from './engine/overlaps.js';
import type { Finding, RedactOptions, ScanResult } from './types.js';

/** The default mask: `[REDACTED:<pattern id>]`. */
export function defaultMask(finding: Finding): string {
  return `[REDACTED:${finding.id}]`;
}

/**
 * Replaces the spans of `result`'s PII/secret findings in `text`. A span nested in one already masked
 * adds nothing; one that overlaps it and reaches further has its remaining part masked too (a card number
 * followed by an encoded e-mail that begins inside it), so no character of any finding stays visible.
 */
export function applyRedaction(text: string, result: ScanResult, options: RedactOptions = {}): string {
  const kinds = new Set(options.kinds ?? ['pii', 'secret']);
  const mask = options.mask ?? defaultMask;
  const spans = result.findings
    .filter((f) => kinds.has(f.kind))
    // Of findings starting at one place the strongest names the mask (a validated id over a mere shape,
    // a password over the e-mail-like "password@host" around it); weaker ones mask what is left of them.
    .sort((a, b) => a.start - b.start || strongerFirst(a, b));
  let out = '';
  let cursor = 0;
  for (const f of spans) {
    if (f.end <= cursor) continue;
    const from = Math.max(f.start, cursor);
    out += text.slice(cursor, from) + mask(f, text.slice(from, f.end));
    cursor = f.end;
  }
  return out + text.slice(cursor);
}
