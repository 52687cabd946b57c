import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportInput, ReportRenderer, ReportSink } from '@flakestorm/core';
import { definePlugin, FlakestormError } from '@flakestorm/core';
import { csvRenderer } from './csv/csv-renderer.js';
import { htmlRenderer } from './html/html-renderer.js';
import { jsonRenderer } from './json/json-renderer.js';
import { readReportFile } from './json/read-report.js';
import { junitRenderer } from './junit/junit-renderer.js';
import { markdownRenderer } from './markdown/markdown-renderer.js';
import { pdfRenderer } from './pdf/pdf-renderer.js';
import type { ReporterRenderOptions } from './util/redaction.js';
import { createFileSink } from './util/sinks.js';

/** Every built-in format, in the order reports are usually listed. */
export const builtinRenderers: readonly ReportRenderer[] = [
  htmlRenderer,
  jsonRenderer,
  junitRenderer,
  markdownRenderer,
  csvRenderer,
  pdfRenderer,
];

/** The reporters as a plugin, registered like any other. */
export const reportersPlugin = definePlugin({
  name: 'flakestorm:reporters',
  reporters: [...builtinRenderers],
});

/** Short names users type for formats. */
const aliases: Record<string, string> = { md: 'markdown', xml: 'junit', htm: 'html' };

/** Finds a renderer by format name or alias (md, xml); throws FLAKESTORM_USAGE listing the known ones. */
export function findRenderer(
  format: string,
  renderers: readonly ReportRenderer[] = builtinRenderers,
): ReportRenderer {
  const name = aliases[format.toLowerCase()] ?? format.toLowerCase();
  const renderer = renderers.find((r) => r.format === name);
  if (!renderer) {
    throw new FlakestormError('FLAKESTORM_USAGE', `Unknown report format "${format}".`, {
      hint: `Use one or more of: ${renderers.map((r) => r.format).join(', ')} (md is markdown).`,
      details: { format },
    });
  }
  return renderer;
}

/** Renders one format of a run into a sink; redaction is on unless `redact: false`. */
export async function renderReport(
  format: string,
  input: ReportInput,
  sink: ReportSink,
  options: Partial<ReporterRenderOptions> = {},
): Promise<void> {
  await findRenderer(format).render(input, sink, { ...options, redact: options.redact ?? true });
}

/** Options of writeReports. */
export interface WriteReportsOptions extends Partial<ReporterRenderOptions> {
  formats: string[];
  outDir: string;
  /** File name without extension (default "report"). */
  basename?: string;
  /** Renderers to choose from (default: the built-ins; pass the registry's to include plugins). */
  renderers?: readonly ReportRenderer[];
}

/**
 * Writes several formats of one run into a folder and returns their paths, in the order asked.
 * The run's results are read once: the JSON report is written first (into the folder when asked
 * for, else to a temporary file) and every other format streams from it. PDF goes last, so a
 * missing Chromium (FLAKESTORM_CHROMIUM_MISSING, thrown after the others are written) breaks nothing else.
 */
export async function writeReports(input: ReportInput, options: WriteReportsOptions): Promise<string[]> {
  const renderers = [
    ...new Set(options.formats.map((f) => findRenderer(f, options.renderers ?? builtinRenderers))),
  ];
  const renderOptions: ReporterRenderOptions = {
    redact: options.redact ?? true,
    ...(options.redactor ? { redactor: options.redactor } : {}),
  };
  const base = options.basename ?? 'report';
  await mkdir(options.outDir, { recursive: true });
  const pathOf = (r: ReportRenderer) => join(options.outDir, `${base}.${r.extension}`);
  const renderTo = async (renderer: ReportRenderer, source: ReportInput, path: string) => {
    const sink = createFileSink(path);
    try {
      await renderer.render(source, sink, renderOptions);
    } finally {
      await sink.close();
    }
  };
  if (renderers.length === 1 && renderers[0] !== jsonRenderer) {
    await renderTo(renderers[0]!, input, pathOf(renderers[0]!));
    return [pathOf(renderers[0]!)];
  }
  // The JSON report is written to a temporary file first and renamed into place last: the other
  // formats stream from it, and a source report being re-rendered onto itself is never truncated
  // while it is read.
  const tempDir = await mkdtemp(join(options.outDir, '.flakestorm-report-'));
  try {
    const jsonPath = join(tempDir, 'run.json');
    await renderTo(jsonRenderer, input, jsonPath);
    const stored = await readReportFile(jsonPath);
    const ordered = renderers.filter((r) => r !== jsonRenderer && r.format !== 'pdf');
    const pdf = renderers.find((r) => r.format === 'pdf');
    let pdfFailure: unknown;
    for (const renderer of pdf ? [...ordered, pdf] : ordered) {
      try {
        await renderTo(renderer, stored, pathOf(renderer));
      } catch (error) {
        await rm(pathOf(renderer), { force: true });
        if (renderer !== pdf) throw error;
        pdfFailure = error;
      }
    }
    if (renderers.includes(jsonRenderer)) await rename(jsonPath, pathOf(jsonRenderer));
    if (pdfFailure !== undefined) throw pdfFailure;
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
  return renderers.map(pathOf);
}
