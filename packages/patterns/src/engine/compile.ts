/**
 * Compiles a validated database into matching structures: per rule its regex, validator, anchors
 * (derived from the regex) and window radius; per database the Aho-Corasick automata over every
 * anchor of every view (see trigger-table.ts). Compilation is all-or-nothing so a hot swap never sees
 * half a database.
 */
import { flagsOf, parsedRegexOf, parsePatternDatabase } from '../database.js';
import type { PatternDatabase, PatternDefinition, PatternKind, Severity } from '../types.js';
import { getValidator, type Validator } from '../validators/registry.js';
import { NO_ANALYSIS, regexAnalysis } from './analysis.js';
import { compactAnchors, setQuality } from './anchors.js';
import { withoutCase } from './caseless.js';
import { contextForm } from './context-forms.js';
import { MAX_LEADING_STRINGS } from './leading.js';
import { expandMacros, expandMacrosAtomic } from './macros.js';
import { type Precheck, precheckFor } from './prechecks.js';
import { parseRegexSource } from './regex-ast.js';
import { buildTriggers, type TriggerTable } from './trigger-table.js';

/** How a rule is gated before its regex runs. */
export type RuleGate = 'anchor' | 'digits' | 'always';

/** Bits of digit counts: 1 << n in `low` for n < 32, 1 << (n - 32) in `high` for n < 64. */
export interface DigitCounts {
  readonly low: number;
  readonly high: number;
}

/** The bits of the counts from `least` to `most` (counts of 64 and more are left out). */
export function digitCountBits(least: number, most: number): DigitCounts {
  let low = 0;
  let high = 0;
  for (let n = least; n <= Math.min(most, 63); n++) {
    if (n < 32) low |= 1 << n;
    else high |= 1 << (n - 32);
  }
  return { low, high };
}

/** A rule ready to run. */
export interface CompiledRule {
  readonly def: PatternDefinition;
  // Fields of `def` the scan reads at every match, copied here: definitions come in as many shapes as
  // their optional fields make (39 in the built-in database), and a property read over that many shapes
  // goes through V8's slowest lookup, where every compiled rule has one shape.
  readonly kind: PatternKind;
  readonly id: string;
  readonly category: string;
  readonly severity: Severity;
  /** The reported group (0: the whole match). */
  readonly group: number;
  /** Base confidence of a finding (PatternDefinition.confidence, 0.6 by default). */
  readonly confidence: number;
  readonly contextRequired: boolean;
  readonly keepPlaceholders: boolean;
  /** Matches the rule reports on one text at most. */
  readonly cap: number;
  /**
   * The source and flags of the regex the scan runs: for injection rules, without `i` where that changes
   * nothing (caseless.ts). Its RegExp objects are made on first use (run-rule.ts): V8 parses a source
   * when the object is made, a cold compile did that for every rule, and most rules only ever run sticky.
   */
  readonly source: string;
  readonly flags: string;
  /** The global regex, made on first use (run-rule.ts). */
  regex: RegExp | undefined;
  readonly validator: Validator | undefined;
  readonly context: readonly string[];
  /** The rule's weak shapes (PatternDefinition.weakShape): a value matching it needs a context word. */
  readonly weakShape: RegExp | undefined;
  /** Contribution to the injection score. */
  readonly weight: number;
  /** Characters either side of an anchor or digit run the regex needs to see. */
  readonly radius: number;
  readonly minDigits: number;
  readonly gate: RuleGate;
  /** Lowercase strings one of which every match contains (empty unless gate is 'anchor'). */
  readonly anchors: readonly string[];
  /** A second set every match also contains; the rule runs only if both occur. */
  readonly also: readonly string[];
  /**
   * Strings one of which starts every match (see leading.ts); when set, the scan records where they
   * occur and runs the regex sticky at those places only, and `anchors` merely gate the rule.
   */
  readonly leading: readonly string[];
  /** How many strings the analysis found its matches start with (0 when none): over MAX_LEADING_STRINGS, none are used. */
  readonly startStrings: number;
  /** Every match starts a digit run after a non-word character (see startsDigitRunOnly). */
  readonly digitStart: boolean;
  /** The digit counts a match can hold, when every match is a whole number of one digit run. */
  readonly digitCounts: DigitCounts | undefined;
  /** Every match contains a run of this many ASCII letters and digits (the scan skips texts without). */
  readonly alnumRun: number;
  /** Likewise for runs of token characters (letters, digits, + / _ -). */
  readonly tokenRun: number;
  /** ASCII letters every match holds (the scan skips texts with fewer; 0 for injection rules). */
  readonly letters: number;
  /** Digits every match holds in a row (the scan skips texts without such a row; 0 for injection). */
  readonly digitStretch: number;
  /** A cheap necessary condition checked before the regex runs (see prechecks.ts). */
  readonly precheck: Precheck | undefined;
  /** `regex` with the sticky flag, made on first use (run-rule.ts). */
  sticky: RegExp | undefined;
  /** `regex` sticky and with match indices, made when a reported group's place is ambiguous (run-rule.ts). */
  withIndices: RegExp | undefined;
  /** `context` as one global search, longest word first, made on first use (scan.ts). */
  contextSearch: RegExp | undefined;
}

