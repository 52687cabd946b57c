/**
 * The compiler's per-regex analysis (prefilter anchors, window reach, digit and token runs, letters),
 * memoised by regex source. Deriving anchors is most of a cold compile (~100 ms in a fresh process,
 * before V8 has optimised the walkers), so the results for the shipped patterns are precomputed in
 * data/regex-analysis.json (scripts/regex-analysis.mjs; a test keeps it equal to a fresh computation)
 * and every other regex is analysed once per process. Safety validation is not cached: it runs at load.
 */
import table from '../data/regex-analysis.json' with { type: 'json' };
import { compactAnchors, deriveAnchors, type RegexAnchors, setQuality } from './anchors.js';
import { caselessOnLowercase } from './caseless.js';
import { deriveLeading } from './leading.js';
import type { RegexNode } from './regex-ast.js';
import {
  minAlnumRun,
  minDigitRun,
  minDigitStretch,
  minLetters,
  minTokenRun,
  numberDigits,
  startsDigitRunOnly,
} from './run-shapes.js';

/** Bump when anything below (or in anchors.ts) changes what an analysis contains. */
export const ANALYSIS_VERSION = 12;

/** What the compiler derives from one regex source and its flags. */
export interface RegexAnalysis {
  readonly anchors: RegexAnchors;
  /** Strings one of which starts every match (see leading.ts), or undefined. */
  readonly leading: readonly string[] | undefined;
  /** Digits every match holds in one digit run (0 when unknown). */
  readonly minDigitRun: number;
  /** Digits every match holds in a row, with no separator between them (0 when unknown). */
  readonly digitStretch: number;
  /** Every match starts a digit run after a non-word character. */
  readonly digitStartOnly: boolean;
  /** Least and most digits of a match that is always a whole number of one digit run (see numberDigits). */
  readonly numberDigits: readonly [number, number] | undefined;
  readonly alnumRun: number;
  readonly tokenRun: number;
  /** ASCII letters every match holds (0 when unknown). */
  readonly letters: number;
  /**
   * The rarity (setQuality) of the second anchor set and of the leading strings, 0 for none: the
   * compiler weighs both on every compile, and a cold one read thousands of strings to do it.
   */
  readonly alsoScore: number;
  readonly leadingScore: number;
  /** Runs without `i` on lowercase text and finds the same (see caseless.ts). */
  readonly caseless: boolean;
}

/**
 * What an analysis says of a regex it knows nothing about: no anchors, no leading strings, no shapes,
 * an unbounded reach. For rules that nothing gates (those on the text as sent), whose analysis would
 * only cost a cold compile its time.
 */
export const NO_ANALYSIS: RegexAnalysis = {
  anchors: {
    literals: undefined,
    score: 0,
    also: undefined,
    maxLength: Number.POSITIVE_INFINITY,
    lookaround: Number.POSITIVE_INFINITY,
  },
  leading: undefined,
  minDigitRun: 0,
  digitStretch: 0,
  digitStartOnly: false,
  numberDigits: undefined,
  alnumRun: 0,
  tokenRun: 0,
  letters: 0,
  alsoScore: 0,
  leadingScore: 0,
  caseless: false,
};

/** JSON form of an analysis (Infinity as -1, absent sets as null). */
export interface StoredAnalysis {
  readonly l: readonly string[] | null;
  readonly p: readonly string[] | null;
  readonly s: number;
  readonly a: readonly string[] | null;
  readonly m: number;
  readonly k: number;
  readonly d: number;
  readonly ds: number;
  readonly st: boolean;
  readonly nd: readonly number[] | null;
  readonly r: number;
  readonly t: number;
  readonly e: number;
  readonly as: number;
  readonly ps: number;
  readonly cl: boolean;
}

/**
 * Key of a (macro-expanded) regex source and its flags in the stored table and the memo: the source
 * itself, so no two regexes can share an entry, and V8 hashes it natively (a hash of our own ran in
 * the interpreter over every character of every source on a cold compile).
 */
