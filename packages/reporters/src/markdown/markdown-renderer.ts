import type { CaseResult, ReportInput, ReportRenderer, ReportSink, RunSummary } from '@flakestorm/core';
import { failedChecks, rerunCommand, worstSeverity } from '../util/case-facts.js';
import { redactInput, redactResult } from '../util/redact-result.js';
import { type ReporterRenderOptions, resolveRedactor } from '../util/redaction.js';
import { clipResult, createTopFailures } from '../util/top-failures.js';
import { mdBlock, mdCell, mdHtmlText } from './markdown-escape.js';

/** GitHub rejects comments over 65,536 characters; we stay under this with margin. */
export const MARKDOWN_MAX_CHARS = 60_000;
const budget = MARKDOWN_MAX_CHARS - 1_500;
const maxFailures = 20;
const maxTableRows = 25;

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const bandIcon: Record<RunSummary['band'], string> = { excellent: '🟢', good: '🟢', fair: '🟡', poor: '🔴' };

function table(header: string[], rows: string[][], what: string): string {
  const shown = rows.slice(0, maxTableRows);
  let out = `| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |\n`;
  for (const row of shown) out += `| ${row.join(' | ')} |\n`;
  if (rows.length > shown.length) out += `\n…and ${rows.length - shown.length} more ${what}.\n`;
  return `${out}\n`;
}

function summarySection(input: ReportInput): string {
  const s = input.summary;
  const m = input.meta;
  let out = `## ${bandIcon[s.band]} Flakestorm robustness: ${pct(s.robustness)} (${s.band})\n\n`;
  out += `**${s.passed} of ${s.total} cases passed** · ${s.failed} failed · ${s.errored} errored · `;
  out += `latency p50 ${Math.round(s.latency.p50)} ms, p95 ${Math.round(s.latency.p95)} ms, p99 ${Math.round(s.latency.p99)} ms\n\n`;
  out += `Agent ${mdCell(m.agent.description)} · run ${mdCell(m.runId)} · status ${mdCell(m.status)} · seed ${m.seed}\n\n`;
  const types = Object.entries(s.byType).sort((a, b) => a[1].robustness - b[1].robustness);
  out += '### By mutation type (weakest first)\n\n';
  out += table(
    ['Type', 'Robustness', 'Passed', 'Total'],
    types.map(([type, t]) => [mdCell(type), pct(t.robustness), String(t.passed), String(t.total)]),
    'types',
  );
  const invariants = Object.entries(s.byInvariant).sort((a, b) => a[1].rate - b[1].rate);
  if (invariants.length > 0) {
    out += '### By invariant\n\n';
    out += table(
      ['Invariant', 'Type', 'Severity', 'Pass rate', 'Failed'],
      invariants.map(([id, inv]) => [
        mdCell(id),
        mdCell(inv.type),
        mdCell(inv.severity),
        pct(inv.rate),
        String(inv.total - inv.passed),
      ]),
      'invariants',
    );
  }
  if (s.flaky.length > 0) {
    out += `### Flaky cases (${s.flaky.length})\n\n`;
    out += table(
      ['Case', 'Type', 'Pass rate', '95% interval'],
      s.flaky.map((f) => [
        mdCell(f.id),
        mdCell(f.mutationType),
        pct(f.passRate),
        `${pct(f.low)}–${pct(f.high)}`,
      ]),
      'flaky cases',
    );
  }
  return out;
}

function failureSection(result: CaseResult, n: number, input: ReportInput): string {
  const severity = worstSeverity(result) ?? 'low';
  const what = result.error
    ? `error: ${result.error.cause}`
    : `${failedChecks(result).length} failed check(s)`;
  let out = `<details><summary>${n}. <b>${mdHtmlText(result.mutationType)}</b> · ${severity} · ${mdHtmlText(what)} · ${mdHtmlText(result.label)}</summary>\n\n`;
  const checks = failedChecks(result);
  if (checks.length > 0) {
    out += table(
      ['Check', 'Severity', 'Reason'],
      checks.map((c) => [mdCell(c.id), mdCell(c.severity), mdCell(c.reason)]),
      'checks',
    );
  }
  if (result.error) out += `**Error** ${mdCell(`${result.error.cause}: ${result.error.message}`)}\n\n`;
  out += `**Golden prompt**\n\n${mdBlock(result.goldenPrompt)}\n**Mutated prompt**\n\n${mdBlock(result.mutated)}\n`;
  if (result.sent) out += `**Sent on the wire** ${mdCell(`${result.sent.method} ${result.sent.url}`)}\n\n`;
  out += `**Response**\n\n${mdBlock(result.response === '' ? '(no response)' : result.response)}\n`;
  out += `**Re-run** ${mdCell(rerunCommand(input.meta, result.id))}\n\n</details>\n\n`;
  return out;
}

/**
 * A pull-request comment: score, weakest types and invariants, then the worst failures first. Holds
 * only the top failures while results stream, and never exceeds MARKDOWN_MAX_CHARS.
 */
export async function renderMarkdownReport(
  rawInput: ReportInput,
  sink: ReportSink,
  options: ReporterRenderOptions,
): Promise<void> {
  const redact = resolveRedactor(options);
  const input = redactInput(rawInput, redact);
  const top = createTopFailures(maxFailures, (r) => clipResult(redactResult(r, redact, 1_200), 1_200));
  for await (const result of input.results()) top.add(result);
  let out = summarySection(input);
  if (out.length > budget) out = `${out.slice(0, budget)}\n\n…(summary cut to fit a comment)\n`;
  const worst = top.worst();
  if (worst.length > 0) {
    out += `### Worst failures (${worst.length} of ${top.seen}, most severe first)\n\n`;
    let shown = 0;
    for (const result of worst) {
      const section = failureSection(result, shown + 1, input);
      if (out.length + section.length > budget) break;
      out += section;
      shown++;
    }
    if (shown < top.seen) out += `${top.seen - shown} more failure(s) are in the HTML and JSON reports.\n\n`;
  } else if (input.summary.failed === 0) {
    out += 'No failures. ✅\n\n';
  }
  out += `<sub>flakestorm ${mdHtmlText(input.meta.tool.version)} · config ${mdHtmlText(input.meta.configHash.slice(0, 19))}</sub>\n`;
  await sink.write(out);
}

/** The `markdown` format: a summary sized for a pull-request comment. */
export const markdownRenderer: ReportRenderer = {
  format: 'markdown',
  extension: 'md',
  description: 'Pull-request comment: score, weakest areas, worst failures first (< 60,000 characters)',
  render: renderMarkdownReport,
};