/** Rules of one view (injection on the folded view; PII and secrets on the plain view). */
export interface ViewIndex {
  readonly rules: readonly CompiledRule[];
  /** Rules gated by digit runs of at least `minDigits` digits. */
  readonly digitRules: readonly number[];
  /** Rules that run on every text (no anchor and no digit requirement). */
  readonly alwaysRules: readonly number[];
  /** Smallest `minDigits` among digit rules (Infinity when none). */
  readonly minDigits: number;
}

/** The compiled, immutable form of a database. */
export interface CompiledDatabase {
  readonly db: PatternDatabase;
  readonly injection: ViewIndex;
  readonly data: ViewIndex;
  /** Injection rules on the text as sent (PatternDefinition.view): no automaton gates them. */
  readonly source: readonly CompiledRule[];
  readonly table: TriggerTable;
  readonly compileMs: number;
}

// performance.now() where available (Node, browsers); no platform typings needed.
const now = (): number =>
  (globalThis as { performance?: { now(): number } }).performance?.now() ?? Date.now();

// Caps the matches one injection rule reports on one text (a 1 MB input repeating one attack): its 256th
// hit adds nothing to the score. PII and secret rules have no cap: redaction must mask every one (a cap
// of 5,000 left 2,705 of a 1 MB log's 7,705 e-mail addresses readable), and the cost stays linear,
// since each match consumes its characters of the text.
const MAX_INJECTION_MATCHES_PER_RULE = 256;
const DEFAULT_CONFIDENCE = 0.6;

const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = {
  critical: 0.9,
  high: 0.7,
  medium: 0.5,
  low: 0.3,
};

// Anchors weaker than this (single letters, bare punctuation) lose to a digit-run gate when there is one.
const DIGIT_GATE_BELOW = 3;
// Radius for a regex with an unbounded quantifier (no finite longest match), unless the rule sets `window`.
const UNBOUNDED_RADIUS = 1024;

// A space or a bare '.' or '-' occurs in every text: such a rule simply runs always, which costs the
// same regex pass without an automaton hit on every character.
const MIN_ANCHOR_QUALITY = 1;
/**
 * Anchors worth automaton hits: no bare space or everyday punctuation (MIN_ANCHOR_QUALITY), and no
 * single letter or digit ("o" of a case-sensitive token prefix): those occur in every text.
 */
function usableAnchors(set: readonly string[], quality: number): boolean {
  if (set.length === 0 || quality < MIN_ANCHOR_QUALITY) return false;
  // A loop and one regex: a literal inside the callback made a RegExp per string, a megabyte of the
  // garbage a cold compile collects.
  for (let k = 0; k < set.length; k++) if (LONE_LETTER_OR_DIGIT.test(set[k]!)) return false;
  return true;
}
const LONE_LETTER_OR_DIGIT = /^\s*[a-z0-9]\s*$/;
const MIN_ALSO_QUALITY = 2.5;
// Anchors that lose to a digit gate are worth a check when no bare two-letter bigram ("st", "dr") is
// among them: those occur in nearly every text, and each occurrence is an automaton hit.
const MIN_LOST_ANCHOR_QUALITY = 2.25;

// `(?<![X])A{m,n}...` at the very start of a regex: V8 cannot skip ahead over a leading lookbehind and
// tries it at every position; consuming one A first lets its quick character check reject most positions.
const LEADING_LOOKBEHIND =
  /^\(\?<!(\[(?:\\.|[^\]\\])+\])\)(\\[dw]|\[(?:\\.|[^\]\\])+\]|[A-Za-z0-9])(\{(\d+)(?:,(\d*))?\}|\+)?/;

