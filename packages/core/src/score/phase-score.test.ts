import { describe, expect, it } from 'vitest';
import { scoreBand } from './band.js';
import { combinePhaseScores } from './phase-score.js';

describe('combinePhaseScores', () => {
  it('weights all four phases 0.20/0.35/0.35/0.10', () => {
    const result = combinePhaseScores({ mutation: 1, chaos: 0.5, contract: 0.8, replay: 0 });
    expect(result.score).toBeCloseTo(0.2 + 0.175 + 0.28 + 0);
    expect(result.band).toBe('poor');
  });

  it('renormalises over the phases that ran', () => {
    const result = combinePhaseScores({ mutation: 0.9, contract: 0.6 });
    expect(result.weights.mutation).toBeCloseTo(0.2 / 0.55);
    expect(result.weights.contract).toBeCloseTo(0.35 / 0.55);
    expect(result.score).toBeCloseTo((0.9 * 0.2 + 0.6 * 0.35) / 0.55);
    expect(combinePhaseScores({ replay: 0.42 }).score).toBeCloseTo(0.42);
  });

  it('accepts custom weights, skips undefined and NaN phases, clamps scores', () => {
    const result = combinePhaseScores({ mutation: 2, chaos: Number.NaN, replay: undefined }, { mutation: 1 });
    expect(result.score).toBe(1);
    expect(Object.keys(result.weights)).toEqual(['mutation']);
  });

  it('returns null when nothing ran', () => {
    expect(combinePhaseScores({})).toEqual({ score: null, band: null, weights: {} });
  });
});

describe('scoreBand', () => {
  it('uses the report bands', () => {
    expect([0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.69].map(scoreBand)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'fair',
      'fair',
      'poor',
    ]);
  });
});
