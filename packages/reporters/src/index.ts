export { canonicalJson } from './certificate/canonical-json.js';
export type {
  CertificateKeyPair,
  CertificateSource,
  CertificateStatement,
  CertificateVerification,
  ResilienceCertificate,
} from './certificate/certificate.js';
export {
  createCertificate,
  generateKeyPair,
  keyFingerprint,
  verifyCertificate,
} from './certificate/certificate.js';
export { renderCertificateHtml } from './certificate/certificate-html.js';
export type {
  CaseChange,
  ComparedRun,
  CompareOptions,
  Delta,
  ReportSource,
  RunComparison,
} from './compare/compare-runs.js';
export { compareRuns } from './compare/compare-runs.js';
export type { ComparisonFormat } from './compare/render-comparison.js';
export { renderComparison } from './compare/render-comparison.js';
export { csvCell, csvRow } from './csv/csv-cell.js';
export { csvColumns, csvRenderer, renderCsvReport } from './csv/csv-renderer.js';
export type { HtmlRenderOptions } from './html/html-renderer.js';
export { htmlRenderer, renderHtmlReport, reportCsp } from './html/html-renderer.js';
export { jsonRenderer, RESULTS_OPENER, renderJsonReport } from './json/json-renderer.js';
export { readReportFile } from './json/read-report.js';
export { junitRenderer, renderJunitReport } from './junit/junit-renderer.js';
export { MARKDOWN_MAX_CHARS, markdownRenderer, renderMarkdownReport } from './markdown/markdown-renderer.js';
export { chromiumExecutable, launchChromium } from './pdf/launch-chromium.js';
export type { PdfRenderOptions } from './pdf/pdf-renderer.js';
export { pdfRenderer, renderPdfReport } from './pdf/pdf-renderer.js';
export type { WriteReportsOptions } from './render-report.js';
export {
  builtinRenderers,
  findRenderer,
  renderReport,
  reportersPlugin,
  writeReports,
} from './render-report.js';
export { reportMeta, reportToInput } from './report-input.js';
export type { FixtureOptions } from './testing/fixture-report.js';
export { createFixtureReport, summarizeFixture } from './testing/fixture-report.js';
export { failureSummary, rerunCommand, rerunPrefix } from './util/case-facts.js';
export { redactResult } from './util/redact-result.js';
export type { Redactor, ReporterRenderOptions } from './util/redaction.js';
export { patternRedactor, resolveRedactor, setDefaultRedactor } from './util/redaction.js';
export type { FileSink, StringSink } from './util/sinks.js';
export { createFileSink, createStringSink } from './util/sinks.js';