export function analysisKey(source: string, flags: string): string {
  return `${flags}:${source}`;
}

/** Computes the analysis from scratch (the AST is parsed on demand when not given). */
export function computeAnalysis(
  source: string,
  flags: string,
  ast: readonly RegexNode[][] | undefined,
): RegexAnalysis {
  const anchors = deriveAnchors(source, flags, ast);
  // Stored as the compiler uses them, cut and without strings that contain another, and scored so.
  const literals = anchors.literals && compactAnchors(anchors.literals);
  const also = anchors.also && compactAnchors(anchors.also);
  const leading = ast ? deriveLeading(ast, flags) : undefined;
  return {
    anchors: { ...anchors, literals, also, score: literals ? setQuality(literals) : 0 },
    leading,
    minDigitRun: ast ? minDigitRun(ast) : 0,
    digitStretch: ast ? minDigitStretch(ast) : 0,
    digitStartOnly: startsDigitRunOnly(source, ast),
    numberDigits: ast ? numberDigits(source, ast) : undefined,
    alnumRun: minAlnumRun(source, ast),
    tokenRun: minTokenRun(source, ast),
    // With `u` and `i`, [a-z] also matches "ſ" and the Kelvin sign: only ASCII letters count here.
    letters: ast && !flags.includes('u') ? minLetters(ast) : 0,
    alsoScore: setQuality(also ?? []),
    leadingScore: setQuality(leading ?? []),
    caseless: caselessOnLowercase(source, flags),
  };
}

/** Stored form of an analysis. */
export function storeAnalysis(a: RegexAnalysis): StoredAnalysis {
  const { literals, score, also, maxLength, lookaround } = a.anchors;
  return {
    l: literals ?? null,
    p: a.leading ?? null,
    s: score,
    a: also ?? null,
    m: Number.isFinite(maxLength) ? maxLength : -1,
    // JSON has no Infinity (it would come back as null): an unbounded lookaround is stored as -1.
    k: Number.isFinite(lookaround) ? lookaround : -1,
    d: a.minDigitRun,
    ds: a.digitStretch,
    st: a.digitStartOnly,
    nd: a.numberDigits ?? null,
    r: a.alnumRun,
    t: a.tokenRun,
    e: a.letters,
    as: a.alsoScore,
    ps: a.leadingScore,
    cl: a.caseless,
  };
}

export function loadAnalysis(s: StoredAnalysis): RegexAnalysis {
  return {
    anchors: {
      literals: s.l ?? undefined,
      score: s.s,
      also: s.a ?? undefined,
      maxLength: s.m < 0 ? Number.POSITIVE_INFINITY : s.m,
      lookaround: s.k < 0 ? Number.POSITIVE_INFINITY : s.k,
    },
    leading: s.p ?? undefined,
    minDigitRun: s.d,
    digitStretch: s.ds,
    digitStartOnly: s.st,
    numberDigits: s.nd ? [s.nd[0]!, s.nd[1]!] : undefined,
    alnumRun: s.r,
    tokenRun: s.t,
    letters: s.e,
    alsoScore: s.as,
    leadingScore: s.ps,
    caseless: s.cl,
  };
}

const stored: Readonly<Record<string, StoredAnalysis>> =
  table.version === ANALYSIS_VERSION ? (table.entries as unknown as Record<string, StoredAnalysis>) : {};
// Bounded: hot swaps of ever-new user regexes must not grow it without limit.
const memo = new Map<string, RegexAnalysis>();
const MEMO_LIMIT = 4096;

/** The analysis of `source` with `flags`: stored, memoised, or computed (from `ast()` when needed). */
export function regexAnalysis(
  source: string,
  flags: string,
  ast: () => readonly RegexNode[][] | undefined,
): RegexAnalysis {
  const key = analysisKey(source, flags);
  let hit = memo.get(key);
  if (hit !== undefined) return hit;
  const s = stored[key];
  hit = s === undefined ? computeAnalysis(source, flags, ast()) : loadAnalysis(s);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, hit);
  return hit;
}
