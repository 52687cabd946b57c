import type { ScoreBand } from '../run/summary.js';
import { scoreBand } from './band.js';

/** The phases of `flakestorm ci`, each scored 0..1. */
export type Phase = 'mutation' | 'chaos' | 'contract' | 'replay';

/** Scores of the phases that ran (0..1); a missing or undefined phase did not run. */
export type PhaseScores = Partial<Record<Phase, number | undefined>>;

/** Python Flakestorm's phase weights for the overall CI score. */
export const defaultPhaseWeights: Readonly<Record<Phase, number>> = {
  mutation: 0.2,
  chaos: 0.35,
  contract: 0.35,
  replay: 0.1,
};

/** The overall CI score and how it was made. */
export interface CombinedScore {
  /** Weighted mean over the phases that ran, 0..1; null when no phase ran. */
  score: number | null;
  band: ScoreBand | null;
  /** The weights actually used, renormalised to sum to 1 over the phases that ran. */
  weights: Partial<Record<Phase, number>>;
}

/**
 * The overall CI score: a weighted mean of the phases that ran, renormalised over them, so a run
 * without replays is not punished for the replay phase it skipped.
 */
export function combinePhaseScores(
  scores: PhaseScores,
  weights: Partial<Record<Phase, number>> = defaultPhaseWeights,
): CombinedScore {
  const used: Array<[Phase, number, number]> = [];
  for (const phase of Object.keys(defaultPhaseWeights) as Phase[]) {
    const score = scores[phase];
    if (score === undefined || !Number.isFinite(score)) continue;
    const weight = weights[phase] ?? defaultPhaseWeights[phase];
    if (!(weight > 0)) continue;
    used.push([phase, Math.min(1, Math.max(0, score)), weight]);
  }
  const totalWeight = used.reduce((sum, [, , w]) => sum + w, 0);
  if (used.length === 0 || totalWeight <= 0) return { score: null, band: null, weights: {} };
  const normalised: Partial<Record<Phase, number>> = {};
  let score = 0;
  for (const [phase, value, weight] of used) {
    normalised[phase] = weight / totalWeight;
    score += (value * weight) / totalWeight;
  }
  return { score, band: scoreBand(score), weights: normalised };
}
