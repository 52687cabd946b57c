/**
 * Static check for catastrophic backtracking. V8's regex engine backtracks, so a pattern with a
 * quantifier nested under an unbounded quantifier, or an unbounded alternation whose branches can
 * start with the same character, can take exponential time on a crafted input. We reject both at load.
 */
import { atomsIntersect } from './char-samples.js';
import { firstAtoms, parseRegexSource, type RegexNode } from './regex-ast.js';

type Node = RegexNode;

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

function checkAlts(alts: readonly Node[][], flags: string, underStar: boolean): string | undefined {
  for (const seq of alts) {
    for (const node of seq) {
      const risk = checkNode(node, flags, underStar);
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
