import { FlakestormError } from '@flakestorm/core';
import { esc } from '../html/html-escape.js';
import { reportCsp } from '../html/html-renderer.js';
import { pageStyle } from '../html/page-style.js';
import { mdCell } from '../markdown/markdown-escape.js';
import { MARKDOWN_MAX_CHARS } from '../markdown/markdown-renderer.js';
import type { CaseChange, Delta, RunComparison } from './compare-runs.js';

/** Formats a comparison renders to. */
export type ComparisonFormat = 'md' | 'markdown' | 'html' | 'json';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const points = (v: number | null) => (v === null ? '—' : `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} pts`);
const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);
const msDelta = (v: number | null) => (v === null ? '—' : `${v >= 0 ? '+' : ''}${Math.round(v)} ms`);

function verdict(c: RunComparison): string {
  return c.regressed
    ? `Regression: robustness fell ${points(c.delta)} (tolerance ${(c.tolerance * 100).toFixed(1)} pts)`
    : `No regression: robustness ${points(c.delta)} (tolerance ${(c.tolerance * 100).toFixed(1)} pts)`;
}

function markdown(c: RunComparison): string {
  const budget = MARKDOWN_MAX_CHARS - 2_000;
  let out = `## ${c.regressed ? '❌' : '✅'} Flakestorm comparison: ${pct(c.base.robustness)} → ${pct(c.head.robustness)}\n\n`;
  out += `**${verdict(c)}** · base ${mdCell(c.base.runId)} · head ${mdCell(c.head.runId)}\n\n`;
  out += `| | Base | Head | Change |\n| --- | --- | --- | --- |\n`;
  out += `| Robustness | ${pct(c.base.robustness)} | ${pct(c.head.robustness)} | ${points(c.delta)} |\n`;
  for (const p of ['p50', 'p95', 'p99'] as const) {
    const l = c.latency[p];
    out += `| Latency ${p} | ${ms(l.base)} | ${ms(l.head)} | ${msDelta(l.delta)} |\n`;
  }
  out += `\nCases: ${c.counts.matched} matched · ${c.counts.newlyFailing} newly failing · ${c.counts.newlyPassing} newly passing · ${c.counts.stillFailing} still failing · ${c.counts.onlyInHead} new · ${c.counts.onlyInBase} gone\n\n`;
  const rows = (items: Array<{ name: string } & Delta>) =>
    [...items]
      .sort((a, b) => (a.delta ?? 0) - (b.delta ?? 0))
      .slice(0, 60)
      .map((i) => `| ${mdCell(i.name)} | ${pct(i.base)} | ${pct(i.head)} | ${points(i.delta)} |\n`)
      .join('');
  out += `### By mutation type\n\n| Type | Base | Head | Change |\n| --- | --- | --- | --- |\n${rows(c.byType.map((t) => ({ ...t, name: t.type })))}\n`;
  if (c.byInvariant.length) {
    out += `### By invariant\n\n| Invariant | Base | Head | Change |\n| --- | --- | --- | --- |\n${rows(c.byInvariant.map((i) => ({ ...i, name: i.id })))}\n`;
  }
  const list = (title: string, items: CaseChange[], total: number) => {
    if (total === 0) return '';
    let section = `### ${title} (${total})\n\n| Case | Type | Reason |\n| --- | --- | --- |\n`;
    let shown = 0;
    for (const item of items) {
      const row = `| ${mdCell(item.id)} | ${mdCell(item.mutationType)} | ${mdCell(item.reason.slice(0, 200))} |\n`;
      if (out.length + section.length + row.length > budget) break;
      section += row;
      shown++;
    }
    if (shown < total) section += `\n…and ${total - shown} more.\n`;
    return `${section}\n`;
  };
  out += list('Newly failing', c.newlyFailing, c.counts.newlyFailing);
  out += list('Newly passing', c.newlyPassing, c.counts.newlyPassing);
  return out.length > MARKDOWN_MAX_CHARS
    ? `${out.slice(0, MARKDOWN_MAX_CHARS - 40)}\n\n…(cut to fit)\n`
    : out;
}

