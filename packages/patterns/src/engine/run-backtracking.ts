/**
 * Polynomial backtracking on long runs of a regex's own characters: quadratic shapes that the
 * catastrophic check (regex-safety.ts) lets through, rejected for the pattern engine, which runs every
 * rule over whole documents.
 */
import { atomsIntersect, atomWithin, sameAtom } from './char-samples.js';
import { firstAtoms, innerAlts, nullable, type RegexNode, startsWithRepeat } from './regex-ast.js';

type Node = RegexNode;

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

const isUnboundedRun = (node: Node): node is Node & { t: 'quant'; node: { t: 'atom'; src: string } } =>
  node.t === 'quant' && node.max === Number.POSITIVE_INFINITY && node.node.t === 'atom';

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
