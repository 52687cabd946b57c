import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reportToInput } from '../report-input.js';
import { createFixtureReport } from '../testing/fixture-report.js';
import { injectionPayloads } from '../testing/injection-payloads.js';
import { createStringSink } from '../util/sinks.js';
import { jsonForScript } from './html-escape.js';
import { type HtmlRenderOptions, renderHtmlReport } from './html-renderer.js';
import { pageScript } from './page-script.js';
import { pageStyle } from './page-style.js';

async function render(
  options: Partial<HtmlRenderOptions> = {},
  report = createFixtureReport(),
): Promise<string> {
  const sink = createStringSink();
  await renderHtmlReport(reportToInput(report), sink, { redact: true, ...options });
  return sink.text();
}

describe('html embedding', () => {
  it('escapes everything that could end a script element or a JS string', () => {
    const json = jsonForScript({ a: '</script><!-- & \u2028\u2029' });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ a: '</script><!-- & \u2028\u2029' });
  });
});

describe('html renderer', () => {
  it('keeps hostile agent output out of the markup', async () => {
    const html = await render(
      {},
      createFixtureReport({ cases: 80, failureRate: 0.8, responses: injectionPayloads }),
    );
    // The only script elements are ours: three JSON data blocks and the page script.
    expect(html.match(/<script/gi)).toHaveLength(4);
    expect(html).not.toContain('window.pwned=1</script>');
    expect(html).not.toMatch(/<img|<iframe|<svg onload|<a href|<link/i);
    expect(html).not.toMatch(/\u2028|\u2029/);
  });

  it('pins the inline script and style with CSP hashes and loads nothing remote', async () => {
    const html = await render();
    const hash = (text: string) => createHash('sha256').update(text).digest('base64');
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'sha256-${hash(pageScript)}'`);
    expect(csp).toContain(`style-src 'sha256-${hash(pageStyle)}'`);
    expect(csp).toContain('img-src data:');
    expect(html).toContain(`<script>${pageScript}</script>`);
    expect(html).toContain(`<style>${pageStyle}</style>`);
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toContain('style="');
  });

  it('shows the score, bars and latency percentiles', async () => {
    const report = createFixtureReport({ cases: 100, trials: 3 });
    const html = await render({}, report);
    expect(html).toContain(`${(report.summary.robustness * 100).toFixed(1)}%`);
    expect(html).toContain('Pass rate by mutation type');
    expect(html).toContain('Pass rate by invariant');
    expect(html).toMatch(/p95 \d+ ms/);
    expect(html).toContain('Flaky cases');
  });

  it('stays under 3 MB for 10,000 results, and for 10,000 failures with long answers', async () => {
    const big = await render({}, createFixtureReport({ cases: 10_000 }));
    expect(Buffer.byteLength(big)).toBeLessThan(3 * 1024 * 1024);
    const long = 'A long, rambling answer. '.repeat(400);
    const worst = await render({}, createFixtureReport({ cases: 10_000, failureRate: 1, responses: [long] }));
    expect(Buffer.byteLength(worst)).toBeLessThan(3 * 1024 * 1024);
  });

  it('stays under 3 MB for 10,000 failures with heavy wire records and conversations', async () => {
    const report = createFixtureReport({ cases: 10_000, failureRate: 1, responses: ['x'.repeat(5_000)] });
    const headers = Array.from({ length: 30 }, (_, i): [string, string] => [
      `x-header-${i}`,
      'v'.repeat(500),
    ]);
    report.results = report.results.map((r) => ({
      ...r,
      label: r.label.repeat(20),
      sent: {
        method: 'POST',
        url: `http://127.0.0.1/${'p'.repeat(2_000)}`,
        headers,
        bodyBytes: 1e6,
        bodyPreview: 'b'.repeat(4_000),
      },
      messages: Array.from({ length: 12 }, () => ({ role: 'user' as const, content: 'm'.repeat(2_000) })),
    }));
    const html = await render({ redact: false }, report);
    expect(Buffer.byteLength(html)).toBeLessThan(3 * 1024 * 1024);
  });

  it('keeps the texts of a typical run, even markup-heavy answers that escaping inflates', async () => {
    const answer = '<b>&</b>'.repeat(600);
    const report = createFixtureReport({ cases: 600, failureRate: 0.5, responses: [answer] });
    const html = await render({ redact: false }, report);
    const data = JSON.parse(html.match(/id="fs-failures">([\s\S]*?)<\/script>/)?.[1] ?? '[]') as Array<{
      x?: 1;
      r: string;
      e?: unknown;
    }>;
    expect(data.length).toBeGreaterThan(100);
    expect(data.every((f) => f.x === undefined)).toBe(true);
    const answered = data.filter((f) => f.e === undefined);
    expect(answered.every((f) => f.r.length >= 1_000 && answer.startsWith(f.r.slice(0, 1_000)))).toBe(true);
  });

  it('lists failures past the data budget as stubs when the summary undercounts them', async () => {
    const report = createFixtureReport({ cases: 3_000, failureRate: 1, responses: ['y'.repeat(20_000)] });
    report.summary = { ...report.summary, failed: 1 };
    const html = await render({ redact: false }, report);
    const data = JSON.parse(html.match(/id="fs-failures">([\s\S]*?)<\/script>/)?.[1] ?? '[]') as Array<{
      x?: 1;
    }>;
    expect(data.length).toBe(report.results.filter((r) => !r.passed).length);
    expect(data.some((f) => f.x === 1)).toBe(true);
    expect(Buffer.byteLength(html)).toBeLessThan(3 * 1024 * 1024);
  });

  it('redacts secrets and PII unless told not to', async () => {
    const report = createFixtureReport({
      cases: 30,
      failureRate: 1,
      responses: ['mail me: ceo@corp.example.com'],
    });
    expect(await render({}, report)).not.toContain('ceo@corp.example.com');
    expect(await render({ redact: false }, report)).toContain('ceo@corp.example.com');
    expect(await render({ redact: false }, report)).not.toContain('sk-test-secret');
  });

  it('escapes every field of a hostile result in the print layout', async () => {
    const report = createFixtureReport({ cases: 14, failureRate: 1 });
    const result = report.results[3]!;
    report.results[3] = {
      ...result,
      status: '<i>s</i>' as unknown as number,
      checks: [
        {
          id: '<i>id</i>',
          type: '<i>t</i>',
          passed: false,
          reason: '<i>r</i>',
          severity: '"><i>x</i>' as 'high',
        },
      ],
    };
    const html = await render({ print: true, printLimit: 50 }, report);
    expect(html).not.toContain('<i>');
  });

  it('has a static, script-free print layout with failures expanded up to a cap', async () => {
    const html = await render(
      { print: true, printLimit: 5 },
      createFixtureReport({ cases: 200, failureRate: 0.5 }),
    );
    expect(html).not.toContain('<script');
    expect(html).toContain("script-src 'none'");
    expect(html.match(/class="static-failure"/g)).toHaveLength(5);
    expect(html).toMatch(/more failures are in the JSON and HTML reports/);
  });
});
