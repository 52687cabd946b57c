import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isFlakestormError } from '@flakestorm/core';
import { describe, expect, it } from 'vitest';
import { reportToInput } from '../report-input.js';
import { ensureArtifactsDir, skipBrowserTests } from '../testing/browser.js';
import { createFixtureReport } from '../testing/fixture-report.js';
import { hasProgram, mustRunTools } from '../testing/tool-check.js';
import { createStringSink } from '../util/sinks.js';
import { launchChromium } from './launch-chromium.js';
import { renderPdfReport } from './pdf-renderer.js';

const skip = skipBrowserTests('pdf tests') || (!hasProgram('pdftotext') && !mustRunTools());

describe('pdf renderer', () => {
  it('says how to install Chromium when there is none', async () => {
    const error = await launchChromium('/nonexistent/chromium').catch((e: unknown) => e);
    expect(isFlakestormError(error, 'FLAKESTORM_CHROMIUM_MISSING')).toBe(true);
    expect((error as Error).message).toContain('apt-get install chromium');
    const sink = createStringSink();
    const rendering = renderPdfReport(reportToInput(createFixtureReport({ cases: 3 })), sink, {
      redact: true,
      executablePath: '/nonexistent/chromium',
    });
    await expect(rendering).rejects.toSatisfy((e) => isFlakestormError(e, 'FLAKESTORM_CHROMIUM_MISSING'));
    expect(sink.bytes().length).toBe(0);
  });

  it.skipIf(skip)('prints pages with the score and the expanded failures (pdftotext)', async () => {
    const report = createFixtureReport({
      cases: 300,
      trials: 3,
      responses: ['<script>window.x=1</script> bad answer'],
    });
    const sink = createStringSink();
    await renderPdfReport(reportToInput(report), sink, { redact: true, printLimit: 40 });
    const pdf = sink.bytes();
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const file = join(ensureArtifactsDir(), 'report.pdf');
    writeFileSync(file, pdf);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Flakestorm report');
    expect(text).toContain(`${(report.summary.robustness * 100).toFixed(1)}%`);
    expect(text).toMatch(/Failures \(40 of \d+, most severe first\)/);
    expect(text).toContain('<script>window.x=1</script> bad answer');
    expect(text).not.toContain('help@example.com');
    const pages = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout.match(/Pages:\s+(\d+)/)?.[1];
    expect(Number(pages)).toBeGreaterThan(1);
  });
});
