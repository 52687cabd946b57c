import type { ReportInput, ReportRenderer, ReportSink } from '@flakestorm/core';
import { type HtmlRenderOptions, renderHtmlReport } from '../html/html-renderer.js';
import { createStringSink } from '../util/sinks.js';
import { launchChromium } from './launch-chromium.js';

/** Options of the PDF renderer. */
export interface PdfRenderOptions extends HtmlRenderOptions {
  /** Chromium binary (default /usr/bin/chromium or FLAKESTORM_CHROMIUM). */
  executablePath?: string;
}

/**
 * The HTML report in its print layout (static, script-free, worst failures expanded up to
 * `printLimit`), printed to PDF by headless Chromium. The print page is bounded by the limit, so it
 * is held in memory; results still stream through.
 */
export async function renderPdfReport(
  input: ReportInput,
  sink: ReportSink,
  options: PdfRenderOptions,
): Promise<void> {
  const browser = await launchChromium(options.executablePath);
  try {
    const html = createStringSink();
    await renderHtmlReport(input, html, { ...options, print: true });
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    const page = await context.newPage();
    // Nothing may leave the machine while printing, even if the page tried.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html.text(), { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '14mm', left: '10mm', right: '10mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#666">Flakestorm report · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    });
    await sink.write(new Uint8Array(pdf));
  } finally {
    await browser.close();
  }
}

/** The `pdf` format: the HTML report printed by headless Chromium (Debian's chromium package). */
export const pdfRenderer: ReportRenderer = {
  format: 'pdf',
  extension: 'pdf',
  description: 'The HTML report printed to PDF through headless Chromium (needs `apt-get install chromium`)',
  render: renderPdfReport,
};
