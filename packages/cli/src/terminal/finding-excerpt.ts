/**
 * What a finding covers, for a terminal: the words of an injection finding (what to look for in the
 * text), and only the ends of a PII or secret value, so that a scan printed to a shared terminal or a CI
 * log does not leak what it found.
 */

const INJECTION_SHOWN = 60;
// Values shorter than this show no characters at all: two at each end would be most of them.
const SHOW_ENDS_FROM = 10;
const MAX_STARS = 16;

/** A quoted excerpt of `text[start, end)` for a finding of `kind`, safe to print. */
export function findingExcerpt(
  text: string,
  finding: { readonly kind: string; readonly start: number; readonly end: number },
): string {
  const chars = Array.from(text.slice(finding.start, finding.end));
  if (finding.kind === 'injection') {
    const shown =
      chars.length > INJECTION_SHOWN ? `${chars.slice(0, INJECTION_SHOWN).join('')}...` : chars.join('');
    // JSON quoting escapes newlines and control characters: the excerpt cannot drive the terminal.
    return JSON.stringify(shown);
  }
  const ends = chars.length >= SHOW_ENDS_FROM;
  const stars = '*'.repeat(Math.min(MAX_STARS, Math.max(1, chars.length - (ends ? 4 : 0))));
  return JSON.stringify(ends ? `${chars.slice(0, 2).join('')}${stars}${chars.slice(-2).join('')}` : stars);
}
