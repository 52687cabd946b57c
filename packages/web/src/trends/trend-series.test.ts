import { describe, expect, it } from 'vitest';
import type { TrendPoint } from '../api/types.js';
import { toTrendSeries } from './trend-series.js';

const point = (
  runId: string,
  startedAt: string,
  robustness: number,
  byType: Record<string, number>,
): TrendPoint => ({
  runId,
  startedAt,
  agentDescription: 'agent',
  robustness,
  byType,
  byInvariant: {},
});

describe('toTrendSeries', () => {
  it('aligns per-type lines on time, with gaps where a run lacks a type', () => {
    const series = toTrendSeries([
      point('r2', '2025-01-02T00:00:00.000Z', 0.5, { noise: 0.25 }),
      point('r1', '2025-01-01T00:00:00.000Z', 0.9, { noise: 1, paraphrase: 0.8 }),
    ]);
    expect(series.runIds).toEqual(['r1', 'r2']);
    expect(series.x).toEqual([
      Date.parse('2025-01-01T00:00:00.000Z') / 1000,
      Date.parse('2025-01-02T00:00:00.000Z') / 1000,
    ]);
    expect(series.lines).toEqual([
      { label: 'robustness', values: [90, 50] },
      { label: 'noise', values: [100, 25] },
      { label: 'paraphrase', values: [80, null] },
    ]);
  });

  it('keeps x strictly increasing and skips unreadable dates', () => {
    const series = toTrendSeries([
      point('a', '2025-01-01T00:00:00.000Z', 1, {}),
      point('b', '2025-01-01T00:00:00.000Z', 1, {}),
      point('c', 'not a date', 1, {}),
    ]);
    expect(series.runIds).toEqual(['a', 'b']);
    expect(series.x[1]).toBeGreaterThan(series.x[0] as number);
  });

  it('keeps only the most common types', () => {
    const types = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`t${i}`, 1]));
    expect(toTrendSeries([point('a', '2025-01-01T00:00:00Z', 1, types)], 3).lines).toHaveLength(4);
  });
});
