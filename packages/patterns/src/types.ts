/** What a pattern detects: an attack on the model, personal data, or a credential. */
export type PatternKind = 'injection' | 'pii' | 'secret';

/** Every pattern kind, in the order reports list them. */
export const patternKinds: readonly PatternKind[] = ['injection', 'pii', 'secret'];

/** How bad a match is; ordered critical > high > medium > low. */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** Every severity, worst first. */
export const severities: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** Prompt-injection categories, in the order reports list them. */
export const injectionCategories = [
  'direct_override',
  'role_manipulation',
  'jailbreak',
  'context_injection',
  'instruction_override',
  'system_prompt_leakage',
  'output_format_manipulation',
  'multi_turn',
  'encoding_bypass',
  'advanced_evasion',
] as const;

/** PII categories; secrets use `credentials`. */
export const piiCategories = [
  'identification',
  'financial',
  'contact',
  'health',
  'location',
  'biometric',
  'credentials',
  'sensitive',
] as const;

/** One prompt-injection category id. */
export type InjectionCategory = (typeof injectionCategories)[number];

/** One PII (or secret) category id. */
export type PiiCategory = (typeof piiCategories)[number];

/**
 * Where a decoded finding came from before decoding: base64, hex, percent-encoding (url), HTML character
 * references (html), \u escapes (escape), 8-bit binary, Morse code, the text reversed or in Atbash,
 * characters spaced out by a separator ("i-g-n-o-r-e"), ROT13, bytes in variation selectors (selectors),
 * words split by empty HTML tags (markup), letters written upside down, in runes or in Braille, e-mail
 * quoted-printable, letters as their places in the alphabet (a1z26), decimal character codes (decimal),
 * base32, or letters spelled in the NATO phonetic alphabet (nato).
 */
export const decodedFromKinds = [
  'base64',
  'hex',
  'url',
  'html',
  'escape',
  'binary',
  'morse',
  'reversed',
  'atbash',
  'spaced',
  'rot13',
  'selectors',
  'markup',
  'upsidedown',
  'runes',
  'braille',
  'quoted-printable',
  'a1z26',
  'decimal',
  'base32',
  'nato',
] as const;

/** Where a decoded finding came from before decoding. */
export type DecodedFrom = (typeof decodedFromKinds)[number];

/** The text a rule's regex reads: `source` for the text as sent (see PatternDefinition.view). */
export type PatternView = 'source';

/** Examples checked by the test suite: positives must match, negatives must not. */
export interface PatternExamples {
  readonly positive: readonly string[];
  readonly negative: readonly string[];
}

/** One detection rule as written in a pattern file. */
export interface PatternDefinition {
  readonly id: string;
  readonly kind: PatternKind;
  readonly category: string;
  readonly severity: Severity;
  readonly description: string;
  /**
   * Lowercase literals, one of which every match contains. The engine derives such anchors from the
   * regex itself (sound by construction); these are used only when it cannot (no literal in the regex).
   */
  readonly literals?: readonly string[];
  /**
   * Digits one digit run must hold before the regex is tried, for rules without rare anchors; capped at
   * what the regex guarantees, so a too-high value cannot hide matches.
   */
  readonly minDigits?: number;
  /** Characters either side of a hit a regex with an unbounded quantifier may need (default 1024). */
  readonly window?: number;
  /** Regular-expression source; macros `<gap:N>` (up to N filler words) and `<sep>` are expanded. */
  readonly regex: string;
  /** Match case-sensitively (default: case-insensitive). */
  readonly caseSensitive?: boolean;
  /**
   * Injection rules only: `source` runs the regex on the text as sent, before normalising, for what
   * normalising removes or decodes (invisible characters, Unicode tag characters, variation
   * selectors). Such a rule has no prefilter, and reads only texts that hold a character outside
   * printable ASCII and ASCII whitespace: on any other text the normalised view says the same.
   */
  readonly view?: PatternView;
  /** Capture group holding the reported span (default: the whole match). */
  readonly group?: number;
  /** Words that, near a PII candidate, raise its confidence. */
  readonly context?: readonly string[];
  /** Drop a candidate with no context word nearby (for weak numeric shapes). */
  readonly contextRequired?: boolean;
  /**
   * A regex for the weak shapes of a rule whose strong shapes stand alone: a value it matches whole
   * needs a context word, as with `contextRequired` (an SSN written 536-22-1234 stands alone; nine bare
   * digits are an order or issue number until "SSN" is near).
   */
  readonly weakShape?: string;
  /** Named checksum or parser from the validator registry. */
  readonly validator?: string;
  /**
   * Secrets only: keep values that look like placeholders ("xxxx", "EXAMPLE", "<token>"), which are
   * dropped by default; for key blocks whose bodies legitimately hold runs like "AAAAAA".
   */
  readonly keepPlaceholders?: boolean;
  /** Confidence (0..1) of a bare regex match before context and validation. */
  readonly confidence?: number;
  /** Weight of an injection match in the injection score (default from severity). */
  readonly weight?: number;
  /** Compliance regimes the data falls under (GDPR, HIPAA, PCI-DSS, CCPA...). */
  readonly compliance?: readonly string[];
  readonly examples: PatternExamples;
}

