/**
 * Hand-written necessary conditions for shipped rules whose anchors cannot gate them (no literal, only
 * letters every text has, or one character such as e-mail's '@'): a few indexOf/charCode tests or one
 * native search answer "no match possible" for most texts in a fraction of the regex's time. Each
 * check is tied to the exact regex source and flags it was written for, so an edited or user-supplied
 * pattern with the same id simply runs its regex. Only checks measured faster than their regex are
 * kept: eu_vat (case-sensitive, so V8 skips ahead on its first character) runs faster as a regex than
 * any hand loop tried here.
 */

/**
 * Shapes of a text measured by the automaton pass (on every view it reads, so they hold for each):
 * reading them costs nothing more, where a search of its own costs a pass over the text.
 */
export interface TextShapes {
  /** Longest run of the separator marks - = * # _ ~. */
  readonly markRun: number;
  /** Longest run of one-character words each followed by a space ("a b c " is 3). */
  readonly spacedWords: number;
  /** Most ':' or '-' in a row each three characters after the last ("00:1a:2b:" is 3). */
  readonly hexPairSeparators: number;
  /** Most '.' in a row each five characters after the last ("001a.2b3c.4d5e" is 2). */
  readonly hexQuadDots: number;
}

/**
 * A necessary condition: false only when no match of the rule's regex in `text` can become a finding
 * (the regex cannot match, or its rule's validator would reject every match).
 */
export type Precheck = (text: string, shapes: TextShapes) => boolean;

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

/** Four separator marks in a row ("----", "=*=*"), or a backslash that may start an escaped "\\n". */
const separatorRun: Precheck = (t, shapes) => shapes.markRun >= 4 || t.includes('\\');

/** Seven one-letter words in a row ("i g n o r e x"): six of them followed by a space. */
const spacedLetters: Precheck = (_t, shapes) => shapes.spacedWords >= 6;

// Every e-mail address has an '@' followed by the letter or digit that starts its domain; a native
// search for that pair is far cheaper than the address regex trying every word start before an '@'.
const AT_THEN_ALNUM = /@[a-z0-9]/i;

