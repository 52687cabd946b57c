/**
 * What a finding covers, for a terminal: the words of an injection finding (what to look for in the
 * text), and only the ends of a PII or secret value, so that a scan printed to a shared terminal or a CI
 * log does not leak what it found.
 */

const INJECTION_SHOWN = 60;
// Values shorter than this show no characters at all: two at each end would be most of them.
const SHOW_ENDS_FROM = 10;
const MAX_STARS = 16;

// Characters a terminal draws as nothing, or that reorder the rest of the line: format characters (bidi
// controls, zero-width spaces and joiners, soft hyphens, word joiners), fillers and variation selectors,
// and the tag block (U+E0000-U+E03FF: tag characters and the variation selectors supplement).
const INVISIBLE =
  /\u034f|\u180b|\u180c|\u180d|\u180f|[\ufe00-\ufe0f]|[\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0]|\udb40[\udc00-\udfff]/g;
// A run of tag characters that spell printable ASCII: text hidden from the reader, shown as what it says.
const TAG_RUN = /(?:\udb40[\udc20-\udc7e])+/g;

/** `quoted` (JSON-quoted text) with its invisible characters made visible. */
function showInvisible(quoted: string): string {
  return quoted
    .replace(TAG_RUN, (run) => {
      let ascii = '';
      for (const ch of run) ascii += String.fromCharCode(ch.codePointAt(0)! - 0xe0000);
      return `⟦hidden: ${ascii}⟧`;
    })
    .replace(INVISIBLE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/** A quoted excerpt of `text[start, end)` for a finding of `kind`, safe to print. */
export function findingExcerpt(
  text: string,
  finding: { readonly kind: string; readonly start: number; readonly end: number },
): string {
  const chars = Array.from(text.slice(finding.start, finding.end));
  if (finding.kind === 'injection') {
    const shown =
      chars.length > INJECTION_SHOWN ? `${chars.slice(0, INJECTION_SHOWN).join('')}...` : chars.join('');
    // JSON quoting escapes newlines and control characters: the excerpt cannot drive the terminal. What
    // the terminal would not draw is written out, so the excerpt shows what the finding is about.
    return showInvisible(JSON.stringify(shown));
  }
  const ends = chars.length >= SHOW_ENDS_FROM;
  const stars = '*'.repeat(Math.min(MAX_STARS, Math.max(1, chars.length - (ends ? 4 : 0))));
  return JSON.stringify(ends ? `${chars.slice(0, 2).join('')}${stars}${chars.slice(-2).join('')}` : stars);
}
