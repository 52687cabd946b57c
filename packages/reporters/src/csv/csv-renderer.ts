import type { ReportInput, ReportRenderer, ReportSink } from '@flakestorm/core';
import { failedChecks, failureSummary, worstSeverity } from '../util/case-facts.js';
import { redactInput, redactResult } from '../util/redact-result.js';
import { type ReporterRenderOptions, resolveRedactor } from '../util/redaction.js';
import { csvRow } from './csv-cell.js';

/** Column names, in order. */
export const csvColumns = [
  'run_id',
  'case_id',
  'index',
  'golden_index',
  'mutation_type',
  'variant_index',
  'label',
  'weight',
  'passed',
  'severity',
  'error_cause',
  'status',
  'latency_ms',
  'trials',
  'pass_rate',
  'failed_checks',
  'reasons',
  'golden_prompt',
  'mutated_prompt',
  'response',
] as const;

/** Writes one row per case as results stream in. */
export async function renderCsvReport(
  rawInput: ReportInput,
  sink: ReportSink,
  options: ReporterRenderOptions,
): Promise<void> {
  const redact = resolveRedactor(options);
  const input = redactInput(rawInput, redact);
  await sink.write(csvRow([...csvColumns]));
  for await (const raw of input.results()) {
    const r = redactResult(raw, redact);
    await sink.write(
      csvRow([
        input.meta.runId,
        r.id,
        r.index,
        r.goldenIndex,
        r.mutationType,
        r.variantIndex,
        r.label,
        r.weight,
        r.passed,
        worstSeverity(r) ?? '',
        r.error?.cause ?? '',
        r.status ?? null,
        r.latencyMs,
        r.trials?.count ?? 1,
        r.trials?.passRate ?? (r.passed ? 1 : 0),
        failedChecks(r)
          .map((check) => check.id)
          .join(';'),
        failureSummary(r),
        r.goldenPrompt,
        r.mutated,
        r.response,
      ]),
    );
  }
}

/** The `csv` format: one row per case, RFC 4180, formulas neutralised. */
export const csvRenderer: ReportRenderer = {
  format: 'csv',
  extension: 'csv',
  description: 'One row per case (RFC 4180; cells that look like formulas are neutralised)',
  render: renderCsvReport,
};
