/**
 * Run shapes of a rule's regex: whether a match must start with a digit run, and the shortest digit,
 * alphanumeric and token runs and match length it needs. Rules without literal anchors (bare numbers,
 * ids) are gated on these cheap checks before their regex runs.
 */
import { parseRegexSource, type RegexNode } from './regex-ast.js';

const WORD_LOOKBEHIND = /^\(\?<!\[(?:[^\]\\]|\\.)*(?:\\w|A-Za-z0-9|a-zA-Z0-9)(?:[^\]\\]|\\.)*\]\)/;
const DIGIT_ATOM = /^(?:\\d|\d|\[(?:\d(?:-\d)?)+\])$/;

// True when every match of `seq` starts with a digit (a group's branches all do; an optional first
// element, like a lookaround, defers to the next one).
function startsWithDigit(seq: readonly RegexNode[]): boolean {
  for (const node of seq) {
    if (node.t === 'assert') continue;
    if (node.t === 'atom') return DIGIT_ATOM.test(node.src);
    if (node.t === 'group') {
      // A lookaround consumes nothing: the first character comes after it.
      if (node.look) continue;
      return node.alts.every((alt) => startsWithDigit(alt));
    }
    if (!startsWithDigit([node.node])) return false;
    if (node.min > 0) return true;
  }
  return false;
}

/**
 * True when a regex starts with a lookbehind that rules out a word character before the match and its
 * first consumed character is always a digit: such a match can only start a digit run, never continue one.
 */
export function startsDigitRunOnly(source: string, ast?: readonly RegexNode[][]): boolean {
  if (!WORD_LOOKBEHIND.test(source)) return false;
  try {
    const alts = ast ?? parseRegexSource(source);
    // The lookbehind is the first node of the only branch; the rest must start with a digit.
    return alts.length === 1 && startsWithDigit(alts[0]!.slice(1));
  } catch {
    return false;
  }
}

const ALNUM_ATOM = /^(?:\\d|[A-Za-z0-9])$/;

/** True when an atom only matches ASCII letters and digits (case folding included). */
function alnumAtom(src: string): boolean {
  if (ALNUM_ATOM.test(src)) return true;
  if (!src.startsWith('[') || src.startsWith('[^')) return false;
  const body = src.slice(1, -1);
  // Only literal letters, digits, ranges between them and \d.
  return /^(?:\\d|[A-Za-z0-9](?:-[A-Za-z0-9])?)+$/.test(body);
}

interface RunInfo {
  /** Every match of the node is letters and digits only. */
  readonly alnum: boolean;
  readonly minLength: number;
  /** Longest run of letters and digits every match of the node contains. */
  readonly run: number;
}

type AtomTest = (src: string) => boolean;

function runOfSequence(seq: readonly RegexNode[], test: AtomTest = alnumAtom): RunInfo {
  let alnum = true;
  let minLength = 0;
  let current = 0;
  let best = 0;
  for (const node of seq) {
    const info = runOf(node, test);
    minLength += info.minLength;
    if (info.alnum) current += info.minLength;
    else {
      alnum = false;
      best = Math.max(best, current, info.run);
      current = 0;
    }
  }
  return { alnum, minLength, run: Math.max(best, current) };
}

function runOf(node: RegexNode, test: AtomTest): RunInfo {
  if (node.t === 'assert') return { alnum: true, minLength: 0, run: 0 };
  if (node.t === 'atom') {
    const alnum = test(node.src);
    return { alnum, minLength: 1, run: alnum ? 1 : 0 };
  }
  if (node.t === 'group') {
    if (node.look) return { alnum: true, minLength: 0, run: 0 };
    const infos = node.alts.map((alt) => runOfSequence(alt, test));
    return {
      alnum: infos.every((i) => i.alnum),
      minLength: Math.min(...infos.map((i) => i.minLength)),
      run: Math.min(...infos.map((i) => i.run)),
    };
  }
  const inner = runOf(node.node, test);
  // A repeated alnum node is one run; anything else guarantees only what one repetition holds.
  if (inner.alnum)
    return { alnum: true, minLength: inner.minLength * node.min, run: inner.minLength * node.min };
  return { alnum: false, minLength: inner.minLength * node.min, run: node.min > 0 ? inner.run : 0 };
}

