/**
 * Static check for catastrophic backtracking. V8's regex engine backtracks, so a pattern with a
 * quantifier nested under an unbounded quantifier, or an unbounded alternation whose branches can
 * start with the same character, can take exponential time on a crafted input. We reject both at load.
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

/** Why a regex is unsafe, or undefined when it passes. */
export function findBacktrackingRisk(source: string, flags: string): string | undefined {
  let nodes: Node[][];
  try {
    nodes = parseRegexSource(source);
  } catch (error) {
    return `cannot be analysed (${(error as Error).message})`;
  }
  return findBacktrackingRiskInAst(nodes, flags);
}

/** findBacktrackingRisk on an already parsed regex. */
export function findBacktrackingRiskInAst(ast: readonly RegexNode[][], flags: string): string | undefined {
  return checkAlts(ast, flags, false);
}

/**
 * Why a regex takes polynomial time on long runs of its own characters, or undefined. Stricter than
 * findBacktrackingRisk, and meant for the pattern engine, which runs every rule over whole documents;
 * a check on one answer (a regex invariant) can afford `\w+@\w+`.
 */
export function findRunBacktrackingInAst(ast: readonly RegexNode[][], flags: string): string | undefined {
  for (const seq of ast) {
    const risk = checkPrefixedRun(seq, [], [], flags) ?? checkRunsThenOverlap(seq, [], flags);
    if (risk) return risk;
  }
  return undefined;
}

function checkAlts(alts: readonly Node[][], flags: string, underStar: boolean): string | undefined {
  for (const seq of alts) {
    for (const node of seq) {
      const risk = checkNode(node, flags, underStar);
      if (risk) return risk;
    }
  }
  return undefined;
}

const isUnboundedRun = (node: Node): node is Node & { t: 'quant'; node: { t: 'atom'; src: string } } =>
  node.t === 'quant' && node.max === Number.POSITIVE_INFINITY && node.node.t === 'atom';

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

const nullable = (node: Node): boolean => minNodeLength(node) === 0;

