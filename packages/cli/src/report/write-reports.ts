import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { FlakestormError, type ReportRenderer, type RunMeta, type RunSummary } from '@flakestorm/core';
import { jsonReportRenderer, streamSink } from './json-report.js';
import type { ResultSpool } from './result-spool.js';

/** One report to write: a format and the file it goes to. */
export interface ReportTarget {
  format: string;
  path: string;
}

function isRenderer(value: unknown): value is ReportRenderer {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.format === 'string' && typeof v.extension === 'string' && typeof v.render === 'function';
}

/**
 * The renderers the CLI knows: every renderer the reporters package exports (json, junit, html...),
 * over the CLI's own minimal JSON writer; redaction uses the pattern engine.
 */
export async function loadRenderers(): Promise<Map<string, ReportRenderer>> {
  const renderers = new Map<string, ReportRenderer>([['json', jsonReportRenderer]]);
  const [reporters, patterns] = await Promise.all([
    import('@flakestorm/reporters'),
    import('@flakestorm/patterns'),
  ]);
  reporters.setDefaultRedactor((text) => patterns.redact(text));
  for (const value of Object.values(reporters as Record<string, unknown>)) {
    const list = Array.isArray(value) ? value : [value];
    for (const item of list) if (isRenderer(item)) renderers.set(item.format, item);
  }
  // The config accepts `md` for markdown.
  const markdown = renderers.get('markdown');
  if (markdown && !renderers.has('md')) renderers.set('md', markdown);
  return renderers;
}

/** Plans the report files: `--json PATH`, plus each `--format` into the output folder. */
export function planReports(options: {
  json?: string;
  formats: string[];
  outDir: string;
  stem: string;
  /** File extension per format (from the renderers); defaults to the format name. */
  extensions?: ReadonlyMap<string, string>;
}): ReportTarget[] {
  const targets: ReportTarget[] = [];
  if (options.json) targets.push({ format: 'json', path: options.json });
  for (const format of options.formats) {
    if (format === 'terminal') continue;
    targets.push({
      format,
      path: join(options.outDir, `${options.stem}.${options.extensions?.get(format) ?? format}`),
    });
  }
  return targets;
}

/** Writes each report by streaming the spooled results; returns the paths written (relative to cwd). */
export async function writeReports(
  targets: ReportTarget[],
  renderers: Map<string, ReportRenderer>,
  input: { meta: RunMeta; summary: RunSummary; spool: ResultSpool },
  /** Called for each result a renderer reads (the memory guard ticks here). */
  onResult: () => void = () => {},
): Promise<string[]> {
  const written: string[] = [];
  for (const target of targets) {
    const renderer = renderers.get(target.format);
    if (!renderer) {
      throw new FlakestormError('FLAKESTORM_USAGE', `Unknown report format "${target.format}".`, {
        hint: `Known formats: ${[...renderers.keys()].sort().join(', ')}.`,
      });
    }
    await mkdir(dirname(target.path), { recursive: true });
    const stream = createWriteStream(target.path);
    const done = new Promise<void>((resolve, reject) => {
      stream.once('finish', () => resolve());
      stream.once('error', reject);
    });
    await renderer.render(
      { meta: input.meta, summary: input.summary, results: () => tap(input.spool.results(), onResult) },
      streamSink(stream),
      { redact: true },
    );
    stream.end();
    await done;
    written.push(relative(process.cwd(), target.path) || target.path);
  }
  return written;
}

async function* tap<T>(items: AsyncIterable<T>, each: () => void): AsyncIterable<T> {
  for await (const item of items) {
    each();
    yield item;
  }
}
