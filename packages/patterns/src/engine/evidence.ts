/**
 * The injection score of a text from its findings. Distinct rules combine like independent evidence,
 * 1 - prod(1 - weight), each rule once at its highest weight. Weak signs (weight under one half, which
 * flag only in pairs) are independent only when they rest on different words: two weak rules that read
 * the same phrase ("without notifying the user" is a concealment phrase to two rules) are one sign, not
 * two, or a single benign phrase would flag a text. Findings in decoded text are left apart: their spans
 * are the whole encoded stretch, so they all overlap.
 */
import type { DecodedFrom } from '../types.js';

/** What the score reads of an injection finding. */
export interface Evidence {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly weight: number;
  readonly decodedFrom?: DecodedFrom;
}

/** Weights under this flag only with another sign (0.45 + 0.45 -> 0.70). */
const WEAK = 0.5;
// Two spans are one phrase when they share at least half of their union: a short sign inside a long
// addressee clause ("... have been authorized by People Ops to attach ...") is still its own evidence.
const SAME_PHRASE = 0.5;

const samePhrase = (a: Evidence, b: Evidence): boolean => {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (shared <= 0) return false;
  return shared / (Math.max(a.end, b.end) - Math.min(a.start, b.start)) >= SAME_PHRASE;
};

/** 1 - prod(1 - weight) over the evidence, rounded to three decimals. */
export function injectionScore(evidence: readonly Evidence[]): number {
  if (evidence.length === 0) return 0;
  const strong = new Map<string, number>();
  const weak: Evidence[] = [];
  for (const e of evidence) {
    if (e.weight >= WEAK) strong.set(e.id, Math.max(strong.get(e.id) ?? 0, e.weight));
    else weak.push(e);
  }
  let miss = 1;
  for (const w of strong.values()) miss *= 1 - w;
  for (const w of weakSigns(weak)) miss *= 1 - w;
  return Math.round((1 - miss) * 1000) / 1000;
}

/**
 * The weights of the weak signs that count: phrases (groups of weak findings on the same words) each
 * give one rule's weight, and each rule counts once, for the phrase with the fewest other readers first
 * (a rule seen alone somewhere is counted there, leaving a shared phrase to the other rule).
 */
function weakSigns(weak: readonly Evidence[]): number[] {
  const phrases = groupPhrases(weak);
  phrases.sort((a, b) => a.size - b.size);
  const counted = new Set<string>();
  const out: number[] = [];
  for (const phrase of phrases) {
    let best: string | undefined;
    let bestWeight = 0;
    for (const [id, w] of phrase)
      if (!counted.has(id) && w > bestWeight) {
        best = id;
        bestWeight = w;
      }
    if (best === undefined) continue;
    counted.add(best);
    out.push(bestWeight);
  }
  return out;
}

/** Weak findings grouped into phrases (same words, transitively), each as rule id -> weight. */
function groupPhrases(weak: readonly Evidence[]): Map<string, number>[] {
  const parent = weak.map((_, i) => i);
  // A text has a handful of weak findings: no path compression needed.
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    return r;
  };
  for (let i = 0; i < weak.length; i++)
    for (let j = i + 1; j < weak.length; j++) {
      const a = weak[i]!;
      const b = weak[j]!;
      if (a.id === b.id || a.decodedFrom !== undefined || b.decodedFrom !== undefined) continue;
      if (samePhrase(a, b)) parent[root(i)] = root(j);
    }
  const byRoot = new Map<number, Map<string, number>>();
  for (let i = 0; i < weak.length; i++) {
    const r = root(i);
    let phrase = byRoot.get(r);
    if (phrase === undefined) {
      phrase = new Map();
      byRoot.set(r, phrase);
    }
    const e = weak[i]!;
    phrase.set(e.id, Math.max(phrase.get(e.id) ?? 0, e.weight));
  }
  return [...byRoot.values()];
}
