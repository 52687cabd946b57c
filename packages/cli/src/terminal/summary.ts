import type { RunMeta, RunSummary } from '@flakestorm/core';
import type { Colors } from './colors.js';
import { column, duration, percent } from './format.js';

/** What the end-of-run summary shows besides the summary itself. */
export interface SummaryContext {
  meta: RunMeta;
  summary: RunSummary;
  reportPaths: string[];
  minScore?: number;
}

/**
 * The end-of-run summary for people: robustness with its band, per-type and per-invariant tables,
 * latency percentiles, errors by cause, flaky cases and report paths.
 */
export function formatSummary(context: SummaryContext, colors: Colors): string {
  const { summary, meta } = context;
  const out: string[] = [];
  const bandColor =
    summary.band === 'excellent' || summary.band === 'good'
      ? colors.green
      : summary.band === 'fair'
        ? colors.yellow
        : colors.red;
  const status = meta.status === 'interrupted' ? colors.yellow(' (interrupted: partial results)') : '';
  out.push('');
  out.push(
    `${colors.bold('Robustness')} ${bandColor(colors.bold(percent(summary.robustness)))} ${bandColor(`(${summary.band})`)}${status}`,
  );
  out.push(
    `${summary.passed}/${summary.total} cases passed, ${summary.failed} failed (${summary.errored} with errors) in ${duration(summary.durationMs)}`,
  );
  if (context.minScore !== undefined) {
    const ok = summary.robustness >= context.minScore;
    out.push(
      ok
        ? colors.green(`min score ${percent(context.minScore)} met`)
        : colors.red(`below min score ${percent(context.minScore)}`),
    );
  }

  const types = Object.entries(summary.byType).sort(
    (a, b) => a[1].rate - b[1].rate || a[0].localeCompare(b[0]),
  );
  // Types with failures get a row each; the (often many) flawless ones share one wrapped line.
  const failing = types.filter(([, row]) => row.rate < 1);
  const flawless = types.filter(([, row]) => row.rate >= 1).map(([type]) => type);
  if (failing.length > 0) {
    out.push(
      '',
      colors.bold(
        `${column('Mutation type', 30)}${column('cases', 7, 'right')}${column('passed', 8, 'right')}${column('rate', 8, 'right')}`,
      ),
    );
    for (const [type, row] of failing) {
      out.push(
        `${column(type, 30)}${column(String(row.total), 7, 'right')}${column(String(row.passed), 8, 'right')}${colors.red(column(percent(row.rate), 8, 'right'))}`,
      );
    }
  }
  if (flawless.length > 0) {
    out.push(
      '',
      `${colors.green(`${flawless.length} of ${types.length} mutation types passed every case:`)}`,
    );
    out.push(...wrap(flawless.join(', '), 100).map((line) => `  ${line}`));
  }

  const invariants = Object.entries(summary.byInvariant);
  if (invariants.length > 0) {
    out.push(
      '',
      colors.bold(
        `${column('Invariant', 30)}${column('severity', 10)}${column('checks', 7, 'right')}${column('failed', 8, 'right')}${column('rate', 8, 'right')}`,
      ),
    );
    for (const [id, row] of invariants) {
      const failed = row.total - row.passed;
      out.push(
        `${column(id, 30)}${column(row.severity, 10)}${column(String(row.total), 7, 'right')}${column(String(failed), 8, 'right')}${column(percent(row.rate), 8, 'right')}`,
      );
    }
  }

  const l = summary.latency;
  if (l.count > 0) {
    out.push(
      '',
      `${colors.bold('Latency')}  p50 ${duration(l.p50)}  p95 ${duration(l.p95)}  p99 ${duration(l.p99)}  max ${duration(l.max)}`,
    );
  }
  const causes = Object.entries(summary.errorsByCause).filter(([, n]) => n > 0);
  if (causes.length > 0) {
    out.push(`${colors.bold('Errors')}   ${causes.map(([cause, n]) => `${cause} ${n}`).join(', ')}`);
  }
  if (summary.flaky.length > 0) {
    out.push('', colors.bold(`Flaky cases (${summary.flaky.length})`));
    for (const f of summary.flaky.slice(0, 10)) {
      out.push(
        `  ${f.id} ${f.mutationType} pass rate ${percent(f.passRate)} [${percent(f.low)}, ${percent(f.high)}]`,
      );
    }
    if (summary.flaky.length > 10)
      out.push(colors.dim(`  ... and ${summary.flaky.length - 10} more in the report`));
  }
  if (context.reportPaths.length > 0) {
    out.push('', colors.bold('Reports'));
    for (const path of context.reportPaths) out.push(`  ${path}`);
  }
  return `${out.join('\n')}\n`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
