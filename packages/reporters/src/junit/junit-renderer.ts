import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseResult, ReportInput, ReportRenderer, ReportSink } from '@flakestorm/core';
import { clip, failedChecks, rerunCommand } from '../util/case-facts.js';
import { redactInput, redactResult } from '../util/redact-result.js';
import { type ReporterRenderOptions, resolveRedactor } from '../util/redaction.js';
import { xmlAttr, xmlText } from './xml-escape.js';

/** Longest text of one field in system-out; JUnit viewers choke on megabyte test outputs. */
const maxField = 20_000;

interface Suite {
  name: string;
  file: string;
  stream: WriteStream;
  tests: number;
  failures: number;
  errors: number;
  seconds: number;
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

function testcaseXml(r: CaseResult, suite: string, rerun: string): string {
  let xml = `<testcase name="${xmlAttr(`${r.label} [${r.id}]`)}" classname="${xmlAttr(suite)}" time="${seconds(r.latencyMs)}">\n`;
  if (r.error) {
    xml += `<error type="${xmlAttr(r.error.cause)}" message="${xmlAttr(clip(r.error.message, 500))}">${xmlText(clip(r.error.message, maxField))}</error>\n`;
  }
  const failed = failedChecks(r);
  if (failed.length > 0 || (!r.passed && !r.error)) {
    const message = failed.length > 0 ? failed.map((c) => `${c.id}: ${c.reason}`).join('; ') : 'case failed';
    const body = failed.map((c) => `[${c.severity}] ${c.id} (${c.type}): ${c.reason}`).join('\n');
    const type = failed[0]?.type ?? 'flaky';
    xml += `<failure type="${xmlAttr(type)}" message="${xmlAttr(clip(message, 500))}">${xmlText(clip(body || message, maxField))}</failure>\n`;
  }
  let out = `golden prompt: ${clip(r.goldenPrompt, maxField)}\nmutated prompt: ${clip(r.mutated, maxField)}\n`;
  if (r.sent) out += `sent: ${r.sent.method} ${r.sent.url} (${r.sent.bodyBytes} bytes)\n`;
  if (r.trials) out += `trials: ${r.trials.passed}/${r.trials.count} passed\n`;
  out += `response (${r.status ?? 'no status'}, ${r.latencyMs} ms): ${clip(r.response, maxField)}\nre-run: ${rerun}\n`;
  xml += `<system-out>${xmlText(out)}</system-out>\n</testcase>\n`;
  return xml;
}

async function writeTo(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/**
 * JUnit XML with one testsuite per mutation type and one testcase per case. Suites need their
 * counts in the opening tag while cases of all types arrive interleaved, so each type's cases are
 * spooled to a temporary file and copied out at the end: memory stays flat.
 */
export async function renderJunitReport(
  rawInput: ReportInput,
  sink: ReportSink,
  options: ReporterRenderOptions,
): Promise<void> {
  const redact = resolveRedactor(options);
  const input = redactInput(rawInput, redact);
  const dir = await mkdtemp(join(tmpdir(), 'flakestorm-junit-'));
  const suites = new Map<string, Suite>();
  let spoolError: Error | undefined;
  try {
    for await (const raw of input.results()) {
      const r = redactResult(raw, redact, maxField);
      let suite = suites.get(r.mutationType);
      if (!suite) {
        const file = join(dir, `${suites.size}.xml`);
        suite = {
          name: `flakestorm.${r.mutationType}`,
          file,
          stream: createWriteStream(file),
          tests: 0,
          failures: 0,
          errors: 0,
          seconds: 0,
        };
        // A spool file that cannot be written (disk full) must fail the render, not crash the process.
        suite.stream.on('error', (error) => {
          spoolError ??= error;
        });
        suites.set(r.mutationType, suite);
      }
      suite.tests++;
      if (r.error) suite.errors++;
      else if (!r.passed) suite.failures++;
      suite.seconds += r.latencyMs / 1000;
      if (spoolError) throw spoolError;
      await writeTo(suite.stream, testcaseXml(r, suite.name, rerunCommand(input.meta, r.id)));
    }
    if (spoolError) throw spoolError;
    for (const suite of suites.values()) {
      suite.stream.end();
      await once(suite.stream, 'finish');
    }
    const all = [...suites.values()];
    const sum = (pick: (s: Suite) => number) => all.reduce((total, s) => total + pick(s), 0);
    const m = input.meta;
    await sink.write(
      `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xmlAttr(`flakestorm ${m.runId}`)}" tests="${sum((s) => s.tests)}" failures="${sum((s) => s.failures)}" errors="${sum((s) => s.errors)}" time="${(input.summary.durationMs / 1000).toFixed(3)}">\n`,
    );
    const properties =
      `<properties>\n` +
      [
        ['run_id', m.runId],
        ['robustness', input.summary.robustness.toFixed(4)],
        ['band', input.summary.band],
        ['seed', String(m.seed)],
        ['config_hash', m.configHash],
        ['agent', m.agent.description],
        ['tool_version', m.tool.version],
      ]
        .map(([name, value]) => `<property name="${xmlAttr(name ?? '')}" value="${xmlAttr(value ?? '')}"/>\n`)
        .join('') +
      '</properties>\n';
    const host = hostname();
    for (const suite of all) {
      await sink.write(
        `<testsuite name="${xmlAttr(suite.name)}" tests="${suite.tests}" failures="${suite.failures}" errors="${suite.errors}" skipped="0" time="${suite.seconds.toFixed(3)}" timestamp="${xmlAttr(m.startedAt)}" hostname="${xmlAttr(host)}">\n${properties}`,
      );
      for await (const chunk of createReadStream(suite.file)) await sink.write(chunk as Buffer);
      await sink.write('</testsuite>\n');
    }
    await sink.write('</testsuites>\n');
  } finally {
    for (const suite of suites.values()) suite.stream.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The `junit` format: CI systems (GitHub, GitLab, Jenkins) show each case as a test. */
export const junitRenderer: ReportRenderer = {
  format: 'junit',
  extension: 'xml',
  description: 'JUnit XML: one testsuite per mutation type, one testcase per case',
  render: renderJunitReport,
};