// Every IPv6 address the validator accepts holds "::", or seven groups in a row (six before an IPv4
// tail): a ':' then "::" or five more "hex:" and a hex digit. Times ("12:30:45") match the regex but never
// this, and the check starts with ':' so V8 skips to the colons (0.5 ms a megabyte of logs, where the
// regex itself took 6).
const COMPRESSED_OR_SEVEN_GROUPS = /:(?::|(?:[0-9a-f]{1,4}:){5}[0-9a-f])/i;
// Every quoted password value: a quote and six characters that are neither quotes nor spaces.
const QUOTED_VALUE = /["'][^\s"']{6}/;

// Street addresses: a house number's last digit, perhaps a letter, a space and a capital.
const NUMBER_THEN_CAPITAL = /\d[A-Za-z]?\s[A-Z]/;
// GPS pairs: a latitude's four or more decimals right before the comma, or a degree sign.
const COORDINATE_SIGN = /\.\d{4,8},|°/;
// UK postcodes: a finding is either printed (an inward code of a digit and two capitals) or has one of the
// rule's address words in the text. Two native searches: a megabyte of log lines takes about 2.3 ms
// (sixteen includes() of the words' tails in both cases took 5).
const PRINTED_INWARD = /\d[A-Z]{2}(?![\w-])/;
const ADDRESS_WORD = /postcode|post code|address|london|\buk|street|road/i;
// German pension insurance numbers: the birth name's initial between the date and the serial.
const DIGIT_LETTER_DIGITS = /\d ?[a-z] ?\d{3}/i;
// Indian PAN: a letter, four digits, a letter.
const LETTER_FOUR_DIGITS_LETTER = /[a-z]\d{4}[a-z]/i;

const ENTRIES: readonly Entry[] = [
  {
    regex: String.raw`(?<![\w-])\d{1,6}[A-Za-z]?\s(?:[A-Z][A-Za-z0-9.'-]{1,19}\s){1,4}(?:[Ss]treet|St|[Aa]venue|Ave|[Rr]oad|Rd|[Bb]oulevard|Blvd|[Ll]ane|Ln|[Dd]rive|Dr|[Cc]ourt|Ct|[Pp]lace|Pl|[Ss]quare|Sq|[Tt]errace|[Ww]ay|[Pp]arkway|Pkwy|[Hh]ighway|Hwy|[Cc]ircle|Cir|STREET|AVENUE|ROAD)\.?(?:,?\s(?:[Aa]pt|[Ss]uite|Ste|[Uu]nit|#)\.?\s?[A-Za-z0-9-]{1,6})?(?:\s(?:NW|NE|SW|SE|N|S|E|W))?(?![\w-])`,
    flags: 'g',
    check: (t) => NUMBER_THEN_CAPITAL.test(t),
  },
  {
    regex: String.raw`(?<![\w.-])(-?\d{1,2}\.\d{4,8}),\s?(-?\d{1,3}\.\d{4,8})(?!\w|\.\d)|(?<![\w.-])\d{1,3}(?:\.\d{1,8})?°(?:\s?\d{1,2}(?:\.\d{1,4})?['′](?:\s?\d{1,2}(?:\.\d{1,4})?(?:"|″|''))?)?\s?[ns],?\s{0,2}\d{1,3}(?:\.\d{1,8})?°(?:\s?\d{1,2}(?:\.\d{1,4})?['′](?:\s?\d{1,2}(?:\.\d{1,4})?(?:"|″|''))?)?\s?[ew](?!\w)`,
    flags: 'gi',
    check: (t) => COORDINATE_SIGN.test(t),
  },
  {
    regex: String.raw`(?<![\w-])(?:gir ?0aa|[a-pr-uwyz](?:\d[a-hjkps-uw\d]?|[a-hk-y]\d[abehmnprv-y\d]?) ?\d[abd-hjlnp-uw-z]{2})(?![\w-])`,
    flags: 'gi',
    check: (t) => PRINTED_INWARD.test(t) || ADDRESS_WORD.test(t),
  },
  {
    regex: String.raw`(?<![\w-])\d{2} ?\d{6} ?[a-z] ?\d{3}(?![\w-])`,
    flags: 'gi',
    check: (t) => DIGIT_LETTER_DIGITS.test(t),
  },
  {
    // Czech and Slovak birth numbers: the slash.
    regex: String.raw`(?<![\w/.-])\d{2}[0-35-8]\d[0-3]\d ?/ ?\d{3,4}(?![\w/-]|\.\d)`,
    flags: 'gi',
    check: (t) => t.includes('/'),
  },
  {
    regex: String.raw`(?<![A-Za-z0-9_])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_])`,
    flags: 'g',
    check: (t) => t.includes('Q~'),
  },
  {
    regex: String.raw`(?<![\w-])[a-z]{3}[abcfghljpt][a-z]\d{4}[a-z](?![\w-])`,
    flags: 'gi',
    check: (t) => LETTER_FOUR_DIGITS_LETTER.test(t),
  },
  {
    regex:
      '(?<![\\w:])(?:[0-9a-f]{1,4}:){1,7}(?::|(?::[0-9a-f]{1,4}){1,7}|[0-9a-f]{1,4})(?:(?<=:)(?:\\d{1,3}\\.){3}\\d{1,3})?(?![\\w:]|\\.\\d)|(?<![\\w:])::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4}(?![\\w:]|\\.\\d)',
    flags: 'gi',
    check: (t) => COMPRESSED_OR_SEVEN_GROUPS.test(t),
  },
  {
    regex:
      '\\b(?:[\\w-]{0,30}[_.-])?(?:password|passwd|pwd|pass|pw)(?:["\']?\\s{0,3}(?:[:?+]{0,3}=|:|=>)|["\']\\s?,)\\s{0,3}["\']([^\\s"\']{6,128})["\']',
    flags: 'gi',
    check: (t) => QUOTED_VALUE.test(t),
  },
  {
    regex:
      '(?<![\\w.+-])[a-z0-9](?:[a-z0-9._%+-]{0,63})@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.){1,8}(?:[a-z]{2,24}|xn--[a-z0-9-]{2,30})(?![\\w-])',
    flags: 'gi',
    check: (t) => AT_THEN_ALNUM.test(t),
  },
  {
    regex:
      "(?:[-=*#_~](?<![-=*#_~]{2})[-=*#_~]{3,}(?![-=*#_~])(?<!(?:^|\\n)#{3,6})|\\\\(?<!\\\\\\s?n\\s?\\\\)\\s?n\\s?(?:\\\\\\s?n\\s?){2,}(?!\\\\\\s?n))\\s?(?:<gap:2>)?(?:(?:ignor(?:e|es|ed|ing|en)?|ingore|igonre|ignroe|disregard(?:s|ed|ing)?|forget(?:s|ting)?|forgot|neglect|overlook|bypass|overrid(?:e|ing)|overrule|abandon|discard|dismiss|drop|erase|delete|scrap|throw away|set aside|defy|subvert|circumvent|skip|cancel|rescind|reject|invert|overwrite|revoke|disobey|undo|nullify|omit|do not listen to|don'?t listen to|do not follow|don'?t follow|stop following|no longer follow|cease following|pay no attention to|never ?mind)|new (?:instructions?|tasks?|rules|prompts?|orders?|directives?|system|role|persona|objective|goal|mission)|system|important|attention|instructions?|generate|generieren)\\b",
    flags: 'gi',
    check: separatorRun,
  },
  { regex: '\\b(?:[a-z] ){6,40}[a-z]\\b', flags: 'gi', check: spacedLetters },
  {
    regex:
      '[0-9a-f]{2}(?<![\\w.-][0-9a-f]{2})(?:(?:[:-][0-9a-f]{2}){5}|[0-9a-f]{2}\\.[0-9a-f]{4}\\.[0-9a-f]{4})(?![\\w-]|[.:-][0-9a-f])',
    flags: 'gi',
    check: (t, shapes) => (shapes.hexPairSeparators >= 5 || shapes.hexQuadDots >= 2) && macAddress(t),
  },
];

/** The precheck written for exactly this regex source and flags, if any. */
export function precheckFor(regex: string, flags: string): Precheck | undefined {
  const e = BY_REGEX.get(regex);
  return e !== undefined && e.flags === flags ? e.check : undefined;
}

// Looked up for every rule of every compile: one hash of the source (V8 keeps it on the string), not a
// comparison with each entry's.
const BY_REGEX: ReadonlyMap<string, Entry> = new Map(ENTRIES.map((e) => [e.regex, e]));

/** Regex sources (and flags) that have a precheck; tests check each still belongs to a shipped rule. */
export function precheckedSources(): readonly { readonly regex: string; readonly flags: string }[] {
  return ENTRIES.map(({ regex, flags }) => ({ regex, flags }));
}
