import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { CaseResult, ReportInput, RunMeta, RunReport, RunSummary } from '@flakestorm/core';
import { FlakestormError } from '@flakestorm/core';
import { reportMeta } from '../report-input.js';
import { RESULTS_OPENER } from './json-renderer.js';

function invalid(path: string, message: string, line?: number, cause?: unknown): FlakestormError {
  return new FlakestormError('FLAKESTORM_REPORT_INVALID', `${path}: ${message}`, {
    hint: 'Pass a report written by `flakestorm run --json` (schema: @flakestorm/reporters/schema/report.schema.json).',
    details: line === undefined ? { path } : { path, line },
    ...(cause === undefined ? {} : { cause }),
  });
}

function checkHeader(path: string, header: unknown): { meta: RunMeta; summary: RunSummary } {
  if (header === null || typeof header !== 'object') throw invalid(path, 'the report is not a JSON object');
  const h = header as Partial<RunReport>;
  if (h.schemaVersion !== 1) {
    throw invalid(path, `unsupported schemaVersion ${JSON.stringify(h.schemaVersion)}; this version reads 1`);
  }
  if (typeof h.runId !== 'string' || typeof h.summary !== 'object' || h.summary === null) {
    throw invalid(path, 'the report has no runId or summary');
  }
  return { meta: reportMeta({ results: [], ...h } as RunReport), summary: h.summary };
}

async function firstLine(path: string): Promise<string> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}

async function* streamResults(path: string): AsyncIterable<CaseResult> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const raw of lines) {
      lineNo++;
      if (lineNo === 1) continue;
      const line = raw.trim();
      if (line === ']}' || line === '') continue;
      const json = line.endsWith(',') ? line.slice(0, -1) : line;
      let result: unknown;
      try {
        result = JSON.parse(json);
      } catch (cause) {
        throw invalid(path, 'a result line is not valid JSON', lineNo, cause);
      }
      if (result === null || typeof result !== 'object' || typeof (result as CaseResult).id !== 'string') {
        throw invalid(path, 'a result line is not a case result', lineNo);
      }
      yield result as CaseResult;
    }
  } finally {
    lines.close();
  }
}

/**
 * Opens a JSON report for re-rendering or comparison. Reports in the line layout written by the
 * json renderer stream their results from disk (results() may be called again: it re-reads the file);
 * other valid reports (pretty-printed by hand) are parsed whole.
 */
export async function readReportFile(path: string): Promise<ReportInput> {
  let head: string;
  try {
    head = await firstLine(path);
  } catch (cause) {
    throw new FlakestormError('FLAKESTORM_REPORT_INVALID', `Cannot read the report ${path}.`, {
      hint: 'Check the path; reports are written by `flakestorm run --json PATH` or `--format json`.',
      details: { path },
      cause,
    });
  }
  if (head.startsWith('{') && head.endsWith(RESULTS_OPENER)) {
    let header: unknown;
    try {
      header = JSON.parse(`${head}]}`);
    } catch (cause) {
      throw invalid(path, 'the header line is not valid JSON', 1, cause);
    }
    const { meta, summary } = checkHeader(path, header);
    return { meta, summary, results: () => streamResults(path) };
  }
  let whole: unknown;
  try {
    whole = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw invalid(path, 'the file is not valid JSON', undefined, cause);
  }
  const { meta, summary } = checkHeader(path, whole);
  const results = (whole as { results?: unknown }).results;
  if (!Array.isArray(results)) throw invalid(path, 'the report has no results array');
  return {
    meta,
    summary,
    async *results() {
      yield* results as CaseResult[];
    },
  };
}
