import type { ReportInput, ReportRenderer, ReportSink, RunReport } from '@flakestorm/core';
import { redactInput, redactResult } from '../util/redact-result.js';
import { type ReporterRenderOptions, resolveRedactor } from '../util/redaction.js';

/** The line that opens the results array: everything before it is the header, on one line. */
export const RESULTS_OPENER = '"results":[';

/**
 * Writes the versioned RunReport as it streams: line 1 holds the header and summary and ends with
 * `"results":[`, then one result per line (a trailing comma separates them), then `]}`. The file is
 * plain JSON; the layout lets `readReportFile` stream it back without loading every result.
 */
export async function renderJsonReport(
  rawInput: ReportInput,
  sink: ReportSink,
  options: ReporterRenderOptions,
): Promise<void> {
  const redact = resolveRedactor(options);
  const input = redactInput(rawInput, redact);
  const header: Omit<RunReport, 'results'> = { schemaVersion: 1, ...input.meta, summary: input.summary };
  const head = JSON.stringify(header);
  await sink.write(`${head.slice(0, -1)},${RESULTS_OPENER}\n`);
  // Hold one line back so the last result is written without a trailing comma.
  let pending: string | null = null;
  for await (const result of input.results()) {
    if (pending !== null) await sink.write(`${pending},\n`);
    pending = JSON.stringify(redactResult(result, redact));
  }
  if (pending !== null) await sink.write(`${pending}\n`);
  await sink.write(']}\n');
}

/** The `json` format: the documented, versioned report (schema/report.schema.json). */
export const jsonRenderer: ReportRenderer = {
  format: 'json',
  extension: 'json',
  description: 'Versioned JSON report, one result per line (schema/report.schema.json)',
  render: renderJsonReport,
};
