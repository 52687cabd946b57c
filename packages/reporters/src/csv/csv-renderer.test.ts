import { describe, expect, it } from 'vitest';
import { reportToInput } from '../report-input.js';
import { createFixtureReport } from '../testing/fixture-report.js';
import { createStringSink } from '../util/sinks.js';
import { csvCell } from './csv-cell.js';
import { csvColumns, renderCsvReport } from './csv-renderer.js';

/** A strict RFC 4180 parser, enough to prove our output round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
    i++;
  }
  return rows;
}

describe('csv cells', () => {
  it('neutralises formulas and quotes per RFC 4180', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
  });
});

describe('csv renderer', () => {
  it('writes a header and one parseable row per case, formulas neutralised', async () => {
    const payloads = ['=cmd|"/c calc"!A1', 'a,b\r\n"quoted"', '@evil', 'fine'];
    const report = createFixtureReport({ cases: 60, failureRate: 0.6, responses: payloads });
    const sink = createStringSink();
    await renderCsvReport(reportToInput(report), sink, { redact: true });
    const rows = parseCsv(sink.text());
    expect(rows[0]).toEqual([...csvColumns]);
    expect(rows).toHaveLength(61);
    const responseCol = csvColumns.indexOf('response');
    const responses = rows.slice(1).map((row) => row[responseCol] ?? '');
    expect(rows.every((row) => row.length === csvColumns.length)).toBe(true);
    expect(responses).toContain(`'=cmd|"/c calc"!A1`);
    expect(responses).toContain('a,b\r\n"quoted"');
    expect(responses.some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    expect(sink.text()).not.toContain('help@example.com');
  });
});
