import type { TrendPoint } from '../api/types.js';

/** Chart-ready trend data: x in Unix seconds, one line overall and one per mutation type (0..100). */
export interface TrendSeries {
  x: number[];
  runIds: string[];
  lines: Array<{ label: string; values: Array<number | null> }>;
}

/**
 * Turns trend points into aligned series. A type missing from a run is a gap (null), not a zero,
 * so a type added later does not draw a fake drop. Points with an unreadable date are skipped.
 */
export function toTrendSeries(points: readonly TrendPoint[], maxTypes = 8): TrendSeries {
  const usable = points
    .map((p) => ({ p, t: Date.parse(p.startedAt) / 1000 }))
    .filter(({ t }) => Number.isFinite(t))
    .sort((a, b) => a.t - b.t);
  // uPlot needs strictly increasing x; runs started in the same millisecond are nudged apart.
  const x: number[] = [];
  for (const { t } of usable)
    x.push(x.length > 0 && t <= (x.at(-1) as number) ? (x.at(-1) as number) + 0.001 : t);
  const typeCounts = new Map<string, number>();
  for (const { p } of usable)
    for (const type of Object.keys(p.byType)) typeCounts.set(type, (typeCounts.get(type) ?? 0) + 1);
  const types = [...typeCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, maxTypes)
    .map(([type]) => type)
    .sort();
  const pct = (v: number | undefined) => (v === undefined ? null : Math.round(v * 1000) / 10);
  return {
    x,
    runIds: usable.map(({ p }) => p.runId),
    lines: [
      { label: 'robustness', values: usable.map(({ p }) => pct(p.robustness)) },
      ...types.map((type) => ({ label: type, values: usable.map(({ p }) => pct(p.byType[type])) })),
    ],
  };
}