/** Length of the run of ASCII letters and digits every match of `source` contains (0 if none). */
export function minAlnumRun(source: string, ast?: readonly RegexNode[][]): number {
  try {
    const alts = ast ?? parseRegexSource(source);
    return Math.min(...alts.map((a) => runOfSequence(a, alnumAtom).run));
  } catch {
    return 0;
  }
}

/** True when an atom only matches token characters: letters, digits, '+', '/', '_' and '-'. */
function tokenAtom(src: string): boolean {
  if (alnumAtom(src) || src === '\\w' || /^(?:\\?[+/_-])$/.test(src)) return true;
  if (!src.startsWith('[') || src.startsWith('[^')) return false;
  return /^(?:\\[dw]|\\?[+/_-]|[A-Za-z0-9](?:-[A-Za-z0-9])?)+$/.test(src.slice(1, -1));
}

/**
 * Length of the run of token characters (base64 alphabet: letters, digits, + / _ -) every match of
 * `source` contains: API keys and tokens are such runs, prose rarely has long ones.
 */
export function minTokenRun(source: string, ast?: readonly RegexNode[][]): number {
  try {
    const alts = ast ?? parseRegexSource(source);
    return Math.min(...alts.map((a) => runOfSequence(a, tokenAtom).run));
  } catch {
    return 0;
  }
}

/** True when an atom only matches ASCII letters (with `i`, either case). */
function letterAtom(src: string): boolean {
  if (/^[A-Za-z]$/.test(src)) return true;
  if (!src.startsWith('[') || src.startsWith('[^')) return false;
  return /^(?:[A-Za-z](?:-[A-Za-z])?)+$/.test(src.slice(1, -1));
}

function lettersOfSequence(seq: readonly RegexNode[]): number {
  let n = 0;
  for (const node of seq) n += lettersOf(node);
  return n;
}

function lettersOf(node: RegexNode): number {
  if (node.t === 'atom') return letterAtom(node.src) ? 1 : 0;
  if (node.t === 'assert') return 0;
  if (node.t === 'group') return node.look ? 0 : Math.min(...node.alts.map(lettersOfSequence));
  return node.min * lettersOf(node.node);
}

/**
 * ASCII letters every match of a parsed regex holds (0 if none guaranteed): a text of digits and
 * separators ("121000358") cannot hold an id that needs letters ("AB123456C").
 */
export function minLetters(ast: readonly RegexNode[][]): number {
  return Math.min(...ast.map(lettersOfSequence));
}

const DIGIT_ONLY_ATOM = /^(?:\\d|\d|\[(?:\d(?:-\d)?)+\])$/;
// Characters the digit-run scan lets stand, one at a time, between two digits.
const RUN_SEPARATOR = /^(?:[ ./:]|\\[-./: ]|\[(?:\\?[-./: ])+\])$/;

interface DigitInfo {
  /** Every match of the node is digits, possibly with single run separators between them. */
  readonly fits: boolean;
  readonly digits: number;
  /** Digits every match holds in one digit run. */
  readonly run: number;
}

interface DigitWalk {
  /** Per capture group (by number): it only ever matches one optional separator. */
  readonly separatorGroups: boolean[];
}

function digitsOfSequence(seq: readonly RegexNode[], w: DigitWalk): DigitInfo {
  let fits = true;
  let digits = 0;
  let current = 0;
  let best = 0;
  for (const node of seq) {
    const info = digitsOf(node, w);
    if (info.fits) {
      digits += info.digits;
      current += info.digits;
    } else {
      fits = false;
      best = Math.max(best, current, info.run);
      current = 0;
    }
  }
  return { fits, digits, run: Math.max(best, current) };
}

