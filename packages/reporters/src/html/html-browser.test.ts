import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../pdf/launch-chromium.js';
import { reportToInput } from '../report-input.js';
import { ensureArtifactsDir, skipBrowserTests } from '../testing/browser.js';
import { createFixtureReport } from '../testing/fixture-report.js';
import { injectionPayloads } from '../testing/injection-payloads.js';
import { createStringSink } from '../util/sinks.js';
import { renderHtmlReport } from './html-renderer.js';

const skip = skipBrowserTests('html browser tests');

async function writeReport(name: string, report: ReturnType<typeof createFixtureReport>): Promise<string> {
  const sink = createStringSink();
  await renderHtmlReport(reportToInput(report), sink, { redact: true });
  const file = join(ensureArtifactsDir(), name);
  writeFileSync(file, sink.text());
  return pathToFileURL(file).href;
}

interface Watched {
  page: Page;
  console: string[];
  errors: string[];
  requests: string[];
}

describe.skipIf(skip)('html report in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Watched> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
    const page = await context.newPage();
    const watched: Watched = { page, console: [], errors: [], requests: [] };
    page.on('console', (message) => watched.console.push(message.text()));
    page.on('pageerror', (error) => watched.errors.push(error.message));
    page.on('request', (request) => watched.requests.push(request.url()));
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]');
    return watched;
  }

  it('runs no script from agent output, and has no CSP violation or page error', async () => {
    const report = createFixtureReport({ cases: 120, failureRate: 0.9, responses: injectionPayloads });
    const url = await writeReport('report-injection.html', report);
    const { page, console: messages, errors, requests } = await open(url);
    // Walk through failures so every payload is shown in the detail pane at least once.
    for (let i = 0; i < injectionPayloads.length + 2; i++) await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { pwned?: number }).pwned,
      links: document.querySelectorAll('#detail a, #detail img, #detail iframe, #detail svg').length,
      bodyVisible: getComputedStyle(document.body).display !== 'none',
      detail: document.getElementById('detail')?.textContent ?? '',
    }));
    expect(state.pwned).toBeUndefined();
    expect(state.links).toBe(0);
    expect(state.bodyVisible).toBe(true);
    // Each payload is shown in the detail pane as text, literally.
    for (const payload of injectionPayloads) {
      const marker = payload.match(/pwned=\d|display:none/)?.[0] ?? '';
      await page.fill('#q', marker);
      await page.waitForFunction(
        (m) =>
          document.getElementById('count')?.textContent?.startsWith('0 ') === false &&
          document.getElementById('detail')?.textContent?.includes(m),
        marker,
      );
      const detail = await page.textContent('#detail');
      expect(detail).toContain(payload);
      expect(
        await page.$$eval('#detail *', (nodes) => nodes.map((n) => n.tagName.toLowerCase())),
      ).not.toEqual(expect.arrayContaining(['script', 'img', 'a', 'iframe', 'svg', 'style', 'link', 'base']));
    }
    expect(state.detail.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(messages.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
  });

  it('renders the score and the failure list, and navigates by keyboard (screenshots saved)', async () => {
    const report = createFixtureReport({ cases: 600, trials: 3 });
    const url = await writeReport('report.html', report);
    const { page, errors } = await open(url);
    const score = await page.textContent('#score');
    expect(score).toContain(`${(report.summary.robustness * 100).toFixed(1)}%`);
    const failed = report.results.filter((r) => !r.passed).length;
    expect(await page.textContent('#count')).toBe(`${failed} of ${failed} failures`);
    const firstLabel = await page.textContent('#detail h3');
    await page.keyboard.press('j');
    expect(await page.textContent('#detail h3')).not.toBe(firstLabel);
    await page.keyboard.press('k');
    expect(await page.textContent('#detail h3')).toBe(firstLabel);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.selectOption('#f-type', 'prompt_injection');
    const types = await page.$$eval('#list .row .type', (cells) => cells.map((c) => c.textContent));
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['prompt_injection']));
    expect(await page.textContent('#detail')).toContain('Difference from the golden answer');
    await page.selectOption('#f-sort', 'slow');
    const slowest = Math.max(
      ...report.results
        .filter((r) => !r.passed && r.mutationType === 'prompt_injection')
        .map((r) => r.latencyMs),
    );
    expect(await page.textContent('#detail')).toContain(`${slowest} ms`);
    await page.selectOption('#f-type', '');
    const flakyId = report.summary.flaky[0]?.id ?? '';
    await page.click(`#flaky tr[data-case="${flakyId}"]`);
    expect(await page.textContent('#count')).toBe(`1 of ${failed} failures`);
    expect(await page.textContent('#detail')).toContain(flakyId);
    expect(await page.textContent('#detail')).toContain('--case case-');
    const dir = ensureArtifactsDir();
    await page.screenshot({ path: join(dir, 'report-light.png'), fullPage: true });
    await page.click('#theme');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.screenshot({ path: join(dir, 'report-dark.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('keeps the DOM small for 10,000 results (virtualised list)', async () => {
    const url = await writeReport('report-10k.html', createFixtureReport({ cases: 10_000 }));
    const { page, errors } = await open(url);
    const rows = await page.$$eval('#list .row', (r) => r.length);
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(80);
    await page.$eval('#list', (list) => {
      list.scrollTop = list.scrollHeight;
      list.dispatchEvent(new Event('scroll'));
    });
    await page.waitForFunction(() => {
      const last = [...document.querySelectorAll<HTMLElement>('#list .row')].pop();
      return last !== undefined && Number(last.dataset.i) > 2000;
    });
    expect(await page.$$eval('#list .row', (r) => r.length)).toBeLessThan(80);
    expect(errors).toEqual([]);
  });
});