/** Rewrites a leading one-character negative lookbehind so the first atom is consumed before it. */
export function consumeBeforeLookbehind(source: string): string {
  if (!source.startsWith('(?<![')) return source; // most rules: no match array to make
  const m = LEADING_LOOKBEHIND.exec(source);
  if (!m) return source;
  const [whole, not, atom, quantifier, min, max] = m;
  if (/^[?*+{]/.test(source.slice(whole!.length))) return source; // optional or lazy: leave it alone
  let rest: string;
  if (quantifier === undefined) rest = '';
  else if (quantifier === '+') rest = `${atom}*`;
  else {
    const lo = Number(min);
    if (lo < 1) return source;
    const hi = max === undefined ? `${lo - 1}` : max === '' ? '' : `${Number(max) - 1}`;
    rest = max === undefined ? (lo === 1 ? '' : `${atom}{${hi}}`) : `${atom}{${lo - 1},${hi}}`;
  }
  return `${atom}(?<!${not}${atom})${rest}${source.slice(whole!.length)}`;
}

/** A pattern's regex as written (macros expanded, its own flags), in the form the engine runs. */
export function patternRegex(def: PatternDefinition): RegExp {
  return new RegExp(consumeBeforeLookbehind(expandMacros(def.regex)), flagsOf(def));
}

function compileRule(def: PatternDefinition): CompiledRule {
  // parsePatternDatabase has already compiled and vetted the regex; this only builds the instance.
  const source = expandMacros(def.regex);
  const flags = flagsOf(def);
  const runSource = consumeBeforeLookbehind(source);
  // Gaps with atomic words (same matches, less backtracking), unless a numbered group is reported.
  const atomicSource = def.group === undefined || def.group === 0 ? expandMacrosAtomic(def.regex) : source;
  const atomic = atomicSource === source ? runSource : consumeBeforeLookbehind(atomicSource);
  // Parsed once (by validation); only needed when the analysis is neither stored nor memoised. Rules on
  // the text as sent need none: nothing gates them.
  const analysis =
    def.view === 'source'
      ? NO_ANALYSIS
      : regexAnalysis(source, flags, () => {
          const parsed = parsedRegexOf(def);
          if (parsed !== undefined) return parsed;
          try {
            return parseRegexSource(source);
          } catch {
            return undefined;
          }
        });
  const derived = analysis.anchors;
  // Injection rules run on the lowercase (leet-folded) view only; those on the text as sent have
  // NO_ANALYSIS, which is never caseless.
  const caseless = def.kind === 'injection' && analysis.caseless;
  // Digits every match holds in one run gate the rule cheaply. A declared minDigits above what the
  // regex guarantees would hide real matches ("010594Y9032": the century sign splits the run), so the
  // derived bound caps it. Digit runs are collected for PII and secret rules only, on the plain view:
  // an injection rule gated by one would never run (and leetspeak folding turns digits into letters).
  const minDigits =
    def.kind === 'injection' ? 0 : Math.min(def.minDigits ?? analysis.minDigitRun, analysis.minDigitRun);
  // Derived anchors are sound by construction; a pattern's own literals are used only when the regex
  // yields none (the author knows something the analysis cannot see).
  const declared = def.literals && def.literals.length > 0 ? def.literals : undefined;
  const anchors = derived.literals ?? compactAnchors(declared ?? []);
  // The analysis scored its sets already (see setQuality).
  const score = derived.literals ? derived.score : setQuality(anchors);
  // Context words are looked for in the normalised lowercase view, so they are normalised the same way
  // ("sécurité sociale" is found as "securite sociale", where the text has lost its accents).
  const context = [...new Set((def.context ?? []).map(contextForm))].filter((w) => w !== '');
  // Only a second set of rare strings is worth its automaton hits.
  const alsoSet = derived.literals ? (derived.also ?? []) : [];
  let also = derived.literals && analysis.alsoScore >= MIN_ALSO_QUALITY ? alsoSet : [];
  // A finding that needs a context word (and has no checksum that could vouch for it instead) can only
  // come from a text holding one of those words: they are the rule's second set.
  const checksum = def.validator !== undefined && def.validator !== 'not_repeated';
  if (
    def.kind !== 'injection' &&
    def.contextRequired &&
    !checksum &&
    also.length === 0 &&
    def.context?.length
  )
    also = compactAnchors(context);
  const leadingSet =
    analysis.leading !== undefined && analysis.leading.length <= MAX_LEADING_STRINGS ? analysis.leading : [];
  // A set gates a rule when it is rare enough, and rarer than a digit run where the rule has one.
  const gates = (set: readonly string[], quality: number): boolean =>
    usableAnchors(set, quality) && !(minDigits > 0 && quality < DIGIT_GATE_BELOW);
  const anchorsGate = gates(anchors, score);
  // A rule with leading literals runs anchored at their occurrences (even common words: they are few
  // per text); its anchors then only gate it (see buildTriggers). A case-sensitive regex is the
  // exception for short ones: "de" of "DE123456789" starts every "decide", where V8's own search
  // skips to the capitals.
  const leadQuality = leadingSet.length > 0 ? analysis.leadingScore : 0;
  const usableLeading =
    usableAnchors(leadingSet, leadQuality) && !(!flags.includes('i') && leadQuality < DIGIT_GATE_BELOW);
  const leading = usableLeading && (anchorsGate || gates(leadingSet, leadQuality)) ? leadingSet : [];
  let gate: RuleGate = 'always';
  if (anchorsGate || leading.length > 0) gate = 'anchor';
  else if (minDigits > 0) gate = 'digits';
  // Anchors that lost to a digit run still say which texts can match at all: "Kalverstraat 92" needs a
  // street word somewhere, so a megabyte of digits without one no longer runs the regex around each run.
  if (gate === 'digits' && also.length === 0 && score >= MIN_LOST_ANCHOR_QUALITY)
    also = anchors.some((a) => /\D/.test(a)) ? anchors : [];
  const unboundedReach = Math.max(def.window ?? UNBOUNDED_RADIUS, 16);
  const reach = Number.isFinite(derived.maxLength) ? derived.maxLength : unboundedReach;
  // An unbounded lookaround (`(?!\s\p{L}*)`) reads as far as an unbounded match: the radius must stay
  // finite, or the automaton's Int32 table would store it as 0 and windows would shrink to the hit.
  const lookaround = Number.isFinite(derived.lookaround) ? derived.lookaround : unboundedReach;
  return {
    def,
    kind: def.kind,
    id: def.id,
    category: def.category,
    severity: def.severity,
    group: def.group ?? 0,
    confidence: def.confidence ?? DEFAULT_CONFIDENCE,
    contextRequired: def.contextRequired === true,
    keepPlaceholders: def.keepPlaceholders === true,
    cap: def.kind === 'injection' ? MAX_INJECTION_MATCHES_PER_RULE : Number.POSITIVE_INFINITY,
    source: atomic,
    flags: caseless ? withoutCase(flags) : flags,
    regex: undefined,
    validator: def.validator === undefined ? undefined : getValidator(def.validator),
    context,
    weakShape: def.weakShape === undefined ? undefined : new RegExp(def.weakShape),
    weight: def.weight ?? SEVERITY_WEIGHT[def.severity],
    radius: reach + lookaround + 2,
    minDigits,
    gate,
    anchors: anchorsGate ? anchors : [],
    also: gate === 'always' ? [] : also,
    leading,
    startStrings: analysis.leading?.length ?? 0,
    digitStart: gate === 'digits' && analysis.digitStartOnly,
    digitCounts:
      gate === 'digits' && analysis.numberDigits !== undefined
        ? digitCountBits(analysis.numberDigits[0], analysis.numberDigits[1])
        : undefined,
    alnumRun: def.kind === 'injection' ? 0 : analysis.alnumRun,
    tokenRun: def.kind === 'injection' ? 0 : analysis.tokenRun,
    letters: def.kind === 'injection' ? 0 : analysis.letters,
    digitStretch: def.kind === 'injection' ? 0 : analysis.digitStretch,
    precheck: precheckFor(def.regex, flags),
    sticky: undefined,
    withIndices: undefined,
    contextSearch: undefined,
  };
}

function buildView(rules: CompiledRule[]): ViewIndex {
  const digitRules: number[] = [];
  const alwaysRules: number[] = [];
  let minDigits = Number.POSITIVE_INFINITY;
  rules.forEach((rule, i) => {
    if (rule.gate === 'digits') {
      digitRules.push(i);
      minDigits = Math.min(minDigits, rule.minDigits);
    } else if (rule.gate === 'always') alwaysRules.push(i);
  });
  digitRules.sort((a, b) => rules[a]!.minDigits - rules[b]!.minDigits);
  return { rules, digitRules, alwaysRules, minDigits };
}

/** Validates and compiles `db`; throws PatternError without side effects if anything is wrong. */
export function compileDatabase(db: PatternDatabase): CompiledDatabase {
  const t0 = now();
  const parsed = parsePatternDatabase(db);
  const rules = parsed.patterns.map(compileRule);
  const ofKinds = (kinds: readonly PatternKind[]): CompiledRule[] =>
    rules.filter((r) => kinds.includes(r.def.kind) && r.def.view === undefined);
  const injection = buildView(ofKinds(['injection']));
  const data = buildView(ofKinds(['pii', 'secret']));
  const source = rules.filter((r) => r.def.view === 'source');
  const table = buildTriggers(injection, data);
  return { db: parsed, injection, data, source, table, compileMs: now() - t0 };
}
