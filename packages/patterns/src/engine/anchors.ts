/**
 * Derives each rule's prefilter anchors from its regex: a set of lowercase strings such that every
 * match contains at least one of them. The scan then runs a rule only where an anchor occurs, so the
 * cost of a rule depends on how rare its anchors are, not on how many rules the database has. The
 * derivation follows RE2's prefilter idea (exact string sets for short pieces, the best required set
 * for a sequence, unions for alternations) on the AST of regex-safety.ts.
 */
import { parseRegexSource, type RegexNode } from './regex-safety.js';

/** What a rule's regex tells the prefilter. */
export interface RegexAnchors {
  /** Every match contains one of these (lowercase); undefined when no useful set exists. */
  readonly literals: readonly string[] | undefined;
  /** Rarity of the weakest literal (about its length in letters; common words count 1). */
  readonly score: number;
  /** A second, independent set every match also contains (checked before the rule runs). */
  readonly also: readonly string[] | undefined;
  /** Longest possible match in UTF-16 units (Infinity when unbounded). */
  readonly maxLength: number;
  /** Longest lookaround, so windows keep enough context for assertions at their edges. */
  readonly lookaround: number;
}

interface Info {
  /** Every string the node can match, when there are few and they are short. */
  readonly exact: ReadonlySet<string> | undefined;
  /** Sets each of which every match touches (a conjunction), best first. */
  readonly reqs: readonly ReadonlySet<string>[];
  readonly maxLength: number;
}

const MAX_EXACT = 16;
const MAX_EXACT_LENGTH = 24;
const MAX_CLASS = 6;
// A second set weaker than this filters too little to be worth checking.
const MIN_ALSO = 2;

// Words so frequent in prose that an anchor made of one of them triggers on most texts.
const COMMON = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been am do does did ' +
    'not no yes you your yours ur me my mine i we us our it its this that these those all any some ' +
    'what which who how why when where there here now then than so up out new one can will would ' +
    'should could may must have has had say tell give get let use make just only also very more most'
  ).split(' '),
);

/**
 * Rarity of one anchor string, about its length: letters and digits count 1, a common word 1 in all,
 * spaces and everyday punctuation (. , - ') little, rarer symbols (@ < ~ # : ...) 1.5.
 */
export function anchorQuality(s: string): number {
  const t = s.trim();
  if (COMMON.has(t)) return 1;
  let q = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127) q += 1;
    else if (c === 32) q += 0.25;
    else if (c === 46 || c === 44 || c === 45 || c === 39) q += 0.5;
    else q += 1.5;
  }
  return q;
}

const scores = new WeakMap<ReadonlySet<string>, number>();

function setScore(set: ReadonlySet<string>): number {
  let min = scores.get(set);
  if (min !== undefined) return min;
  min = Number.POSITIVE_INFINITY;
  for (const s of set) min = Math.min(min, anchorQuality(s));
  scores.set(set, min);
  return min;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const s of a) if (!b.has(s)) return false;
  return true;
};

