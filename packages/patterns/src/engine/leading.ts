/**
 * Leading literals: a set of lowercase strings one of which every match of a regex starts with. Where
 * a rule has them, the scan knows each place a match can begin (an automaton hit of a leading literal,
 * minus its length) and runs the regex sticky at those places only, instead of letting V8 try every
 * position of the text. Most injection rules open with a verb alternation ("ignore|disregard|..."),
 * so their regexes go from a scan of the whole text to a few anchored attempts.
 */
import { atomChars, MAX_ANCHOR } from './anchors.js';
import type { RegexNode } from './regex-ast.js';

/** Strings longer than this are cut: a prefix of a leading literal is a leading literal too. */
export const MAX_LEADING = MAX_ANCHOR;
// Beyond this many strings the set is dropped: the automaton would grow for little gain.
const MAX_STRINGS = 256;
/** The most leading strings a rule runs anchored on (more cost more automaton states than they save). */
export const MAX_LEADING_STRINGS = 64;

/**
 * Strings one of which starts every match. With `complete`, those shorter than MAX_LEADING are whole
 * matches of the node (so what follows may extend them) and those of MAX_LEADING characters are
 * prefixes (which stay as they are).
 */
interface Leading {
  readonly set: ReadonlySet<string>;
  readonly complete: boolean;
}

const EMPTY: Leading = { set: new Set(['']), complete: true };

/**
 * Every string of `a` followed by every string of `b`, cut to MAX_LEADING; strings of `a` already that
 * long stay as they are (they are prefixes whatever follows). Undefined when the set grows too large.
 */
function cross(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> | undefined {
  const set = new Set<string>();
  for (const x of a) {
    if (x.length >= MAX_LEADING) set.add(x);
    else for (const y of b) set.add((x + y).slice(0, MAX_LEADING));
    if (set.size > MAX_STRINGS) return undefined;
  }
  return set;
}

const allFull = (set: ReadonlySet<string>): boolean => {
  for (const s of set) if (s.length < MAX_LEADING) return false;
  return true;
};

function ofSequence(seq: readonly RegexNode[], ignoreCase: boolean): Leading | undefined {
  let cur: ReadonlySet<string> = new Set(['']);
  for (const node of seq) {
    const lead = ofNode(node, ignoreCase);
    if (lead === undefined) return { set: cur, complete: false };
    // Once every string holds something, a longer string is worth less than staying anchored: past
    // MAX_LEADING_STRINGS the rule would not run anchored at all ("받은 지침" followed by its particles
    // and verbs made 191 strings), so the strings stop growing there. Before that (a string is still
    // empty), the set must grow, and its full size tells an author how far over the limit it is.
    const next = cross(cur, lead.set);
    if (next === undefined) return { set: cur, complete: false };
    if (!cur.has('') && compactLeading([...next], MAX_LEADING).length > MAX_LEADING_STRINGS)
      return { set: cur, complete: false };
    cur = next;
    // The node ends what we know: stop extending. Strings as long as we keep them stay as they are,
    // so once all are, nothing further changes the set.
    if (!lead.complete) return { set: cur, complete: false };
    if (allFull(cur)) return { set: cur, complete: true };
  }
  return { set: cur, complete: true };
}

function ofAlternation(alts: readonly (readonly RegexNode[])[], ignoreCase: boolean): Leading | undefined {
  const set = new Set<string>();
  let complete = true;
  for (const seq of alts) {
    const lead = ofSequence(seq, ignoreCase);
    if (lead === undefined) return undefined;
    for (const s of lead.set) set.add(s);
    if (!lead.complete) complete = false;
    if (set.size > MAX_STRINGS) return undefined;
  }
  return { set, complete };
}

function ofNode(node: RegexNode, ignoreCase: boolean): Leading | undefined {
  if (node.t === 'assert') return EMPTY;
  if (node.t === 'atom') {
    const chars = atomChars(node.src, ignoreCase);
    return chars === undefined ? undefined : { set: chars, complete: true };
  }
  if (node.t === 'group') return node.look ? EMPTY : ofAlternation(node.alts, ignoreCase);
  if (node.max === 0) return EMPTY;
  const inner = ofNode(node.node, ignoreCase);
  if (inner === undefined) return node.min === 0 ? { set: new Set(['']), complete: false } : undefined;
  // A run of whitespace is one space in normalised text.
  if (inner.complete && inner.set.size === 1 && inner.set.has(' '))
    return { set: new Set(node.min === 0 ? ['', ' '] : [' ']), complete: true };
  if (node.min === 0) {
    const set = new Set(['', ...inner.set]);
    return { set, complete: inner.complete && node.max === 1 };
  }
  if (inner.complete && node.min === node.max && node.min <= MAX_LEADING) {
    let acc: ReadonlySet<string> = new Set(['']);
    for (let k = 0; k < node.min; k++) {
      const next = cross(acc, inner.set);
      if (next === undefined) return { set: inner.set, complete: false };
      acc = next;
    }
    return { set: acc, complete: true };
  }
  return { set: inner.set, complete: false };
}

/**
 * Leading literals of a parsed regex (lowercase, at most MAX_LEADING characters, sorted), or undefined
 * when some match could start with nothing known (an empty string in the set).
 */
export function deriveLeading(ast: readonly RegexNode[][], flags: string): string[] | undefined {
  const lead = ofAlternation(ast, flags.includes('i'));
  if (lead === undefined || lead.set.size === 0 || lead.set.has('')) return undefined;
  return compactLeading([...lead.set], MAX_LEADING);
}

/**
 * Cuts leading strings to `length` and drops those another one is a prefix of: the shorter one is
 * found at the same start anyway.
 */
function compactLeading(strings: readonly string[], length: number): string[] {
  const sorted = [...new Set(strings.map((s) => s.slice(0, length)))].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of sorted) if (!kept.some((k) => s.startsWith(k))) kept.push(s);
  return kept.sort();
}
