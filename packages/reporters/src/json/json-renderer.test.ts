import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isFlakestormError } from '@flakestorm/core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { reportToInput } from '../report-input.js';
import { createFixtureReport } from '../testing/fixture-report.js';
import { createFileSink, createStringSink } from '../util/sinks.js';
import { renderJsonReport } from './json-renderer.js';
import { readReportFile } from './read-report.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

async function renderToString(report = createFixtureReport(), redact = true): Promise<string> {
  const sink = createStringSink();
  await renderJsonReport(reportToInput(report), sink, { redact });
  return sink.text();
}

describe('json renderer', () => {
  it('writes a report valid against the published schema, one result per line', async () => {
    const report = createFixtureReport({ cases: 40, trials: 3 });
    const text = await renderToString(report);
    const parsed = JSON.parse(text);
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(report.results.length + 2);
    expect(lines[0]?.endsWith('"results":[')).toBe(true);
    expect(lines.at(-1)).toBe(']}');
    expect(parsed.results.map((r: { id: string }) => r.id)).toEqual(report.results.map((r) => r.id));
  });

  it('writes a valid report for a run with no results', async () => {
    const text = await renderToString(createFixtureReport({ cases: 0 }));
    expect(validate(JSON.parse(text))).toBe(true);
  });

  it('rejects reports that break the schema', async () => {
    const parsed = JSON.parse(await renderToString());
    expect(validate({ ...parsed, schemaVersion: 2 })).toBe(false);
    const broken = structuredClone(parsed);
    broken.results[0].passed = 'yes';
    expect(validate(broken)).toBe(false);
    const { summary: _s, ...noSummary } = parsed;
    expect(validate(noSummary)).toBe(false);
  });

  it('redacts secrets and PII by default, keeps them with redact:false, always masks credential headers', async () => {
    const redacted = await renderToString(createFixtureReport({ cases: 14 }));
    expect(redacted).not.toContain('help@example.com');
    expect(redacted).not.toContain('sk-test-secret');
    expect(redacted).toContain('[REDACTED:email]');
    const kept = await renderToString(createFixtureReport({ cases: 14 }), false);
    expect(kept).toContain('help@example.com');
    expect(kept).not.toContain('sk-test-secret');
  });

  it('keeps strings with newlines, quotes and U+2028 on one line each', async () => {
    const report = createFixtureReport({
      cases: 8,
      failureRate: 1,
      responses: ['a\nb\r\n"c"\u2028d</script>'],
    });
    const text = await renderToString(report, false);
    expect(text.trimEnd().split('\n')).toHaveLength(10);
    expect(JSON.parse(text).results[3].response).toBe('a\nb\r\n"c"\u2028d</script>');
  });
});

describe('readReportFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fs-json-'));

  it('streams a report back, and can read its results twice', async () => {
    const report = createFixtureReport({ cases: 30 });
    const path = join(dir, 'run.json');
    const sink = createFileSink(path);
    await renderJsonReport(reportToInput(report), sink, { redact: false });
    await sink.close();
    const input = await readReportFile(path);
    expect(input.meta.runId).toBe(report.runId);
    expect(input.summary).toEqual(report.summary);
    for (let pass = 0; pass < 2; pass++) {
      const ids: string[] = [];
      for await (const result of input.results()) ids.push(result.id);
      expect(ids).toEqual(report.results.map((r) => r.id));
    }
  });

  it('streams the indented one-result-per-line layout too', async () => {
    const report = createFixtureReport({ cases: 6 });
    const { results, ...header } = report;
    const head = JSON.stringify(header, null, 2);
    const text = `${head.slice(0, -2)},\n  "results": [\n${results.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
    const path = join(dir, 'indented.json');
    writeFileSync(path, text);
    expect(JSON.parse(text).results).toHaveLength(6);
    const input = await readReportFile(path);
    expect(input.summary).toEqual(report.summary);
    const ids: string[] = [];
    for await (const r of input.results()) ids.push(r.id);
    expect(ids).toEqual(results.map((r) => r.id));
  });

  it('refuses a header that could smuggle markup into a re-rendered report', async () => {
    const report = createFixtureReport({ cases: 2 });
    const hostile = [
      { ...report, summary: { ...report.summary, passed: '<img src=x onerror=alert(1)>' } },
      { ...report, summary: { ...report.summary, band: '"><script>' } },
      { ...report, seed: '1<b>' },
      {
        ...report,
        summary: {
          ...report.summary,
          byInvariant: { x: { total: 1, passed: 1, rate: 1, type: 't', severity: '<i>' } },
        },
      },
    ];
    for (const [i, bad] of hostile.entries()) {
      const path = join(dir, `hostile-${i}.json`);
      writeFileSync(path, JSON.stringify(bad));
      await expect(readReportFile(path)).rejects.toThrow(/malformed header/);
    }
  });

  it('accepts a pretty-printed report', async () => {
    const report = createFixtureReport({ cases: 5 });
    const path = join(dir, 'pretty.json');
    writeFileSync(path, JSON.stringify(report, null, 2));
    const input = await readReportFile(path);
    let count = 0;
    for await (const _ of input.results()) count++;
    expect(count).toBe(5);
  });

  it('reports bad files with FLAKESTORM_REPORT_INVALID and the line', async () => {
    await expect(readReportFile(join(dir, 'missing.json'))).rejects.toSatisfy((e) =>
      isFlakestormError(e, 'FLAKESTORM_REPORT_INVALID'),
    );
    const notJson = join(dir, 'bad.json');
    writeFileSync(notJson, 'hello');
    await expect(readReportFile(notJson)).rejects.toSatisfy((e) =>
      isFlakestormError(e, 'FLAKESTORM_REPORT_INVALID'),
    );
    const wrongVersion = join(dir, 'v9.json');
    writeFileSync(wrongVersion, '{"schemaVersion":9,"runId":"x","summary":{},"results":[\n]}\n');
    await expect(readReportFile(wrongVersion)).rejects.toThrow(/schemaVersion 9/);
    const good = await renderToString(createFixtureReport({ cases: 3 }));
    // A broken first result line is caught when the report is opened...
    const badFirst = join(dir, 'badfirst.json');
    writeFileSync(badFirst, good.replace(/\n\{"id"[^\n]*\n/, '\n{"id": oops,\n'));
    await expect(readReportFile(badFirst)).rejects.toSatisfy(
      (e) => isFlakestormError(e, 'FLAKESTORM_REPORT_INVALID') && e.details.line === 2,
    );
    // ...a later one while its results stream.
    const lines = good.split('\n');
    lines[2] = '{"id": oops,';
    const badLater = join(dir, 'badlater.json');
    writeFileSync(badLater, lines.join('\n'));
    const input = await readReportFile(badLater);
    const read = async () => {
      for await (const _ of input.results()) {
      }
    };
    await expect(read()).rejects.toSatisfy(
      (e) => isFlakestormError(e, 'FLAKESTORM_REPORT_INVALID') && e.details.line === 3,
    );
  });
});
