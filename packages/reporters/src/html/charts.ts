import type { LatencyStats, RunSummary } from '@flakestorm/core';
import { esc } from './html-escape.js';

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** The score as a half-ring gauge with its band, as inline SVG (no script, no external assets). */
export function gaugeSvg(summary: RunSummary): string {
  const score = Math.min(1, Math.max(0, summary.robustness));
  const angle = Math.PI * (1 - score);
  const x = (100 + 80 * Math.cos(angle)).toFixed(2);
  const y = (100 - 80 * Math.sin(angle)).toFixed(2);
  const arc =
    score > 0
      ? `<path class="gauge-value band-${esc(summary.band)}" d="M20 100 A80 80 0 0 1 ${x} ${y}"/>`
      : '';
  return `<svg class="gauge" viewBox="0 0 200 120" role="img" aria-label="Robustness ${pct(score)}, ${esc(summary.band)}">
<path class="gauge-track" d="M20 100 A80 80 0 0 1 180 100"/>${arc}
<text class="gauge-score" x="100" y="92" text-anchor="middle">${pct(score)}</text>
<text class="gauge-band" x="100" y="114" text-anchor="middle">${esc(summary.band)}</text></svg>`;
}

/** One bar of a pass-rate chart. */
export interface BarRow {
  label: string;
  rate: number;
  detail: string;
}

/** Pass-rate bars (weakest first): a grid of label, inline-SVG bar and value (no style attributes, for the CSP). */
export function barsHtml(rows: BarRow[], title: string): string {
  if (rows.length === 0) return '<p class="muted">No data.</p>';
  const items = rows
    .map((row) => {
      const width = (Math.max(0, Math.min(1, row.rate)) * 100).toFixed(2);
      const band =
        row.rate >= 0.9 ? 'excellent' : row.rate >= 0.8 ? 'good' : row.rate >= 0.7 ? 'fair' : 'poor';
      return `<div class="bar-row" title="${esc(`${row.label}: ${pct(row.rate)} (${row.detail})`)}"><span class="bar-label">${esc(row.label)}</span><svg class="bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="bar-track" width="100" height="10"/><rect class="bar band-${band}" width="${width}" height="10"/></svg><span class="bar-value">${pct(row.rate)}</span><span class="bar-detail muted">${esc(row.detail)}</span></div>`;
    })
    .join('\n');
  return `<div class="bars" role="list" aria-label="${esc(title)}">${items}</div>`;
}

const msLabel = (le: number) =>
  le >= 1e9 ? '∞' : le >= 1000 ? `${(le / 1000).toFixed(le % 1000 ? 1 : 0)}s` : `${le}`;

/** Latency histogram with p50/p95/p99 markers, as inline SVG. */
export function histogramSvg(latency: LatencyStats): string {
  const buckets = latency.histogram;
  if (buckets.length === 0 || latency.count === 0) return '<p class="muted">No latency data.</p>';
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const w = 420;
  const h = 160;
  const slot = w / buckets.length;
  const bars = buckets
    .map((b, i) => {
      const bh = (b.count / max) * (h - 30);
      return `<g><title>${esc(`≤ ${msLabel(b.le)} ms: ${b.count}`)}</title><rect class="hist" x="${(i * slot + 2).toFixed(1)}" y="${(h - 20 - bh).toFixed(1)}" width="${(slot - 4).toFixed(1)}" height="${bh.toFixed(1)}"/>
<text class="axis" x="${(i * slot + slot / 2).toFixed(1)}" y="${h - 6}" text-anchor="middle">≤${esc(msLabel(b.le))}</text></g>`;
    })
    .join('\n');
  // A percentile sits inside its bucket in proportion to where it falls between the bucket's bounds.
  const position = (value: number) => {
    let lower = 0;
    for (let i = 0; i < buckets.length; i++) {
      const upper = buckets[i]?.le ?? 0;
      if (value <= upper || i === buckets.length - 1) {
        const span = upper >= 1e9 ? Math.max(1, latency.max - lower) : Math.max(1, upper - lower);
        return (i + Math.min(1, Math.max(0, (value - lower) / span))) * slot;
      }
      lower = upper;
    }
    return w;
  };
  const markers = (['p50', 'p95', 'p99'] as const)
    .map((p, i) => {
      const at = position(latency[p]);
      const x = at.toFixed(1);
      // Labels near the right edge hang to the left of their line so they are not clipped.
      const anchor = at > w * 0.7 ? 'text-anchor="end" dx="-3"' : 'dx="3"';
      return `<line class="marker marker-${p}" x1="${x}" x2="${x}" y1="4" y2="${h - 20}"/><text class="marker-label" x="${x}" ${anchor} y="${14 + i * 14}">${p} ${Math.round(latency[p])} ms</text>`;
    })
    .join('\n');
  return `<svg class="histogram" viewBox="0 0 ${w} ${h}" role="img" aria-label="Latency distribution: p50 ${Math.round(latency.p50)} ms, p95 ${Math.round(latency.p95)} ms, p99 ${Math.round(latency.p99)} ms">${bars}\n${markers}</svg>`;
}