/** Whether a node can begin with a repetition of more than one (a fixed alternation cannot). */
function startsWithRepeat(node: Node): boolean {
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
function innerAlts(node: Node): readonly Node[][] | undefined {
  if (node.t === 'group' && !node.look) return node.alts;
  if (node.t === 'quant' && node.node.t === 'group' && !node.node.look) return node.node.alts;
  return undefined;
}

/**
 * A regex that reaches an unbounded run of a character class through a prefix it can spell in that
 * class, and needs more after the run, rescans the rest of a long run from every start inside it:
 * quadratic time on one run. With no prefix (`\d+x`, `(?:-{4,}|=+) new`) every position is a start;
 * with one (`key[a-z]+x`) every "key" of "keykeykey..." is, and a user rule of that shape took 11 s on
 * 200 KB. The same holds inside a lookahead, which is tried at every start (`key(?=[a-z]+x)`), and
 * mirrored inside a lookbehind, which V8 matches backwards. V8 has no atomic groups to stop it; a bound
 * ({1,64}) does, and so does an assertion or lookaround in the prefix (`\b[a-z]+x` starts only where a
 * word does). `prefix`: what the regex consumes before the sequence; `rest`: what follows it.
 */
function checkPrefixedRun(
  seq: readonly Node[],
  prefix: readonly Node[],
  rest: readonly Node[],
  flags: string,
  inLook = false,
): string | undefined {
  for (let i = 0; i < seq.length; i++) {
    const node = seq[i]!;
    if (node.t === 'atom' || node.t === 'assert') continue;
    const before = (): Node[] => [...prefix, ...seq.slice(0, i)];
    const after = (): Node[] => [...seq.slice(i + 1), ...rest];
    const run = runClass(node);
    // Only a run of one atom ends where the next character is not one of its own: a run of a group
    // ("abab" of (?:ab)+) can stop before an 'a', so no assertion after it surely holds.
    const ender = node.t === 'quant' && node.node.t === 'atom' ? run : undefined;
    // A lookaround throws away what its run read, so it rereads the run at every start even when it
    // succeeds; a match keeps it, unless what must follow the run can fail at its end.
    if (run !== undefined && (inLook || !after().every((n) => emptyAlwaysMatches(n, ender, flags)))) {
      const lead = before();
      // A group run through a prefix of its own pieces (`\d{1,3}(?:,\d{3})+\.\d\d` on "1,234,234,...")
      // is rejected unless a lookaround in the prefix may pin it: whether one does depends on the order
      // of the pieces, which the atoms alone do not tell (separator_then_override's lookbehind does).
      const pinnable = lead.some((n) => n.t === 'group' && n.look && lookAtoms(n) === undefined);
      if (spellsIn(lead, run, flags) && (ender !== undefined || lead.every(nullable) || !pinnable))
        return lead.every(nullable)
          ? `starts with an unbounded repetition (${shown(node)}) that more must follow (e.g. \\d+x): bound it ({1,64}) or start with a fixed character`
          : `reaches an unbounded repetition (${shown(node)}) through a start it can repeat (e.g. key[a-z]+x on "keykeykey..."): bound it ({1,64}) or start with a character outside it`;
    }
    if (node.t === 'group' && node.look) {
      for (const alt of node.alts) {
        // Lookarounds are atomic: what follows them never backtracks into them.
        const risk = node.behind
          ? checkPrefixedRun(reversed(alt), [], [], flags, true)
          : checkPrefixedRun(alt, before(), [], flags, true);
        if (risk) return risk;
      }
      continue;
    }
    const alts = innerAlts(node);
    if (alts === undefined) continue;
    const lead = before();
    const next = after();
    for (const alt of alts) {
      const risk = checkPrefixedRun(alt, lead, next, flags, inLook);
      if (risk) return risk;
    }
  }
  return undefined;
}

/** A repetition as the author wrote it, near enough to find it in the regex (`[^@\s]+`, `(...)*`). */
function shown(node: Node): string {
  if (node.t !== 'quant') return '';
  const body = node.node.t === 'atom' ? node.node.src : '(...)';
  if (node.max !== Number.POSITIVE_INFINITY) return `${body}{${node.min},${node.max}}`;
  return node.min === 0 ? `${body}*` : node.min === 1 ? `${body}+` : `${body}{${node.min},}`;
}

/**
 * The characters an unbounded repetition takes, as one atom's source (`[a-z]` of `[a-z]+`, `(?:a|b)` of
 * `(?:ab)+`: "abab..." holds a start at every "ab"), or undefined for anything else.
 */
function runClass(node: Node): string | undefined {
  if (node.t !== 'quant' || node.max !== Number.POSITIVE_INFINITY) return undefined;
  if (node.node.t === 'atom') return node.node.src;
  const atoms: string[] = [];
  const collect = (n: Node): void => {
    if (n.t === 'atom') atoms.push(n.src);
    else if (n.t === 'quant') collect(n.node);
    else if (n.t === 'group' && !n.look) for (const alt of n.alts) alt.forEach(collect);
  };
  collect(node.node);
  return atoms.length === 0 ? undefined : `(?:${atoms.join('|')})`;
}

/**
 * Whether a node, right after a maximal run of `run`, surely matches: it is optional, or it is a
 * lookahead that only forbids more of the run (`-+(?!-)`), which holds where the run ends. An assertion
 * (`\b`, `(?<=\s)`) may fail there, and the run is then given back character by character.
 */
function emptyAlwaysMatches(node: Node, run: string | undefined, flags: string): boolean {
  if (node.t === 'atom') return false;
  if (node.t === 'quant') return node.min === 0 || emptyAlwaysMatches(node.node, run, flags);
  // `\w+\b`: a maximal run of all word characters ends where a word does.
  if (node.t === 'assert')
    return (
      run !== undefined && node.src === '\\b' && (sameAtom(run, '\\w', flags) || sameAtom(run, '\\W', flags))
    );
  if (!node.look) return node.alts.some((alt) => alt.every((n) => emptyAlwaysMatches(n, run, flags)));
  return (
    run !== undefined &&
    node.negative &&
    !node.behind &&
    node.alts.every((alt) => alt.length > 0 && alt[0]!.t === 'atom' && atomWithin(alt[0]!.src, run, flags))
  );
}

/**
 * Whether `nodes` can match a string of characters that `run` (one atom) also takes, so that a long
 * run of them holds a start of the regex at every repeat. Optional parts can be left out; an assertion
 * that cannot hold between two of the run's characters rules that out.
 */
function spellsIn(nodes: readonly Node[], run: string, flags: string): boolean {
  return nodes.every((node) => {
    if (pins(node, run, flags)) return false;
    if (nullable(node)) return true;
    if (node.t === 'atom') return atomsIntersect([node.src], [run], flags);
    if (node.t === 'quant') return spellsIn([node.node], run, flags);
    return node.t === 'group' && node.alts.some((alt) => spellsIn(alt, run, flags));
  });
}

/**
 * Whether an assertion fails between two characters of `run`: `\b` inside a run of word characters,
 * `^` and `$` (line starts are rare enough), `(?<![a-z])`, `(?<!##)` or `(?<=\s)` inside a run of
 * letters or of '#'. Any other lookaround is taken to hold, which can only reject more.
 */
function pins(node: Node, run: string, flags: string): boolean {
  if (node.t === 'assert') {
    if (node.src === '\\B') return false;
    if (node.src !== '\\b') return true;
    return atomWithin(run, '\\w', flags) || atomWithin(run, '\\W', flags);
  }
  if (node.t !== 'group' || !node.look) return false;
  const alts = lookAtoms(node);
  // Inside a long run every character around the position is one of the run's.
  return (
    alts?.every((atoms) =>
      node.negative
        ? atoms.every((a) => atomWithin(run, a, flags))
        : atoms.some((a) => !atomsIntersect([a], [run], flags)),
    ) ?? false
  );
}

/**
 * A lookaround's alternatives as lists of the atoms each must match in turn (`(?<!##)`, `(?<![a-z]{2})`),
 * or undefined when one has an optional part or a group: pins() can only judge the former.
 */
function lookAtoms(node: Node & { t: 'group' }): string[][] | undefined {
  const atomOf = (n: Node): string | undefined =>
    n.t === 'atom' ? n.src : n.t === 'quant' && n.min > 0 && n.node.t === 'atom' ? n.node.src : undefined;
  const alts: string[][] = [];
  for (const alt of node.alts) {
    const atoms = alt.map(atomOf);
    if (atoms.length === 0 || atoms.includes(undefined)) return undefined;
    alts.push(atoms as string[]);
  }
  return alts;
}

const sameAtom = (a: string, b: string, flags: string): boolean =>
  atomWithin(a, b, flags) && atomWithin(b, a, flags);

/** Whether every sampled character `inner` takes, `outer` takes too. */
function atomWithin(inner: string, outer: string, flags: string): boolean {
  const a = sampled(inner, flags);
  const b = sampled(outer, flags);
  return a.every((taken, i) => taken === 0 || b[i] === 1);
}

/** A sequence read backwards, as V8 matches a lookbehind. */
function reversed(seq: readonly Node[]): Node[] {
  return seq
    .map((node): Node => {
      if (node.t === 'group' && !node.look) return { ...node, alts: node.alts.map(reversed) };
      if (node.t === 'quant') return { ...node, node: reversed([node.node])[0]! };
      return node;
    })
    .reverse();
}

/**
 * An unbounded run followed (through optional parts, inside or out of its group) by a repetition that
 * can take the same characters (`\w+\s*\w+`, `-{4,}(?:[\s-]{1,20}x)?`) splits every run between the two
 * in every way before failing: polynomial time, a minute a megabyte in a shipped rule before it was
 * rewritten. `rest`: what follows the sequence in the regex.
 */
function checkRunsThenOverlap(
  seq: readonly Node[],
  rest: readonly Node[],
  flags: string,
): string | undefined {
  for (let i = 0; i < seq.length; i++) {
    const node = seq[i]!;
    const alts = innerAlts(node);
    // Most nodes are letters of literal words: what follows is gathered only for runs and groups.
    if (alts === undefined && !isUnboundedRun(node)) continue;
    const after = [...seq.slice(i + 1), ...rest];
    // A lookaround right after the run is the author ending it on purpose (`-+(?!-)`: it gives back
    // nothing that could match): left alone.
    const guarded = after[0]?.t === 'group' && after[0].look;
    if (isUnboundedRun(node) && !guarded) {
      for (const next of after) {
        const firsts = firstAtoms([next]);
        if (
          startsWithRepeat(next) &&
          (firsts === undefined || atomsIntersect([node.node.src], firsts, flags))
        )
          return 'an unbounded repetition followed by one that can take the same characters (e.g. \\w+\\s*\\w+): bound the first ({1,64}) or make the two disjoint';
        if (!nullable(next)) break;
      }
    }
    // Inside a repeated group, the group itself can come next again.
    const again = node.t === 'quant' && node.max > 1 ? [node, ...after] : after;
    for (const alt of alts ?? []) {
      const risk = checkRunsThenOverlap(alt, again, flags);
      if (risk) return risk;
    }
  }
  return undefined;
}

function checkNode(node: Node, flags: string, underStar: boolean): string | undefined {
  if (node.t === 'group') return checkAlts(node.alts, flags, underStar);
  if (node.t !== 'quant') return undefined;
  const unbounded = node.max === Number.POSITIVE_INFINITY;
  if (unbounded && underStar) return 'nested unbounded quantifiers (e.g. (a+)+)';
  if (node.max > 1 && containsUnbounded(node.node) && (unbounded || node.max > 100)) {
    return 'nested unbounded quantifiers (e.g. (a+)+ or (a+){1,500})';
  }
  if (unbounded || node.max > 100) {
    const alts = node.node.t === 'group' ? node.node.alts : [];
    if (alts.length > 1 && alternativesOverlap(alts, flags)) {
      return 'alternation with overlapping branches under an unbounded quantifier (e.g. (a|ab)*)';
    }
  }
  return checkNode(node.node, flags, underStar || unbounded);
}

function containsUnbounded(node: Node): boolean {
  if (node.t === 'quant') return node.max === Number.POSITIVE_INFINITY || containsUnbounded(node.node);
  if (node.t === 'group') return node.alts.some((seq) => seq.some(containsUnbounded));
  return false;
}

// Characters sampled to decide whether two first-character sets intersect.
const SAMPLE: readonly string[] = (() => {
  const out: string[] = [];
  for (let c = 0; c < 0x250; c++) out.push(String.fromCharCode(c));
  // Greek and Cyrillic, and a letter of the other scripts rules are written in (Arabic, Hebrew,
  // Devanagari, Thai, CJK, Hangul, kana): classes like \p{L} meet literals in any of them.
  for (let c = 0x370; c < 0x530; c++) out.push(String.fromCharCode(c));
  for (const c of [0x627, 0x5d0, 0x915, 0xe01, 0x4e00, 0x5fcd, 0xac00, 0x3042, 0x30a2])
    out.push(String.fromCharCode(c));
  return out;
})();

function alternativesOverlap(alts: readonly Node[][], flags: string): boolean {
  const firsts = alts.map((seq) => firstAtoms(seq));
  for (let a = 0; a < firsts.length; a++) {
    for (let b = a + 1; b < firsts.length; b++) {
      const x = firsts[a];
      const y = firsts[b];
      if (!x || !y) return true; // an empty branch overlaps with everything
      if (atomsIntersect(x, y, flags)) return true;
    }
  }
  return false;
}

function firstAtoms(seq: readonly Node[]): string[] | undefined {
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

function atomsIntersect(x: readonly string[], y: readonly string[], flags: string): boolean {
  const a = sampled(x.join('|'), flags);
  const b = sampled(y.join('|'), flags);
  return a.some((taken, i) => taken === 1 && b[i] === 1);
}

// Per atom source and flags, which SAMPLE characters it takes: a user's file asks about the same few
// classes many times, and each fresh answer costs two regexes and a thousand tests.
const sampledCache = new Map<string, Uint8Array>();

function sampled(source: string, flags: string): Uint8Array {
  const f = flags.replace(/[gy]/g, '');
  const key = `${f}:${source}`;
  let taken = sampledCache.get(key);
  if (taken === undefined) {
    const re = new RegExp(`^(?:${source})$`, f);
    taken = Uint8Array.from(SAMPLE, (ch) => (re.test(ch) ? 1 : 0));
    if (sampledCache.size >= 4096) sampledCache.clear();
    sampledCache.set(key, taken);
  }
  return taken;
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
