/**
 * Regex sources parsed into nodes (atoms, assertions, groups, quantifiers) for the analyses that read a
 * pattern's shape: the load checks (regex-safety.ts, run-backtracking.ts), anchors, leading literals and
 * run shapes. Only what those need is kept: an atom's source, a group's kind, a quantifier's bounds.
 */

/** A parsed regex node: a one-character atom, a zero-width assertion, a group, or a quantifier. */
export type RegexNode =
  | { readonly t: 'atom'; readonly src: string; readonly nullable: false }
  | { readonly t: 'assert'; readonly src: string }
  | {
      readonly t: 'group';
      readonly alts: readonly RegexNode[][];
      readonly look: boolean;
      /** A lookbehind: V8 matches its content backwards, from the end. */
      readonly behind: boolean;
      /** A negative lookaround: it holds where its content does not match. */
      readonly negative: boolean;
      readonly capture: boolean;
    }
  | { readonly t: 'quant'; readonly node: RegexNode; readonly min: number; readonly max: number };
type Node = RegexNode;

/** Parses a regex source into alternatives of node sequences; throws Error on syntax it cannot read. */
export function parseRegexSource(source: string): RegexNode[][] {
  return parseAlternation(source, { i: 0 }, false);
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

export const nullable = (node: Node): boolean => minNodeLength(node) === 0;

/** Whether a node can begin with a repetition of more than one (a fixed alternation cannot). */
export function startsWithRepeat(node: Node): boolean {
  if (node.t === 'quant') return node.max > 1 || startsWithRepeat(node.node);
  if (node.t !== 'group' || node.look) return false;
  return node.alts.some((seq) => {
    for (const part of seq) {
      if (startsWithRepeat(part)) return true;
      if (!nullable(part)) return false;
    }
    return false;
  });
}

/** The alternatives inside a node that its matches begin with, if it is a (repeated) group. */
export function innerAlts(node: Node): readonly Node[][] | undefined {
  if (node.t === 'group' && !node.look) return node.alts;
  if (node.t === 'quant' && node.node.t === 'group' && !node.node.look) return node.node.alts;
  return undefined;
}

export function firstAtoms(seq: readonly Node[]): string[] | undefined {
  const out: string[] = [];
  for (const node of seq) {
    if (node.t === 'assert') continue;
    if (node.t === 'atom') {
      out.push(node.src);
      return out;
    }
    if (node.t === 'group') {
      if (node.look) continue;
      for (const alt of node.alts) {
        const f = firstAtoms(alt);
        if (!f) return undefined;
        out.push(...f);
      }
      return out;
    }
    const inner = firstAtoms([node.node]);
    if (!inner) return undefined;
    out.push(...inner);
    if (node.min > 0) return out;
  }
  return out.length > 0 ? out : undefined;
}

// Sticky (y) regexes read at the cursor without slicing the rest of the source.
const GROUP_KIND = /\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/y;
const ESCAPE =
  /\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|k<[^>]*>|\d+|.)/suy;
const BRACES = /\{(\d+)(,(\d*))?\}/y;

// Characters a literal atom escapes (so later analyses read it as the literal it is).
const SYNTAX = new Set('-/\\^$*+?.()|[]{}');

interface Cursor {
  i: number;
}

function parseAlternation(src: string, cur: Cursor, inGroup: boolean): Node[][] {
  const alts: Node[][] = [[]];
  while (cur.i < src.length) {
    const ch = src[cur.i]!;
    if (ch === ')') {
      if (!inGroup) throw new Error('unbalanced )');
      return alts;
    }
    if (ch === '|') {
      cur.i++;
      alts.push([]);
      continue;
    }
    const atom = parseAtom(src, cur);
    const quantified = parseQuantifier(src, cur, atom);
    alts[alts.length - 1]!.push(quantified);
  }
  if (inGroup) throw new Error('unclosed (');
  return alts;
}

function parseAtom(src: string, cur: Cursor): Node {
  const ch = src[cur.i]!;
  if (ch === '(') {
    cur.i++;
    let look = false;
    let behind = false;
    let negative = false;
    let capture = src[cur.i] !== '?';
    if (src[cur.i] === '?') {
      GROUP_KIND.lastIndex = cur.i;
      const m = GROUP_KIND.exec(src);
      if (!m) throw new Error('unknown group syntax');
      behind = m[0] === '?<=' || m[0] === '?<!';
      look = behind || m[0] === '?=' || m[0] === '?!';
      negative = m[0] === '?!' || m[0] === '?<!';
      capture = m[0].startsWith('?<') && !look;
      cur.i += m[0].length;
    }
    const alts = parseAlternation(src, cur, true);
    cur.i++; // ')'
    return { t: 'group', alts, look, behind, negative, capture };
  }
  if (ch === '[') {
    const start = cur.i;
    cur.i++;
    if (src[cur.i] === '^') cur.i++;
    if (src[cur.i] === ']') cur.i++;
    while (cur.i < src.length && src[cur.i] !== ']') cur.i += src[cur.i] === '\\' ? 2 : 1;
    if (cur.i >= src.length) throw new Error('unclosed [');
    cur.i++;
    return { t: 'atom', src: src.slice(start, cur.i), nullable: false };
  }
  if (ch === '\\') {
    const next = src[cur.i + 1] ?? '';
    if (next === 'b' || next === 'B') {
      cur.i += 2;
      return { t: 'assert', src: `\\${next}` };
    }
    ESCAPE.lastIndex = cur.i;
    const m = ESCAPE.exec(src);
    const tok = m ? m[0] : '\\';
    cur.i += tok.length;
    return { t: 'atom', src: tok, nullable: false };
  }
  if (ch === '^' || ch === '$') {
    cur.i++;
    return { t: 'assert', src: ch };
  }
  const cp = src.codePointAt(cur.i)!;
  const len = cp > 0xffff ? 2 : 1;
  cur.i += len;
  const s = src.slice(cur.i - len, cur.i);
  return { t: 'atom', src: ch === '.' || !SYNTAX.has(ch) ? s : `\\${s}`, nullable: false };
}

function parseQuantifier(src: string, cur: Cursor, node: Node): Node {
  const ch = src[cur.i];
  let min = -1;
  let max = -1;
  if (ch === '*' || ch === '+' || ch === '?') {
    min = ch === '+' ? 1 : 0;
    max = ch === '?' ? 1 : Number.POSITIVE_INFINITY;
    cur.i++;
  } else if (ch === '{') {
    BRACES.lastIndex = cur.i;
    const m = BRACES.exec(src);
    if (m) {
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      cur.i += m[0].length;
    }
  }
  if (min < 0) return node;
  if (src[cur.i] === '?') cur.i++; // lazy
  return parseQuantifier(src, cur, { t: 'quant', node, min, max });
}
