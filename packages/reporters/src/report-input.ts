import type { ReportInput, RunMeta, RunReport } from '@flakestorm/core';

/** The header of a RunReport: everything but its schema version, summary and results. */
export function reportMeta(report: RunReport): RunMeta {
  const { schemaVersion: _version, summary: _summary, results: _results, ...meta } = report;
  return meta;
}

/** A ReportInput over a report held in memory (a stored run, a fixture). */
export function reportToInput(report: RunReport): ReportInput {
  return {
    meta: reportMeta(report),
    summary: report.summary,
    async *results() {
      yield* report.results;
    },
  };
}
