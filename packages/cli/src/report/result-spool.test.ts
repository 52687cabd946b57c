import { existsSync } from 'node:fs';
import type { CaseResult } from '@flakestorm/core';
import { describe, expect, it } from 'vitest';
import { fakeMeta, fakeResult, fakeSummary } from '../testing/fixtures.test-util.js';
import { jsonReportRenderer } from './json-report.js';
import { createResultSpool } from './result-spool.js';

async function collect(iterable: AsyncIterable<CaseResult>): Promise<CaseResult[]> {
  const out: CaseResult[] = [];
  for await (const r of iterable) out.push(r);
  return out;
}

describe('result spool', () => {
  it('reads results back in case order whatever the completion order, then deletes its file', async () => {
    const spool = createResultSpool();
    const order = [5, 2, 9, 0, 1, 7, 3, 8, 6, 4];
    for (const i of order) spool.append(fakeResult(i, i % 2 === 0, { response: `answer "${i}" ✓\n` }));
    expect(spool.count).toBe(10);
    const back = await collect(spool.results());
    expect(back.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(back[3]?.response).toBe('answer "3" ✓\n');
    spool.dispose();
    expect(existsSync(spool.path)).toBe(false);
  });

  it('flushes in batches and handles results larger than its read buffer', async () => {
    const spool = createResultSpool();
    for (let i = 0; i < 3000; i++)
      spool.append(fakeResult(2999 - i, true, i === 10 ? { response: 'x'.repeat(200_000) } : {}));
    const back = await collect(spool.results());
    expect(back).toHaveLength(3000);
    expect(back[2989]?.response).toHaveLength(200_000);
    spool.dispose();
  });
});

describe('fallback JSON report', () => {
  it('writes valid JSON with schemaVersion, summary and results', async () => {
    const spool = createResultSpool();
    spool.append(fakeResult(1, false));
    spool.append(fakeResult(0, true));
    let text = '';
    await jsonReportRenderer.render(
      { meta: fakeMeta(), summary: fakeSummary(), results: () => spool.results() },
      {
        write: (c) => {
          text += String(c);
        },
      },
      { redact: false },
    );
    spool.dispose();
    const report = JSON.parse(text);
    expect(report.schemaVersion).toBe(1);
    expect(report.summary.robustness).toBe(0.625);
    expect(report.results.map((r: CaseResult) => r.id)).toEqual(['case-0', 'case-1']);
  });

  it('writes an empty results array for an empty run', async () => {
    const spool = createResultSpool();
    let text = '';
    await jsonReportRenderer.render(
      { meta: fakeMeta(), summary: fakeSummary({ total: 0 }), results: () => spool.results() },
      {
        write: (c) => {
          text += String(c);
        },
      },
      { redact: false },
    );
    spool.dispose();
    expect(JSON.parse(text).results).toEqual([]);
  });
});
