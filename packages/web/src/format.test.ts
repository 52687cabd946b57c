import { describe, expect, it } from 'vitest';
import { deltaPoints, duration, percent, scoreBand } from './format.js';

describe('format', () => {
  it('formats rates, deltas and durations, and unknowns as a dash', () => {
    expect(percent(0.875)).toBe('87.5%');
    expect(percent(null)).toBe('–');
    expect(percent(Number.NaN)).toBe('–');
    expect(deltaPoints(0.025)).toBe('+2.5 pp');
    expect(deltaPoints(-0.1)).toBe('−10.0 pp');
    expect(deltaPoints(0.0001)).toBe('±0.0 pp');
    expect(duration(850)).toBe('850 ms');
    expect(duration(2400)).toBe('2.4 s');
    expect(duration(125_000)).toBe('2 min 5 s');
    expect(duration(undefined)).toBe('–');
  });

  it('uses the report bands', () => {
    expect([0.95, 0.85, 0.75, 0.5].map(scoreBand)).toEqual(['excellent', 'good', 'fair', 'poor']);
  });
});
