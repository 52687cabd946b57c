import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportToInput } from '../report-input.js';
import { createFixtureReport } from '../testing/fixture-report.js';
import { hasProgram, mustRunTools } from '../testing/tool-check.js';
import { createStringSink } from '../util/sinks.js';
import { renderJunitReport } from './junit-renderer.js';
import { xmlAttr, xmlText } from './xml-escape.js';

const xsd = fileURLToPath(new URL('../../schema/jenkins-junit.xsd', import.meta.url));
const hasXmllint = hasProgram('xmllint');
if (!hasXmllint && !mustRunTools()) {
  console.warn('junit: xmllint not found, schema validation skipped (apt-get install libxml2-utils)');
}
const dir = mkdtempSync(join(tmpdir(), 'fs-junit-'));

async function render(report = createFixtureReport()): Promise<string> {
  const sink = createStringSink();
  await renderJunitReport(reportToInput(report), sink, { redact: true });
  return sink.text();
}

function xmllint(xml: string): { status: number | null; stderr: string } {
  const file = join(dir, `r${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

const hostile = [
  'bad \u0000\u0001\u0008\u000b\u001f\uffff\ud800 chars',
  ']]></system-out><testcase name="forged"/>',
  '<!-- comment --> & "quotes" \'apos\'',
  '\u2028line\u2029sep 🌩️',
];

describe('xml escaping', () => {
  it('removes characters XML cannot hold and escapes markup', () => {
    expect(xmlText('a\u0000b\u0008c\uffffd\ud800e')).toBe('abcde');
    expect(xmlText('<a>&</a>')).toBe('&lt;a&gt;&amp;&lt;/a&gt;');
    expect(xmlAttr('"x"\n\'y\'')).toBe('&quot;x&quot;&#10;&apos;y&apos;');
    expect(xmlText('🌩️ ok')).toBe('🌩️ ok');
  });
});

describe('junit renderer', () => {
  it.skipIf(!hasXmllint && !mustRunTools())(
    'validates against the Jenkins JUnit schema, hostile output included',
    async () => {
      const xml = await render(
        createFixtureReport({ cases: 120, failureRate: 0.5, responses: hostile, trials: 3 }),
      );
      const result = xmllint(xml);
      expect(result.stderr).toContain('validates');
      expect(result.status).toBe(0);
      expect(xml).not.toContain('<testcase name="forged"/>');
    },
  );

  it.skipIf(!hasXmllint && !mustRunTools())(
    'the schema rejects broken JUnit (so validation means something)',
    () => {
      expect(
        xmllint('<testsuites><testsuite name="x"><testcase/></testsuite></testsuites>').stderr,
      ).toContain('fails to validate');
      expect(xmllint('<testsuites><bogus/></testsuites>').stderr).toContain('fails to validate');
      expect(xmllint('<testsuites time="1,5"/>').stderr).toContain('fails to validate');
    },
  );

  it('groups cases by mutation type with exact counts', async () => {
    const report = createFixtureReport({ cases: 70 });
    const xml = await render(report);
    const suites = [
      ...xml.matchAll(/<testsuite name="flakestorm\.([^"]+)" tests="(\d+)" failures="(\d+)" errors="(\d+)"/g),
    ];
    expect(suites.map((s) => s[1]).sort()).toEqual(Object.keys(report.summary.byType).sort());
    for (const [, type, tests, failures, errors] of suites) {
      const cases = report.results.filter((r) => r.mutationType === type);
      expect(Number(tests)).toBe(cases.length);
      expect(Number(errors)).toBe(cases.filter((r) => r.error).length);
      expect(Number(failures)).toBe(cases.filter((r) => !r.passed && !r.error).length);
    }
    expect((xml.match(/<testcase /g) ?? []).length).toBe(70);
    expect(xml).toContain('<failure type=');
    expect(xml).not.toContain('help@example.com');
  });

  it('writes a valid empty document for a run without results', async () => {
    const xml = await render(createFixtureReport({ cases: 0 }));
    expect(xml).toContain('tests="0"');
    if (hasXmllint) expect(xmllint(xml).status).toBe(0);
  });
});