/** The set itself as a requirement, if it cannot match the empty string. */
const asReq = (set: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined =>
  set && set.size > 0 && !set.has('') ? set : undefined;

function cross(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> | undefined {
  if (a.size * b.size > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const x of a) {
    for (const y of b) {
      const s = x + y;
      if (s.length > MAX_EXACT_LENGTH) return undefined;
      out.add(s);
    }
  }
  return out;
}

const ESCAPES: Readonly<Record<string, string>> = {
  n: ' ',
  r: ' ',
  t: ' ',
  f: ' ',
  v: ' ',
  s: ' ', // normalised text has only single spaces as whitespace
  '0': '\0',
};

/** Characters an atom can match in the lowercased normalised view, or undefined when too many. */
function atomChars(src: string, ignoreCase: boolean): Set<string> | undefined {
  const norm = (c: string): string => (ignoreCase || c.length === 1 ? c.toLowerCase() : c);
  if (src === '.') return undefined;
  if (src.startsWith('[')) return classChars(src, norm);
  if (src.startsWith('\\')) {
    const e = src.slice(1);
    if (e.length === 1) {
      if (ESCAPES[e] !== undefined) return new Set([ESCAPES[e]]);
      if (/[dDwWSbBpPk1-9]/.test(e)) return undefined;
      return new Set([norm(e)]);
    }
    if (/^x[0-9a-fA-F]{2}$|^u[0-9a-fA-F]{4}$/.test(e))
      return new Set([norm(String.fromCharCode(Number.parseInt(e.slice(1), 16)))]);
    return undefined;
  }
  return new Set([norm(src)]);
}

function classChars(src: string, norm: (c: string) => string): Set<string> | undefined {
  if (src.startsWith('[^')) return undefined;
  const body = src.slice(1, -1);
  const chars: string[] = [];
  for (let i = 0; i < body.length; i++) {
    let c = body[i]!;
    if (c === '\\') {
      const e = body[i + 1] ?? '';
      i++;
      if (ESCAPES[e] !== undefined) c = ESCAPES[e];
      else if (/[dDwWSbBpP]/.test(e)) return undefined;
      else if (e === 'x' || e === 'u') return undefined;
      else c = e;
    }
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const hi = body[i + 2]!;
      if (hi === '\\') return undefined;
      const span = hi.charCodeAt(0) - c.charCodeAt(0);
      if (span < 0 || span >= MAX_CLASS) return undefined;
      for (let k = 0; k <= span; k++) chars.push(String.fromCharCode(c.charCodeAt(0) + k));
      i += 2;
      continue;
    }
    chars.push(c);
  }
  const out = new Set(chars.map(norm));
  return out.size <= MAX_CLASS ? out : undefined;
}

interface Walk {
  readonly ignoreCase: boolean;
  readonly unicode: boolean;
  /** Longest match of each capturing group, by group number (for backreferences). */
  readonly groups: number[];
  lookaround: number;
}

/** The best three distinct sets of a conjunction, strongest first. */
function byScore(sets: readonly ReadonlySet<string>[]): ReadonlySet<string>[] {
  const out: { x: ReadonlySet<string>; score: number }[] = [];
  for (const x of sets) {
    if (x.size === 0 || out.some((o) => sameSet(o.x, x))) continue;
    out.push({ x, score: setScore(x) });
  }
  return out
    .sort((a, b) => b.score - a.score || a.x.size - b.x.size)
    .slice(0, 3)
    .map((e) => e.x);
}

function infoOfSequence(seq: readonly RegexNode[], w: Walk): Info {
  let cur: ReadonlySet<string> = new Set(['']);
  let whole = true; // every node so far was exact and the product stayed small
  const reqs: ReadonlySet<string>[] = [];
  const close = (): void => {
    const r = asReq(cur);
    if (r) reqs.push(r);
  };
  let maxLength = 0;
  for (const node of seq) {
    const info = infoOf(node, w);
    maxLength += info.maxLength;
    if (info.exact) {
      const next = cross(cur, info.exact);
      if (next) {
        cur = next;
        continue;
      }
    }
    whole = false;
    close();
    if (info.exact) cur = info.exact;
    else {
      reqs.push(...info.reqs);
      cur = new Set(['']);
    }
  }
  close();
  return { exact: whole ? cur : undefined, reqs: byScore(reqs), maxLength };
}

function infoOfAlternation(alts: readonly (readonly RegexNode[])[], w: Walk): Info {
  const infos = alts.map((seq) => infoOfSequence(seq, w));
  if (infos.length === 1) return infos[0]!;
  const maxLength = Math.max(0, ...infos.map((i) => i.maxLength));
  let exact: Set<string> | undefined = new Set();
  for (const i of infos) {
    if (!i.exact || !exact) {
      exact = undefined;
      break;
    }
    for (const s of i.exact) exact.add(s);
    if (exact.size > MAX_EXACT) exact = undefined;
  }
  // (A1 and A2) or B  =  (A1 or B) and (A2 or B): the t-th conjunct takes each branch's t-th set.
  const lists = infos.map((i) => {
    const own = asReq(i.exact);
    return byScore(own ? [own, ...i.reqs] : i.reqs);
  });
  if (lists.some((l) => l.length === 0)) return { exact, reqs: [], maxLength };
  const depth = Math.max(...lists.map((l) => l.length));
  const reqs: Set<string>[] = [];
  for (let t = 0; t < depth; t++) {
    const union = new Set<string>();
    for (const l of lists) for (const s of l[Math.min(t, l.length - 1)]!) union.add(s);
    reqs.push(union);
  }
  return { exact, reqs: byScore(reqs), maxLength };
}

function infoOf(node: RegexNode, w: Walk): Info {
  const none: readonly ReadonlySet<string>[] = [];
  if (node.t === 'assert') return { exact: new Set(['']), reqs: none, maxLength: 0 };
  if (node.t === 'atom') {
    const backref = /^\\([1-9]\d*)$/.exec(node.src);
    if (backref) {
      const len = w.groups[Number(backref[1])] ?? Number.POSITIVE_INFINITY;
      return { exact: undefined, reqs: none, maxLength: len };
    }
    if (node.src.startsWith('\\k<'))
      return { exact: undefined, reqs: none, maxLength: Number.POSITIVE_INFINITY };
    // In `u` mode an atom can match a surrogate pair (two UTF-16 units).
    const astral = w.unicode || /^[\ud800-\udbff]/.test(node.src);
    return { exact: atomChars(node.src, w.ignoreCase), reqs: none, maxLength: astral ? 2 : 1 };
  }
  if (node.t === 'group') {
    if (node.look) {
      const inner = infoOfAlternation(node.alts, w);
      w.lookaround = Math.max(w.lookaround, inner.maxLength);
      return { exact: new Set(['']), reqs: none, maxLength: 0 };
    }
    const index = node.capture ? w.groups.push(0) - 1 : -1; // numbered by their opening parenthesis
    const info = infoOfAlternation(node.alts, w);
    if (index > 0) w.groups[index] = info.maxLength;
    return info;
  }
  const inner = infoOf(node.node, w);
  if (node.max === 0) return { exact: new Set(['']), reqs: none, maxLength: 0 };
  const maxLength = inner.maxLength * node.max;
  // A run of spaces is one space in normalised text, so `\s+` is exactly " ".
  if (inner.exact?.size === 1 && inner.exact.has(' '))
    return { exact: new Set(node.min === 0 ? ['', ' '] : [' ']), reqs: none, maxLength };
  if (node.min === 0) {
    const exact = node.max === 1 && inner.exact ? new Set(['', ...inner.exact]) : undefined;
    return { exact, reqs: none, maxLength };
  }
  let exact: ReadonlySet<string> | undefined;
  if (inner.exact && node.min === node.max && node.min <= 8) {
    let acc: ReadonlySet<string> | undefined = new Set(['']);
    for (let k = 0; k < node.min && acc; k++) acc = cross(acc, inner.exact);
    exact = acc;
  }
  const own = asReq(inner.exact);
  return { exact, reqs: byScore(own ? [own, ...inner.reqs] : inner.reqs), maxLength };
}

/** Anchors, maximum match length and lookaround reach of a (macro-expanded) regex source. */
export function deriveAnchors(source: string, flags: string, ast?: readonly RegexNode[][]): RegexAnchors {
  const w: Walk = {
    ignoreCase: flags.includes('i'),
    unicode: flags.includes('u'),
    groups: [0],
    lookaround: 0,
  };
  let info: Info;
  try {
    info = infoOfAlternation(ast ?? parseRegexSource(source), w);
  } catch {
    return {
      literals: undefined,
      score: 0,
      also: undefined,
      maxLength: Number.POSITIVE_INFINITY,
      lookaround: 0,
    };
  }
  const own = asReq(info.exact);
  const reqs = byScore(own ? [own, ...info.reqs] : info.reqs);
  const [first, second] = reqs;
  return {
    literals: first ? [...first].sort() : undefined,
    score: first ? setScore(first) : 0,
    also: second && setScore(second) >= MIN_ALSO ? [...second].sort() : undefined,
    maxLength: info.maxLength,
    lookaround: w.lookaround,
  };
}

const WORD_LOOKBEHIND = /^\(\?<!\[(?:[^\]\\]|\\.)*(?:\\w|A-Za-z0-9|a-zA-Z0-9)(?:[^\]\\]|\\.)*\]\)/;
const DIGIT_ATOM = /^(?:\\d|\d|\[(?:\d(?:-\d)?)+\])$/;

// True when every match of `seq` starts with a digit (a group's branches all do; an optional first
// element defers to the next one).
function startsWithDigit(seq: readonly RegexNode[]): boolean {
  for (const node of seq) {
    if (node.t === 'assert') continue;
    if (node.t === 'atom') return DIGIT_ATOM.test(node.src);
    if (node.t === 'group') {
      if (node.look) return false;
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

/** Shortest match of a parsed regex (0: it can match the empty string). */
export function minMatchLength(ast: readonly RegexNode[][]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const alt of ast) best = Math.min(best, minSequenceLength(alt));
  return best;
}

// Plain length walk: no atom tests, so validating a database at load stays cheap in a cold process.
function minSequenceLength(seq: readonly RegexNode[]): number {
  let n = 0;
  for (const node of seq) n += minNodeLength(node);
  return n;
}

function minNodeLength(node: RegexNode): number {
  if (node.t === 'atom') return 1;
  if (node.t === 'assert') return 0;
  if (node.t === 'group') return node.look ? 0 : minMatchLength(node.alts);
  return node.min === 0 ? 0 : node.min * minNodeLength(node.node);
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
