import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { CaseResult, ReportInput, RunMeta, RunReport, RunSummary } from '@flakestorm/core';
import { FlakestormError } from '@flakestorm/core';
import { reportMeta } from '../report-input.js';
import { headerProblem } from './check-header.js';

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
  const problem = headerProblem(header as Record<string, unknown>);
  if (problem !== null) throw invalid(path, `malformed header: ${problem}`);
  return { meta: reportMeta({ results: [], ...h } as RunReport), summary: h.summary };
}

/** Where the results array opens, at the end of a line: `"results":[` or `"results": [`. */
const resultsOpener = /"results"\s*:\s*\[$/;
/** A header larger than this is not one we stream (the file is parsed whole instead). */
const maxHeaderChars = 64 * 1024 * 1024;

interface LineLayout {
  header: string;
  /** Lines up to and including the results opener. */
  headerLines: number;
  /** The first non-empty line after the opener, trimmed ("" at end of file), and its number. */
  firstResult: string;
  firstResultLine: number;
}

/** Reads lines up to the results opener; null when the file has no such line. */
async function readLayout(path: string): Promise<LineLayout | null> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header = '';
  let count = 0;
  let headerLines = -1;
  try {
    for await (const line of lines) {
      count++;
      if (headerLines >= 0) {
        const trimmed = line.trim();
        if (trimmed !== '') return { header, headerLines, firstResult: trimmed, firstResultLine: count };
        continue;
      }
      header += `${line}\n`;
      if (header.length > maxHeaderChars) return null;
      if (resultsOpener.test(line.trimEnd())) headerLines = count;
    }
    return headerLines >= 0 ? { header, headerLines, firstResult: '', firstResultLine: count } : null;
  } finally {
    lines.close();
  }
}

/** Whether the first result line is one whole JSON value (the layout streams) or part of a pretty-printed one. */
function isWholeLine(line: string): boolean {
  if (line === '' || line.startsWith(']')) return true;
  try {
    JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
    return true;
  } catch {
    return false;
  }
}

async function* streamResults(path: string, skip: number): AsyncIterable<CaseResult> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const raw of lines) {
      lineNo++;
      if (lineNo <= skip) continue;
      const line = raw.trim();
      if (line === '') continue;
      if (line.startsWith(']')) break;
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
 * Opens a JSON report for re-rendering or comparison. Reports with one result per line (the json
 * renderer's layout, and the CLI's indented one) stream their results from disk, and results() may
 * be called again (it re-reads the file); other valid reports are parsed whole.
 */
export async function readReportFile(path: string): Promise<ReportInput> {
  let layout: LineLayout | null;
  try {
    layout = await readLayout(path);
  } catch (cause) {
    throw new FlakestormError('FLAKESTORM_REPORT_INVALID', `Cannot read the report ${path}.`, {
      hint: 'Check the path; reports are written by `flakestorm run --json PATH` or `--format json`.',
      details: { path },
      cause,
    });
  }
  if (layout && isWholeLine(layout.firstResult)) {
    let header: unknown;
    try {
      header = JSON.parse(`${layout.header}]}`);
    } catch {
      header = undefined;
    }
    if (header !== undefined) {
      const { meta, summary } = checkHeader(path, header);
      const skip = layout.headerLines;
      return { meta, summary, results: () => streamResults(path, skip) };
    }
  }
  let whole: unknown;
  try {
    whole = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    if (layout && !isWholeLine(layout.firstResult) && layout.firstResult.endsWith(',')) {
      throw invalid(path, 'a result line is not valid JSON', layout.firstResultLine, cause);
    }
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
