import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseResult, ReportInput } from '@flakestorm/core';
import { createRegistry, isFlakestormError } from '@flakestorm/core';
import { describe, expect, it } from 'vitest';
import { readReportFile } from './json/read-report.js';
import {
  builtinRenderers,
  findRenderer,
  renderReport,
  reportersPlugin,
  writeReports,
} from './render-report.js';
import { reportMeta, reportToInput } from './report-input.js';
import { createFixtureReport } from './testing/fixture-report.js';
import { createStringSink } from './util/sinks.js';

describe('format lookup', () => {
  it('finds formats by name and alias, and rejects unknown ones', () => {
    expect(findRenderer('md').format).toBe('markdown');
    expect(findRenderer('JUnit').extension).toBe('xml');
    let error: unknown;
    try {
      findRenderer('docx');
    } catch (e) {
      error = e;
    }
    expect(isFlakestormError(error, 'FLAKESTORM_USAGE')).toBe(true);
    expect((error as { hint: string }).hint).toContain('html, json, junit, markdown, csv, pdf');
  });

  it('is a plugin with every built-in format', () => {
    expect(reportersPlugin.name).toBe('flakestorm:reporters');
    expect(reportersPlugin.reporters?.map((r) => r.format).sort()).toEqual(
      ['csv', 'html', 'json', 'junit', 'markdown', 'pdf'].sort(),
    );
    expect(createRegistry([reportersPlugin]).reporter('junit').extension).toBe('xml');
  });

  it('renders one format with redaction on by default', async () => {
    const sink = createStringSink();
    await renderReport('csv', reportToInput(createFixtureReport({ cases: 10 })), sink);
    expect(sink.text()).toContain('[REDACTED:email]');
  });
});

describe('edge runs', () => {
  for (const [name, report] of [
    ['an empty run', createFixtureReport({ cases: 0 })],
    ['a run where everything passed', createFixtureReport({ cases: 30, failureRate: 0 })],
    ['a run where everything failed', createFixtureReport({ cases: 30, failureRate: 1 })],
  ] as const) {
    it(`renders ${name} in every text format`, async () => {
      for (const format of ['json', 'junit', 'markdown', 'csv', 'html']) {
        const sink = createStringSink();
        await renderReport(format, reportToInput(report), sink);
        expect(sink.text().length).toBeGreaterThan(50);
      }
    });
  }
});

describe('writeReports', () => {
  it('writes every asked format from one read of the results', async () => {
    const report = createFixtureReport({ cases: 40 });
    let reads = 0;
    const input: ReportInput = {
      meta: reportMeta(report),
      summary: report.summary,
      async *results() {
        reads++;
        yield* report.results;
      },
    };
    const dir = mkdtempSync(join(tmpdir(), 'fs-write-'));
    const paths = await writeReports(input, {
      formats: ['md', 'junit', 'csv', 'html'],
      outDir: join(dir, 'out'),
    });
    expect(reads).toBe(1);
    expect(paths.map((p) => p.slice(dir.length + 5))).toEqual([
      'report.md',
      'report.xml',
      'report.csv',
      'report.html',
    ]);
    for (const path of paths) expect(readFileSync(path, 'utf8').length).toBeGreaterThan(100);
    expect(existsSync(join(dir, 'out', 'report.json'))).toBe(false);
    const withJson = await writeReports(reportToInput(report), {
      formats: ['json', 'csv'],
      outDir: dir,
      redact: false,
    });
    expect(readFileSync(withJson[0]!, 'utf8')).toContain('help@example.com');
  });

  it('re-renders a JSON report onto itself without truncating it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fs-write-'));
    const report = createFixtureReport({ cases: 25 });
    await writeReports(reportToInput(report), { formats: ['json'], outDir: dir });
    const source = await readReportFile(join(dir, 'report.json'));
    await writeReports(source, { formats: ['json', 'md'], outDir: dir });
    const again = await readReportFile(join(dir, 'report.json'));
    let count = 0;
    for await (const _ of again.results()) count++;
    expect(count).toBe(25);
    expect(readdirSync(dir).sort()).toEqual(['report.json', 'report.md']);
  });

  it('writes the other formats even when Chromium is missing, then says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fs-write-'));
    const previous = process.env.FLAKESTORM_CHROMIUM;
    process.env.FLAKESTORM_CHROMIUM = '/nonexistent/chromium';
    try {
      const writing = writeReports(reportToInput(createFixtureReport({ cases: 10 })), {
        formats: ['pdf', 'json', 'md'],
        outDir: dir,
      });
      await expect(writing).rejects.toSatisfy((e) => isFlakestormError(e, 'FLAKESTORM_CHROMIUM_MISSING'));
    } finally {
      if (previous === undefined) delete process.env.FLAKESTORM_CHROMIUM;
      else process.env.FLAKESTORM_CHROMIUM = previous;
    }
    expect(existsSync(join(dir, 'report.json'))).toBe(true);
    expect(existsSync(join(dir, 'report.md'))).toBe(true);
    expect(existsSync(join(dir, 'report.pdf'))).toBe(false);
  });
});

describe('streaming', () => {
  // A large run produced lazily: the renderers must write while results are still being produced.
  function lazyInput(
    total: number,
    seen: { produced: number; bytesAtHalf: number },
    sink: { bytes(): Uint8Array },
  ) {
    const template = createFixtureReport({ cases: 14 });
    return {
      meta: reportMeta(template),
      summary: { ...template.summary, total, failed: Math.round(total * 0.3) },
      async *results(): AsyncIterable<CaseResult> {
        for (let i = 0; i < total; i++) {
          if (i === total / 2) seen.bytesAtHalf = sink.bytes().length;
          const base = template.results[i % template.results.length]!;
          seen.produced++;
          yield { ...base, id: `case-${i}`, index: i };
        }
      },
    };
  }

  for (const format of ['json', 'csv', 'html']) {
    it(`${format} writes results as they arrive`, async () => {
      const sink = createStringSink();
      const seen = { produced: 0, bytesAtHalf: 0 };
      await renderReport(format, lazyInput(10_000, seen, sink), sink, { redact: false });
      expect(seen.produced).toBe(10_000);
      expect(seen.bytesAtHalf).toBeGreaterThan(sink.bytes().length / 4);
    });
  }

  it('lists every built-in renderer once', () => {
    expect(new Set(builtinRenderers.map((r) => r.format)).size).toBe(builtinRenderers.length);
  });
});
