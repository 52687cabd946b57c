import type { RunMeta } from '../run/report.js';
import type { CaseResult } from '../run/result.js';
import type { RunSummary } from '../run/summary.js';

/** Where a renderer writes its output, chunk by chunk (a file stream, an HTTP response, a buffer). */
export interface ReportSink {
  write(chunk: string | Uint8Array): void | Promise<void>;
}

/** What a renderer reads: the header and summary up front, results streamed one at a time. */
export interface ReportInput {
  meta: RunMeta;
  summary: RunSummary;
  /** Results in case order; may be read once only (a 100,000-case run is never held whole). */
  results(): AsyncIterable<CaseResult>;
}

/** Options every renderer honours. */
export interface RenderOptions {
  /** Mask PII and secrets in responses and prompts (default true). */
  redact: boolean;
}

/** One report format: json, junit, markdown, csv, html, pdf, or a plugin's own. */
export interface ReportRenderer {
  readonly format: string;
  /** File extension without the dot. */
  readonly extension: string;
  readonly description: string;
  render(input: ReportInput, sink: ReportSink, options: RenderOptions): Promise<void>;
}
