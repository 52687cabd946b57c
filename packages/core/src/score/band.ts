import type { ScoreBand } from '../run/summary.js';

/** The report band of a 0..1 score: >= 0.9 excellent, >= 0.8 good, >= 0.7 fair, else poor. */
export function scoreBand(score: number): ScoreBand {
  if (score >= 0.9) return 'excellent';
  if (score >= 0.8) return 'good';
  if (score >= 0.7) return 'fair';
  return 'poor';
}
