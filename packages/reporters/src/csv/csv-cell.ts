/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection guidance). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field. Text cells that a spreadsheet would run as a formula get a leading `'`;
 * numbers and booleans we produce ourselves are left alone so they stay numeric.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: Array<string | number | boolean | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
