/** A 0..1 rate as a percentage with one decimal ("87.5%"); "–" when unknown. */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '–';
  return `${(rate * 100).toFixed(1)}%`;
}

/** A signed difference of two rates in percentage points ("+2.5 pp", "−1.0 pp", "±0.0 pp"). */
export function deltaPoints(delta: number): string {
  const points = delta * 100;
  if (Math.abs(points) < 0.05) return '±0.0 pp';
  return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} pp`;
}

/** Milliseconds, readable at any size ("850 ms", "2.4 s"). */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** An ISO timestamp in the viewer's locale; the input itself when it does not parse. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** The report's score bands: >= 0.9 excellent, 0.8-0.9 good, 0.7-0.8 fair, below poor. */
export function scoreBand(rate: number): 'excellent' | 'good' | 'fair' | 'poor' {
  if (rate >= 0.9) return 'excellent';
  if (rate >= 0.8) return 'good';
  if (rate >= 0.7) return 'fair';
  return 'poor';
}
