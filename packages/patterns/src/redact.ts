/** Masking of PII and secrets, for reports and stored responses. */
import type { Finding, RedactOptions, ScanResult } from './types.js';

/** The default mask: `[REDACTED:<pattern id>]`. */
export function defaultMask(finding: Finding): string {
  return `[REDACTED:${finding.id}]`;
}

/** Replaces the spans of `result`'s PII/secret findings in `text`; overlapping spans merge. */
export function applyRedaction(text: string, result: ScanResult, options: RedactOptions = {}): string {
  const kinds = new Set(options.kinds ?? ['pii', 'secret']);
  const mask = options.mask ?? defaultMask;
  const spans = result.findings
    .filter((f) => kinds.has(f.kind))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const f of spans) {
    if (f.start < cursor) continue; // nested in, or overlapping, a span already masked
    out += text.slice(cursor, f.start) + mask(f, text.slice(f.start, f.end));
    cursor = f.end;
  }
  return out + text.slice(cursor);
}
