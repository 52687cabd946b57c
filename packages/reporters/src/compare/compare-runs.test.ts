import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isFlakestormError } from '@flakestorm/core';
import { describe, expect, it } from 'vitest';
import { renderJsonReport } from '../json/json-renderer.js';
import { reportToInput } from '../report-input.js';
import { createFixtureReport } from '../testing/fixture-report.js';
import { createFileSink } from '../util/sinks.js';
import { compareRuns } from './compare-runs.js';
import { renderComparison } from './render-comparison.js';

const base = createFixtureReport({ cases: 140, failureRate: 0.1, seed: 3, runId: 'base' });
const worse = createFixtureReport({
  cases: 150,
  failureRate: 0.4,
  seed: 3,
  runId: 'head',
  responses: ['<b>@team</b> | leaked ceo@corp.example.com'],
});

describe('compareRuns', () => {
  it('finds the regression, the flipped cases by id, and the deltas', async () => {
    const c = await compareRuns(base, worse);
    expect(c.regressed).toBe(true);
    expect(c.delta).toBeCloseTo(worse.summary.robustness - base.summary.robustness, 10);
    const baseById = new Map(base.results.map((r) => [r.id, r.passed]));
    const expectedFailing = worse.results
      .filter((r) => baseById.get(r.id) === true && !r.passed)
      .map((r) => r.id);
    const expectedPassing = worse.results
      .filter((r) => baseById.get(r.id) === false && r.passed)
      .map((r) => r.id);
    expect(c.newlyFailing.map((x) => x.id)).toEqual(expectedFailing);
    expect(c.newlyPassing.map((x) => x.id)).toEqual(expectedPassing);
    expect(c.counts.onlyInHead).toBe(10);
    expect(c.counts.onlyInBase).toBe(0);
    expect(c.byType.find((t) => t.type === 'typo')?.delta).toBeCloseTo(
      worse.summary.byType.typo!.robustness - base.summary.byType.typo!.robustness,
    );
    expect(c.latency.p95.base).toBe(base.summary.latency.p95);
    expect(JSON.stringify(c)).not.toContain('ceo@corp.example.com');
  });

  it('does not flag an improvement or a drop within tolerance', async () => {
    expect((await compareRuns(worse, base)).regressed).toBe(false);
    const same = await compareRuns(base, base, { tolerance: 0 });
    expect(same.regressed).toBe(false);
    expect(same.counts.newlyFailing + same.counts.newlyPassing).toBe(0);
    const drop = base.summary.robustness - worse.summary.robustness;
    expect((await compareRuns(base, worse, { tolerance: drop + 0.01 })).regressed).toBe(false);
  });

  it('reads JSON report files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fs-compare-'));
    const paths = [join(dir, 'base.json'), join(dir, 'head.json')];
    for (const [i, report] of [base, worse].entries()) {
      const sink = createFileSink(paths[i]!);
      await renderJsonReport(reportToInput(report), sink, { redact: true });
      await sink.close();
    }
    const c = await compareRuns(paths[0]!, paths[1]!);
    expect(c.regressed).toBe(true);
    expect(c.base.runId).toBe('base');
  });

  it('rejects a bad tolerance and an unknown format', async () => {
    await expect(compareRuns(base, worse, { tolerance: -1 })).rejects.toSatisfy((e) =>
      isFlakestormError(e, 'FLAKESTORM_USAGE'),
    );
    await expect(compareRuns(base, worse, { tolerance: Number.NaN })).rejects.toSatisfy((e) =>
      isFlakestormError(e, 'FLAKESTORM_USAGE'),
    );
    const c = await compareRuns(base, worse);
    expect(() => renderComparison(c, 'pdf')).toThrow(/Unknown comparison format/);
  });

  it('renders markdown, html and json', async () => {
    const c = await compareRuns(base, worse);
    const md = renderComparison(c, 'md');
    expect(md).toContain('❌ Flakestorm comparison');
    expect(md).toContain('Newly failing');
    // Agent text only appears inside code spans, where GitHub renders no HTML and no mentions.
    const outsideCode = md.replace(/(`+)[^`]*?\1/g, '');
    expect(md).toContain('<b>@team</b>');
    expect(outsideCode).not.toContain('<b>');
    expect(outsideCode).not.toContain('@team');
    const html = renderComparison(c, 'html');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain('<b>@team');
    expect(html).toContain('&lt;b&gt;@team');
    expect(JSON.parse(renderComparison(c, 'json')).regressed).toBe(true);
  });
});