/** A versioned set of patterns plus the injection attack payloads used by mutators. */
export interface PatternDatabase {
  readonly version: string;
  readonly patterns: readonly PatternDefinition[];
  /** Attack payloads per injection category, sent to agents by the injection mutators. */
  readonly attacks?: Readonly<Record<string, readonly string[]>>;
}

/** One match, with offsets into the original text (end exclusive). */
export interface Finding {
  readonly kind: PatternKind;
  readonly id: string;
  readonly category: string;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  /** True when a checksum or parser confirmed the value. */
  readonly validated: boolean;
  /** Confidence 0..1 after context words and validation. */
  readonly confidence: number;
  /** Set when the match was found inside a decoded segment; start/end then cover that segment. */
  readonly decodedFrom?: DecodedFrom;
}

/** The verdict on one text. */
export interface ScanResult {
  readonly injection: { readonly flagged: boolean; readonly score: number };
  readonly findings: readonly Finding[];
}

/** Knobs for one scan. */
export interface ScanOptions {
  /** Kinds to look for (default: all). */
  readonly kinds?: readonly PatternKind[];
  /** Drop findings below this severity. */
  readonly minSeverity?: Severity;
  /** Decode base64/hex/url/rot13 segments and scan them too (default true). */
  readonly decode?: boolean;
  /** Drop PII/secret findings below this confidence (default 0.5). */
  readonly minConfidence?: number;
  /** Injection score at or above which `flagged` is true (default 0.5). */
  readonly threshold?: number;
}

/** Knobs for redaction. */
export interface RedactOptions {
  /** Kinds to mask (default: pii and secret). */
  readonly kinds?: readonly PatternKind[];
  /** Replacement for a finding (default `[REDACTED:<id>]`). */
  readonly mask?: (finding: Finding, original: string) => string;
  readonly minConfidence?: number;
}

/** Counts of the loaded database, for `flakestorm patterns`. */
export interface DatabaseStats {
  readonly version: string;
  readonly total: number;
  readonly byKind: Readonly<Record<PatternKind, number>>;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly byKindAndCategory: Readonly<Record<PatternKind, Readonly<Record<string, number>>>>;
  /** Milliseconds the last compile took. */
  readonly compileMs: number;
}

/** A compiled, hot-swappable scanner. */
export interface Scanner {
  scan(text: string, options?: ScanOptions): ScanResult;
  redact(text: string, options?: RedactOptions): string;
  /** Compile and validate `db`, then swap it in; throws PatternError and keeps the old one if invalid. */
  update(db: PatternDatabase): void;
  stats(): DatabaseStats;
  /** The database currently in use. */
  database(): PatternDatabase;
}

/** Numeric order of severities, for `minSeverity`. */
export const severityRank: Readonly<Record<Severity, number>> = { critical: 3, high: 2, medium: 1, low: 0 };
