/**
 * Choosing among findings that cover the same characters: the best PII or secret finding of a span,
 * and one finding per injection rule and span (windows and decoded views can report one twice).
 */
import { type Finding, severityRank } from '../types.js';

/** What the choice reads of a finding. */
export interface Candidate {
  readonly id: string;
  readonly severity: Finding['severity'];
  readonly start: number;
  readonly end: number;
  readonly validated: boolean;
  readonly confidence: number;
  /** Characters between the finding and its nearest context word; absent when none is near. */
  readonly contextGap?: number;
}

const FEW_FINDINGS = 16;

/**
 * The gap of a finding with no context word near: past any real gap (a context word is looked for a few
 * dozen characters around), and a small integer, so that V8 keeps it in the finding itself rather than in
 * a boxed number allocated with every finding.
 */
export const NO_CONTEXT = 0x3fffffff;
const gapOf = (c: Candidate): number => c.contextGap ?? NO_CONTEXT;

/** -1, 0 or 1 as `x` is below, equal to or above `y`. */
const order = (x: number, y: number): number => (x === y ? 0 : x < y ? -1 : 1);

/**
 * Order of preference between findings of one span: confidence, then checksum, then the nearer context
 * word ("passport number 912803456, driver's license D1234567": the nine digits fit both rules, and
 * "passport" is the word next to them), severity, length.
 */
export const strongerFirst = (a: Candidate, b: Candidate): number =>
  // Confidences are fractions: their difference would come back boxed (a heap number) from every
  // comparison of a sort.
  order(b.confidence, a.confidence) ||
  Number(b.validated) - Number(a.validated) ||
  gapOf(a) - gapOf(b) ||
  severityRank[b.severity] - severityRank[a.severity] ||
  b.end - b.start - (a.end - a.start);

/** True when `f` shares a character with a kept finding (an empty one covers its start). */
function overlapsAny(f: Candidate, kept: readonly Candidate[]): boolean {
  if (f.end <= f.start) return false;
  for (const k of kept) if (f.start < Math.max(k.start + 1, k.end) && k.start < f.end) return true;
  return false;
}

/** Keeps the best of overlapping PII/secret findings (see strongerFirst). */
export function resolveOverlaps<T extends Candidate>(findings: T[]): T[] {
  if (findings.length < 2) return findings;
  const ranked = [...findings].sort(strongerFirst);
  // A text's handful of findings: checked pairwise against those kept, which costs less than the
  // bitmap below takes to allocate.
  if (ranked.length <= FEW_FINDINGS) {
    const kept: T[] = [];
    for (const f of ranked) if (!overlapsAny(f, kept)) kept.push(f);
    return kept;
  }
  // Characters already covered by a kept finding: linear in the spans, where pairwise checks were quadratic.
  let limit = 0;
  for (let k = 0; k < ranked.length; k++) limit = Math.max(limit, ranked[k]!.end);
  const taken = new Uint8Array(limit + 1);
  const kept: T[] = [];
  for (let k = 0; k < ranked.length; k++) {
    const f = ranked[k]!;
    let free = true;
    for (let i = f.start; i < f.end && free; i++) if (taken[i] === 1) free = false;
    if (!free) continue;
    taken.fill(1, f.start, Math.max(f.start + 1, f.end));
    kept.push(f);
  }
  return kept;
}

/** True unless a handful of findings come from distinct rules (then there is nothing to drop). */
function mayRepeatRule(findings: readonly Candidate[]): boolean {
  if (findings.length > FEW_FINDINGS) return true;
  for (let i = 1; i < findings.length; i++)
    for (let j = 0; j < i; j++) if (findings[i]!.id === findings[j]!.id) return true;
  return false;
}

/** Drops repeats of one rule over overlapping spans (windows and decoded views can report one twice). */
export function dedupeByRule<T extends Candidate>(findings: T[]): T[] {
  // The order returned does not matter: callers sort findings by offsets afterwards.
  if (!mayRepeatRule(findings)) return findings;
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const reach = new Map<string, number>(); // per rule: the furthest end kept so far
  const out: T[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const f = sorted[k]!;
    if (f.start < (reach.get(f.id) ?? Number.NEGATIVE_INFINITY)) continue;
    reach.set(f.id, Math.max(reach.get(f.id) ?? 0, f.end));
    out.push(f);
  }
  return out;
}
