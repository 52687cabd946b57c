/**
 * One line of `scan --jsonl` input read as a record: its id and text, or the id and an error that says
 * what is wrong with that line, so one bad line answers with an error and the batch goes on.
 */

/** A line ready to scan, or the error to answer in its place. */
export type JsonlRecord = { id: unknown; text: string } | { id: unknown; error: string };

const EXPECTED = 'expected a JSON object {"id", "text"}';

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Reads line `lineNo` (1-based); a line without an id is answered with its line number as id. */
export function jsonlRecord(line: string, lineNo: number): JsonlRecord {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { id: lineNo, error: `line ${lineNo}: not JSON; ${EXPECTED}` };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return { id: lineNo, error: `line ${lineNo}: ${EXPECTED}, got ${kindOf(record)}` };
  const { id = lineNo, text } = record as { id?: unknown; text?: unknown };
  if (typeof text === 'string') return { id, text };
  return {
    id,
    error:
      text === undefined
        ? `line ${lineNo}: no "text" field; ${EXPECTED}`
        : `line ${lineNo}: "text" must be a string, got ${kindOf(text)}`,
  };
}