const SEPARATOR: DigitInfo = { fits: true, digits: 0, run: 0 };
const BREAK: DigitInfo = { fits: false, digits: 0, run: 0 };

function digitsOf(node: RegexNode, w: DigitWalk): DigitInfo {
  if (node.t === 'assert') return SEPARATOR;
  if (node.t === 'atom') {
    if (DIGIT_ONLY_ATOM.test(node.src)) return { fits: true, digits: 1, run: 1 };
    // One separator between digits keeps the run going; so does a backreference to one.
    if (RUN_SEPARATOR.test(node.src)) return SEPARATOR;
    const ref = /^\\([1-9])$/.exec(node.src);
    return ref && w.separatorGroups[Number(ref[1])] === true ? SEPARATOR : BREAK;
  }
  if (node.t === 'group') {
    if (node.look) return SEPARATOR;
    const index = node.capture ? w.separatorGroups.push(false) - 1 : -1;
    const infos = node.alts.map((alt) => digitsOfSequence(alt, w));
    const info = {
      fits: infos.every((i) => i.fits),
      digits: Math.min(...infos.map((i) => i.digits)),
      run: Math.min(...infos.map((i) => i.run)),
    };
    const separatorOnly = node.alts.every(
      (alt) =>
        alt.length === 1 &&
        alt[0]!.t === 'quant' &&
        alt[0]!.max === 1 &&
        alt[0]!.node.t === 'atom' &&
        RUN_SEPARATOR.test(alt[0]!.node.src),
    );
    if (index > 0) w.separatorGroups[index] = separatorOnly;
    return info;
  }
  if (node.node.t === 'atom' && node.max === 1 && RUN_SEPARATOR.test(node.node.src)) return SEPARATOR;
  const inner = digitsOf(node.node, w);
  if (inner.fits) return { fits: true, digits: inner.digits * node.min, run: inner.digits * node.min };
  return { fits: false, digits: 0, run: node.min > 0 ? inner.run : 0 };
}

/** Digits every match of a parsed regex holds in one run of the digit-run scan (0 if none guaranteed). */
export function minDigitRun(ast: readonly RegexNode[][]): number {
  const w: DigitWalk = { separatorGroups: [false] };
  return Math.min(...ast.map((alt) => digitsOfSequence(alt, w).run));
}

const digitAtom = (src: string): boolean => DIGIT_ONLY_ATOM.test(src);

/**
 * Length of the run of consecutive ASCII digits (no separator between them) every match of a parsed
 * regex contains (0 if none guaranteed). "212-555-0199" holds twelve digits in one separated run but
 * never six in a row, so an id that needs six in a row cannot be in it.
 */
export function minDigitStretch(ast: readonly RegexNode[][]): number {
  return Math.min(...ast.map((alt) => runOfSequence(alt, digitAtom).run));
}

// The negative lookahead that ends a regex whose matches must not be followed by a word character:
// `(?![\w]|...)`, `(?!\w)`, `(?![\w-])`, `(?![A-Za-z0-9_])`.
const WORD_LOOKAHEAD_END =
  /\(\?!(?:\\w|\[(?:[^\]\\]|\\.)*(?:\\w|A-Za-z0-9_|a-zA-Z0-9_)(?:[^\]\\]|\\.)*\])(?:\|(?:[^()\\]|\\.)*)?\)$/;

/** How a node sits in the digit-run scan: separators it may begin or end with, or hold two in a row. */
interface NumberShape {
  readonly pure: boolean;
  readonly empty: boolean;
  readonly startsSep: boolean;
  readonly endsSep: boolean;
  readonly doubleSep: boolean;
  readonly least: number;
  readonly most: number;
}

const NOTHING: NumberShape = {
  pure: true,
  empty: true,
  startsSep: false,
  endsSep: false,
  doubleSep: false,
  least: 0,
  most: 0,
};
const ONE_DIGIT: NumberShape = { ...NOTHING, empty: false, least: 1, most: 1 };
const ONE_SEPARATOR: NumberShape = { ...NOTHING, empty: false, startsSep: true, endsSep: true };
const NOT_A_NUMBER: NumberShape = { ...NOTHING, pure: false };

