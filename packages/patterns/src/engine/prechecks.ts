/**
 * Hand-written necessary conditions for shipped rules whose anchors cannot gate them (no literal, or
 * only letters every text has): a loop of indexOf/charCode tests answers "no match possible" for most
 * texts in a fraction of the regex's time. Each check is tied to the exact regex source and flags it
 * was written for, so an edited or user-supplied pattern with the same id simply runs its regex.
 */

/** A necessary condition: false only when the rule's regex cannot match anywhere in `text`. */
export type Precheck = (text: string) => boolean;

interface Entry {
  readonly regex: string;
  readonly flags: string;
  readonly check: Precheck;
}

const isMacSeparator = (c: number): boolean => c === 58 || c === 45; // ':' '-'
const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** `xx:xx:xx:xx:xx:xx` (':' or '-' every third character, five times) or `xxxx.xxxx.xxxx`. */
function macAddress(t: string): boolean {
  for (const sep of [':', '-']) {
    for (let p = t.indexOf(sep); p >= 0 && p + 12 < t.length; p = t.indexOf(sep, p + 1)) {
      if (
        isMacSeparator(t.charCodeAt(p + 3)) &&
        isMacSeparator(t.charCodeAt(p + 6)) &&
        isMacSeparator(t.charCodeAt(p + 9)) &&
        isMacSeparator(t.charCodeAt(p + 12))
      )
        return true;
    }
  }
  for (let p = t.indexOf('.'); p >= 0; p = t.indexOf('.', p + 1)) {
    if (
      t.charCodeAt(p + 5) === 46 &&
      isHex(t.charCodeAt(p + 1)) &&
      isHex(t.charCodeAt(p + 2)) &&
      isHex(t.charCodeAt(p + 3)) &&
      isHex(t.charCodeAt(p + 4))
    )
      return true;
  }
  return false;
}

/** Seven single letters in a row need six spaces two characters apart. */
function letterSpacing(t: string): boolean {
  for (let q = t.indexOf(' '); q >= 0 && q + 10 < t.length; q = t.indexOf(' ', q + 1)) {
    if (
      t.charCodeAt(q + 2) === 32 &&
      t.charCodeAt(q + 4) === 32 &&
      t.charCodeAt(q + 6) === 32 &&
      t.charCodeAt(q + 8) === 32 &&
      t.charCodeAt(q + 10) === 32
    )
      return true;
  }
  return false;
}

/** Every EU VAT number holds a run of at least eight of [0-9A-Z] (case-sensitive pattern). */
function upperDigitRun(t: string): boolean {
  let run = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) {
      if (++run >= 8) return true;
    } else run = 0;
  }
  return false;
}

const ENTRIES: readonly Entry[] = [
  {
    regex:
      '[0-9a-f]{2}(?<![\\w-][0-9a-f]{2})(?:(?:[:-][0-9a-f]{2}){5}|[0-9a-f]{2}\\.[0-9a-f]{4}\\.[0-9a-f]{4})(?![\\w-])',
    flags: 'gi',
    check: macAddress,
  },
  { regex: '\\b(?:[a-z] ){6,40}[a-z]\\b', flags: 'gi', check: letterSpacing },
  {
    regex:
      '(?<![\\w-])(?:AT ?U\\d{8}|BE ?[01]\\d{9}|DE ?\\d{9}|DK ?\\d{8}|FI ?\\d{8}|FR ?[0-9A-Z]{2}\\d{9}|IT ?\\d{11}|NL ?\\d{9}B\\d{2}|PL ?\\d{10}|(?:ES|SE|PT|IE|LU|CZ|SK|HU|RO|BG|HR|SI|EE|LV|LT|CY|MT|EL) ?[0-9A-Z]{8,12})(?![\\w-])',
    flags: 'g',
    check: upperDigitRun,
  },
];

/** The precheck written for exactly this regex source and flags, if any. */
export function precheckFor(regex: string, flags: string): Precheck | undefined {
  for (const e of ENTRIES) if (e.regex === regex && e.flags === flags) return e.check;
  return undefined;
}

/** Regex sources (and flags) that have a precheck; tests check each still belongs to a shipped rule. */
export function precheckedSources(): readonly { readonly regex: string; readonly flags: string }[] {
  return ENTRIES.map(({ regex, flags }) => ({ regex, flags }));
}
