import { FlakestormError } from '../errors.js';
import { severities } from '../severity.js';
import {
  CONTRACT_REPORT_SCHEMA_VERSION,
  type ContractCellResult,
  type ContractReport,
} from './contract-report.js';

function invalid(file: string, problem: string): FlakestormError {
  return new FlakestormError('FLAKESTORM_REPORT_INVALID', `${file} is not a contract report: ${problem}.`, {
    hint: 'Pass the JSON written by `flakestorm contract run --json PATH` (kind "contract").',
    details: { file },
  });
}

function isCellResult(value: unknown): value is ContractCellResult {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.cell === 'string' &&
    typeof r.invariantId === 'string' &&
    typeof r.severity === 'string' &&
    (severities as readonly string[]).includes(r.severity) &&
    (r.status === 'passed' || r.status === 'failed' || r.status === 'skipped')
  );
}

/**
 * Reads a saved contract report (for `flakestorm contract score`), checking what scoring relies on:
 * its kind, schema version, and each cell verdict's severity and status.
 */
export function parseContractReport(text: string, file: string): ContractReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw invalid(file, `it is not JSON (${cause instanceof Error ? cause.message : String(cause)})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw invalid(file, 'not an object');
  const report = data as Partial<ContractReport>;
  if (report.kind !== 'contract') throw invalid(file, `its kind is ${JSON.stringify(report.kind)}`);
  if (report.schemaVersion !== CONTRACT_REPORT_SCHEMA_VERSION) {
    throw invalid(
      file,
      `schema version ${String(report.schemaVersion)} is not ${CONTRACT_REPORT_SCHEMA_VERSION}`,
    );
  }
  if (!Array.isArray(report.results)) throw invalid(file, '`results` is missing');
  report.results.forEach((result, i) => {
    if (!isCellResult(result))
      throw invalid(file, `results[${i}] has no valid cell, invariantId, severity or status`);
  });
  return report as ContractReport;
}