function concatShapes(a: NumberShape, b: NumberShape): NumberShape {
  return {
    pure: a.pure && b.pure,
    empty: a.empty && b.empty,
    startsSep: a.startsSep || (a.empty && b.startsSep),
    endsSep: b.endsSep || (b.empty && a.endsSep),
    doubleSep: a.doubleSep || b.doubleSep || (a.endsSep && b.startsSep),
    least: a.least + b.least,
    most: a.most + b.most,
  };
}

function shapeOfSequence(seq: readonly RegexNode[], w: DigitWalk): NumberShape {
  return seq.reduce((shape, node) => concatShapes(shape, shapeOf(node, w)), NOTHING);
}

function shapeOf(node: RegexNode, w: DigitWalk): NumberShape {
  if (node.t === 'assert') return NOTHING;
  if (node.t === 'atom') {
    if (DIGIT_ONLY_ATOM.test(node.src)) return ONE_DIGIT;
    if (RUN_SEPARATOR.test(node.src)) return ONE_SEPARATOR;
    // A backreference to a separator group repeats its separator, or nothing.
    const ref = /^\\([1-9])$/.exec(node.src);
    return ref && w.separatorGroups[Number(ref[1])] === true
      ? { ...ONE_SEPARATOR, empty: true }
      : NOT_A_NUMBER;
  }
  if (node.t === 'group') {
    if (node.look) return NOTHING;
    // Numbered like digitsOf numbers them, so that a backreference to a separator group reads as one.
    const index = node.capture ? w.separatorGroups.push(false) - 1 : -1;
    const shapes = node.alts.map((alt) => shapeOfSequence(alt, w));
    if (index > 0) w.separatorGroups[index] = shapes.every((s) => s.pure && s.most === 0 && !s.doubleSep);
    return {
      pure: shapes.every((s) => s.pure),
      empty: shapes.some((s) => s.empty),
      startsSep: shapes.some((s) => s.startsSep),
      endsSep: shapes.some((s) => s.endsSep),
      doubleSep: shapes.some((s) => s.doubleSep),
      least: Math.min(...shapes.map((s) => s.least)),
      most: Math.max(...shapes.map((s) => s.most)),
    };
  }
  const inner = shapeOf(node.node, w);
  if (node.max === 0) return NOTHING;
  return {
    ...inner,
    empty: node.min === 0 || inner.empty,
    // A repeat puts the end of one copy next to the start of the next.
    doubleSep: inner.doubleSep || (node.max > 1 && inner.endsSep && inner.startsSep),
    least: inner.least * node.min,
    most: inner.most === 0 ? 0 : inner.most * node.max,
  };
}

/**
 * The least and most digits a match holds when every match is a whole number as the digit-run scan
 * reads one: digits with single separators between them, starting a digit run after a non-word
 * character and ending one before a non-word character. Such a match covers whole groups of one run,
 * so a run whose groups cannot add up to a count in this range cannot hold one. Undefined otherwise.
 */
export function numberDigits(
  source: string,
  ast?: readonly RegexNode[][],
): readonly [number, number] | undefined {
  if (!WORD_LOOKAHEAD_END.test(source) || !startsDigitRunOnly(source, ast)) return undefined;
  try {
    const alts = ast ?? parseRegexSource(source);
    if (alts.length !== 1) return undefined;
    // Inside the leading lookbehind and the trailing lookahead.
    const body = alts[0]!.slice(1, -1);
    const shape = shapeOfSequence(body, { separatorGroups: [false] });
    const ok = shape.pure && !shape.empty && !shape.startsSep && !shape.endsSep && !shape.doubleSep;
    return ok && shape.least > 0 && Number.isFinite(shape.most) ? [shape.least, shape.most] : undefined;
  } catch {
    return undefined;
  }
}
