import {
  REPORT_SCHEMA_VERSION,
  type ReportInput,
  type ReportRenderer,
  type ReportSink,
} from '@flakestorm/core';

/**
 * The JSON report (schema version REPORT_SCHEMA_VERSION), written as a stream: header and summary,
 * then one result at a time, so its size never sits in memory. Used until the reporters package
 * provides its own `json` renderer.
 */
export const jsonReportRenderer: ReportRenderer = {
  format: 'json',
  extension: 'json',
  description: 'Versioned JSON report: meta, summary and every result with its checks',
  async render(input: ReportInput, sink: ReportSink): Promise<void> {
    const header = { schemaVersion: REPORT_SCHEMA_VERSION, ...input.meta, summary: input.summary };
    const head = JSON.stringify(header, null, 2);
    await sink.write(`${head.slice(0, -2)},\n  "results": [`);
    let first = true;
    for await (const result of input.results()) {
      await sink.write(`${first ? '\n' : ',\n'}    ${JSON.stringify(result)}`);
      first = false;
    }
    await sink.write(first ? ']\n}\n' : '\n  ]\n}\n');
  },
};

/** A sink writing to a file stream, honouring back-pressure. */
export function streamSink(stream: NodeJS.WritableStream): ReportSink {
  return {
    write(chunk) {
      if (stream.write(chunk)) return;
      return new Promise<void>((resolve) => stream.once('drain', () => resolve()));
    },
  };
}