function html(c: RunComparison): string {
  const deltaClass = (v: number | null) =>
    v === null || Math.abs(v) < 1e-9 ? '' : v < 0 ? 'sev-high' : 'band-up';
  const table = (head: string, items: Array<{ name: string } & Delta>) =>
    `<table><tr><th>${head}</th><th>Base</th><th>Head</th><th>Change</th></tr>${[...items]
      .sort((a, b) => (a.delta ?? 0) - (b.delta ?? 0))
      .map(
        (i) =>
          `<tr><td>${esc(i.name)}</td><td>${pct(i.base)}</td><td>${pct(i.head)}</td><td class="${deltaClass(i.delta)}">${points(i.delta)}</td></tr>`,
      )
      .join('')}</table>`;
  const changes = (title: string, items: CaseChange[], total: number) =>
    total === 0
      ? ''
      : `<section class="wide"><h2>${esc(title)} (${total})</h2><div class="scroll"><table><tr><th>Case</th><th>Type</th><th>Label</th><th>Reason</th></tr>${items
          .map(
            (i) =>
              `<tr><td>${esc(i.id)}</td><td>${esc(i.mutationType)}</td><td>${esc(i.label)}</td><td>${esc(i.reason)}</td></tr>`,
          )
          .join(
            '',
          )}</table></div>${items.length < total ? `<p class="muted">…and ${total - items.length} more.</p>` : ''}</section>`;
  const latency = (['p50', 'p95', 'p99'] as const)
    .map(
      (p) =>
        `<tr><td>${p}</td><td>${ms(c.latency[p].base)}</td><td>${ms(c.latency[p].head)}</td><td>${msDelta(c.latency[p].delta)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp(false)}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Flakestorm comparison</title>
<style>${pageStyle}</style></head><body>
<header><h1>Flakestorm comparison</h1><span class="facts">base ${esc(c.base.runId)} (${esc(c.base.startedAt)}) → head ${esc(c.head.runId)} (${esc(c.head.startedAt)}) · ${esc(c.head.agent)}</span></header>
<main>
<section class="wide" id="verdict"><h2 class="${c.regressed ? 'sev-high' : ''}">${esc(verdict(c))}</h2>
<p>Robustness ${pct(c.base.robustness)} (${esc(c.base.band)}) → ${pct(c.head.robustness)} (${esc(c.head.band)}). Cases: ${c.counts.matched} matched, ${c.counts.newlyFailing} newly failing, ${c.counts.newlyPassing} newly passing, ${c.counts.stillFailing} still failing, ${c.counts.onlyInHead} new, ${c.counts.onlyInBase} gone.</p></section>
<section><h2>By mutation type</h2>${table(
    'Type',
    c.byType.map((t) => ({ ...t, name: t.type })),
  )}</section>
<section><h2>By invariant</h2>${table(
    'Invariant',
    c.byInvariant.map((i) => ({ ...i, name: i.id })),
  )}</section>
<section><h2>Latency</h2><table><tr><th></th><th>Base</th><th>Head</th><th>Change</th></tr>${latency}</table></section>
${changes('Newly failing', c.newlyFailing, c.counts.newlyFailing)}
${changes('Newly passing', c.newlyPassing, c.counts.newlyPassing)}
</main></body></html>
`;
}

/** Renders a comparison as Markdown (PR comment), a self-contained HTML page, or JSON. */
export function renderComparison(comparison: RunComparison, format: ComparisonFormat | string): string {
  switch (format) {
    case 'md':
    case 'markdown':
      return markdown(comparison);
    case 'html':
      return html(comparison);
    case 'json':
      return `${JSON.stringify(comparison, null, 2)}\n`;
    default:
      throw new FlakestormError('FLAKESTORM_USAGE', `Unknown comparison format "${format}".`, {
        hint: 'Use one of: md, html, json.',
        details: { format },
      });
  }
}
