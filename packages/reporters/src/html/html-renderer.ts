import { createHash } from 'node:crypto';
import type { ReportInput, ReportRenderer, ReportSink, RunSummary } from '@flakestorm/core';
import { rerunPrefix } from '../util/case-facts.js';
import { redactInput, redactResult } from '../util/redact-result.js';
import { type ReporterRenderOptions, resolveRedactor } from '../util/redaction.js';
import { clipResult, createTopFailures } from '../util/top-failures.js';
import { barsHtml, gaugeSvg, histogramSvg } from './charts.js';
import { FAILURE_DATA_BUDGET, failureBudget, toFailureRecord, toFailureStub } from './failure-record.js';
import { esc, jsonForScript } from './html-escape.js';
import { pageScript } from './page-script.js';
import { pageStyle } from './page-style.js';
import { staticFailureHtml } from './static-failure.js';

/** Options of the HTML renderer. */
export interface HtmlRenderOptions extends ReporterRenderOptions {
  /** A static, script-free page with the worst failures expanded (what the PDF prints). */
  print?: boolean;
  /** Failures expanded in print mode (default 200). */
  printLimit?: number;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const styleHash = sha256(pageStyle);
const scriptHash = sha256(pageScript);
const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** The Content-Security-Policy of a report: only our own inline style and script, nothing remote. */
export function reportCsp(withScript: boolean): string {
  return `default-src 'none'; script-src ${withScript ? scriptHash : "'none'"}; style-src ${styleHash}; img-src data:; base-uri 'none'; form-action 'none'`;
}

function head(input: ReportInput, withScript: boolean): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp(withScript)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Flakestorm report · ${esc(input.meta.agent.description)} · ${pct(input.summary.robustness)}</title>
<style>${pageStyle}</style>
</head>
<body>
`;
}

function overview(input: ReportInput): string {
  const s = input.summary;
  const m = input.meta;
  const types = Object.entries(s.byType)
    .sort((a, b) => a[1].robustness - b[1].robustness)
    .map(([type, t]) => ({
      label: type,
      rate: t.robustness,
      detail: `${t.passed}/${t.total} passed, weight ${t.weight}`,
    }));
  const invariants = Object.entries(s.byInvariant)
    .sort((a, b) => a[1].rate - b[1].rate)
    .map(([id, inv]) => ({
      label: id,
      rate: inv.rate,
      detail: `${inv.type}, ${inv.severity}, ${inv.passed}/${inv.total}`,
    }));
  const warnings = m.warnings.length
    ? `<section class="wide"><h2>Warnings</h2><ul>${m.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></section>`
    : '';
  return `<header><h1>Flakestorm report</h1>
<span class="facts">${esc(m.agent.kind)} agent <b>${esc(m.agent.description)}</b> · run ${esc(m.runId)} · ${esc(m.status)} · started ${esc(m.startedAt)} · ${esc(m.configSource)} · seed ${m.seed} · flakestorm ${esc(m.tool.version)}</span>
<button id="theme" type="button" title="Switch light/dark theme">◐ Theme</button></header>
<main>
<section class="score" id="score"><h2>Robustness</h2>${gaugeSvg(s)}
<div class="kpis"><div><b>${s.passed}</b>passed</div><div><b>${s.failed}</b>failed</div><div><b>${s.errored}</b>errored</div>
<div><b>${s.total}</b>cases</div><div><b>${(s.durationMs / 1000).toFixed(1)} s</b>duration</div><div><b>${s.weightedPassed.toFixed(1)}/${s.weightedTotal.toFixed(1)}</b>weighted</div></div></section>
<section id="by-type"><h2>Pass rate by mutation type</h2>${barsHtml(types, 'Pass rate by mutation type')}</section>
<section id="by-invariant"><h2>Pass rate by invariant</h2>${barsHtml(invariants, 'Pass rate by invariant')}</section>
<section id="latency"><h2>Latency</h2>${histogramSvg(s.latency)}
<p class="muted">p50 ${Math.round(s.latency.p50)} ms · p95 ${Math.round(s.latency.p95)} ms · p99 ${Math.round(s.latency.p99)} ms · mean ${Math.round(s.latency.mean)} ms · max ${Math.round(s.latency.max)} ms</p></section>
${flakySection(s)}${errorsSection(s)}${warnings}`;
}

function flakySection(s: RunSummary): string {
  if (s.flaky.length === 0) return '';
  const rows = s.flaky
    .slice(0, 200)
    .map(
      (f) =>
        `<tr data-case="${esc(f.id)}" title="Show this case"><td>${esc(f.id)}</td><td>${esc(f.mutationType)}</td><td>${pct(f.passRate)}</td><td>${pct(f.low)}–${pct(f.high)}</td></tr>`,
    )
    .join('');
  const more = s.flaky.length > 200 ? `<p class="muted">…and ${s.flaky.length - 200} more.</p>` : '';
  return `<section id="flaky"><h2>Flaky cases (${s.flaky.length})</h2><div class="scroll"><table><tr><th>Case</th><th>Type</th><th>Pass rate</th><th>95% interval</th></tr>${rows}</table></div>${more}</section>\n`;
}

function errorsSection(s: RunSummary): string {
  const causes = Object.entries(s.errorsByCause);
  const severities = Object.entries(s.bySeverity);
  const causeRows = causes.map(([cause, n]) => `<tr><td>${esc(cause)}</td><td>${n}</td></tr>`).join('');
  const sevRows = severities
    .map(
      ([sev, v]) =>
        `<tr><td class="sev sev-${esc(sev)}">${esc(sev)}</td><td>${v.failed} of ${v.checks}</td></tr>`,
    )
    .join('');
  return `<section id="causes"><h2>Failed checks by severity</h2><table>${sevRows}</table>${
    causes.length ? `<h4>Errors by cause</h4><table>${causeRows}</table>` : ''
  }</section>\n`;
}

const browser = `<section class="wide" id="failures"><h2>Failures</h2>
<div class="controls"><input id="q" type="search" placeholder="Search failures (press /)" aria-label="Search failures">
<select id="f-type" aria-label="Mutation type"><option value="">All types</option></select>
<select id="f-inv" aria-label="Invariant"><option value="">All invariants</option></select>
<select id="f-sev" aria-label="Severity"><option value="">All severities</option><option>critical</option><option>high</option><option>medium</option><option>low</option></select>
<select id="f-cause" aria-label="Error cause"><option value="">All causes</option></select>
<select id="f-sort" aria-label="Order"><option value="case">Case order</option><option value="severity">Most severe first</option><option value="slow">Slowest first</option></select>
<span id="count" class="muted"></span><span class="muted"><kbd>j</kbd>/<kbd>k</kbd> move · <kbd>/</kbd> search · <kbd>Enter</kbd> open</span></div>
<p class="nojs-note muted">The failure browser needs JavaScript; the JSON report has every result.</p>
<div class="browser"><div id="list" role="listbox" aria-label="Failures" tabindex="0"><div id="list-inner"></div></div>
<div id="detail" tabindex="-1" aria-live="polite"></div></div></section>
</main>
`;

/**
 * One self-contained HTML file (no CDN, fonts or remote scripts). Results stream through: failures
 * are written into a JSON data element as they arrive (clipped to a per-failure budget), and only the
 * golden answers (one per golden prompt) are kept for the diff. In print mode the worst failures are
 * laid out statically instead and the page has no script.
 */
export async function renderHtmlReport(
  rawInput: ReportInput,
  sink: ReportSink,
  options: HtmlRenderOptions,
): Promise<void> {
  const redact = resolveRedactor(options);
  const input = redactInput(rawInput, redact);
  const goldens: Record<number, { p: string; a?: string }> = {};
  const noteGolden = (index: number, prompt: string) => {
    goldens[index] ??= { p: prompt.length > 4000 ? `${prompt.slice(0, 4000)}…` : prompt };
  };
  if (options.print) {
    const limit = options.printLimit ?? 200;
    const top = createTopFailures(limit, (r) => clipResult(redactResult(r, redact, 4_000), 4_000));
    for await (const raw of input.results()) top.add(raw);
    await sink.write(head(input, false));
    await sink.write(overview(input));
    const worst = top.worst();
    let body = `<section class="wide" id="failures"><h2>Failures (${worst.length} of ${top.seen}, most severe first)</h2>`;
    body += worst.map((r, i) => staticFailureHtml(r, i + 1, input.meta)).join('\n');
    if (top.seen > worst.length)
      body += `<p class="muted">${top.seen - worst.length} more failures are in the JSON and HTML reports.</p>`;
    if (top.seen === 0) body += '<p>No failures.</p>';
    await sink.write(`${body}</section>\n</main>\n</body>\n</html>\n`);
    return;
  }
  await sink.write(head(input, true));
  await sink.write(overview(input));
  await sink.write(browser);
  await sink.write(
    `<script type="application/json" id="fs-meta">${jsonForScript({ runId: input.meta.runId, rerun: rerunPrefix(input.meta) })}</script>\n<script type="application/json" id="fs-failures">[`,
  );
  let bytesLeft = FAILURE_DATA_BUDGET;
  let failuresLeft = input.summary.failed;
  let first = true;
  for await (const raw of input.results()) {
    if (raw.mutationType === 'golden') {
      const r = redactResult(raw, redact, 4000);
      noteGolden(r.goldenIndex, r.goldenPrompt);
      if (!r.error)
        goldens[r.goldenIndex]!.a = r.response.length > 4000 ? `${r.response.slice(0, 4000)}…` : r.response;
      if (raw.passed) continue;
    }
    if (raw.passed) continue;
    let record: string;
    if (bytesLeft > 0) {
      let budget = failureBudget(bytesLeft, failuresLeft);
      const r = redactResult(raw, redact, budget);
      noteGolden(r.goldenIndex, r.goldenPrompt);
      record = jsonForScript(toFailureRecord(r, budget));
      // Escaping (`<` becomes \u003c) and many headers can put a record far over its share of what
      // is left: shrink its texts until it fits, and past the smallest budget list it without texts.
      const share = (1.5 * bytesLeft) / failuresLeft;
      while (record.length > share && budget > 60) {
        budget = Math.max(60, Math.floor(budget / 2));
        record = jsonForScript(toFailureRecord(r, budget));
      }
      if (record.length > share) record = jsonForScript(toFailureStub(r));
    } else {
      // Budget spent (far more failures than the summary announced): list the rest without texts.
      record = jsonForScript(toFailureStub(redactResult(raw, redact, 60)));
    }
    await sink.write(`${first ? '' : ','}\n${record}`);
    bytesLeft -= Buffer.byteLength(record) + 2;
    failuresLeft = Math.max(1, failuresLeft - 1);
    first = false;
  }
  await sink.write(
    `\n]</script>\n<script type="application/json" id="fs-goldens">${jsonForScript(goldens)}</script>\n<script>${pageScript}</script>\n</body>\n</html>\n`,
  );
}

/** The `html` format: an interactive, offline, self-contained report. */
export const htmlRenderer: ReportRenderer = {
  format: 'html',
  extension: 'html',
  description: 'Self-contained interactive report (offline; strict CSP; 10,000 results under 3 MB)',
  render: renderHtmlReport,
};
