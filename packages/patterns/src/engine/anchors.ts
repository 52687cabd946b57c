/**
 * Derives each rule's prefilter anchors from its regex: a set of lowercase strings such that every
 * match contains at least one of them. The scan then runs a rule only where an anchor occurs, so the
 * cost of a rule depends on how rare its anchors are, not on how many rules the database has. The
 * derivation follows RE2's prefilter idea (exact string sets for short pieces, the best required set
 * for a sequence, unions for alternations) on the AST of regex-ast.ts.
 */
import { parseRegexSource, type RegexNode } from './regex-ast.js';

/** Anchors are cut to this many characters, as leading literals are: a prefix is as sound and keeps the
 * automaton small. */
export const MAX_ANCHOR = 8;

/**
 * The part of a literal kept as its anchor (any substring is as sound: every match holding the literal
 * holds it): its start, but a long past participle keeps its end, since its start is also the start of
 * the common noun of its stem ("instruct" is in every "instructions" of a text, "structed" is not).
 */
function anchorPart(literal: string): string {
  if (literal.length <= MAX_ANCHOR) return literal;
  const pastParticiple = literal.endsWith('ed') && !literal.includes(' ');
  return pastParticiple ? literal.slice(-MAX_ANCHOR) : literal.slice(0, MAX_ANCHOR);
}

/** Cuts anchors to MAX_ANCHOR and drops those containing another one (the shorter one fires anyway). */
export function compactAnchors(literals: readonly string[]): string[] {
  const cut = [...new Set(literals.map(anchorPart))].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const l of cut) if (!kept.some((k) => l.includes(k))) kept.push(l);
  return kept.sort();
}

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

/** The rarity of a set: that of its most common string (see anchorQuality); 0 for none. */
export function setQuality(set: readonly string[]): number {
  if (set.length === 0) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < set.length; i++) min = Math.min(min, anchorQuality(set[i]!));
  return min;
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
export function atomChars(src: string, ignoreCase: boolean): Set<string> | undefined {
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
