import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();
beforeAll(ensureBuilt, 180_000);
afterAll(() => dir.cleanup());

const codename = {
  id: 'project_codename',
  kind: 'secret',
  category: 'credentials',
  severity: 'high',
  description: 'Internal project code names that must never leave the company.',
  literals: ['orion-'],
  regex: '\\bORION-\\d{1,3}\\b',
  caseSensitive: true,
  compliance: ['SOC2'],
  examples: {
    positive: ['the ORION-7 roadmap', 'see ORION-42 for details'],
    negative: ['Orion is a constellation', 'the orion nebula'],
  },
};

const STARTS = Array.from(
  { length: 70 },
  (_, i) => `st${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`,
);

function writeJson(name: string, value: unknown): string {
  const path = join(dir.path, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe('user pattern files', () => {
  it('scan and patterns use them alongside the built-ins', async () => {
    const file = writeJson('mine.json', { version: 'acme-1', patterns: [codename] });
    const found = await runCli(['scan', '--patterns', file, '--json', 'Ship ORION-7 to jane@example.com']);
    expect(found.code).toBe(0);
    const ids = (JSON.parse(found.stdout) as { findings: Array<{ id: string }> }).findings.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['project_codename', 'email']));
    const without = await runCli(['scan', '--json', 'Ship ORION-7']);
    expect((JSON.parse(without.stdout) as { findings: unknown[] }).findings).toEqual([]);
    const counted = await runCli(['patterns', '--json', '--patterns', file]);
    const builtin = await runCli(['patterns', '--json']);
    const total = (out: string) => (JSON.parse(out) as { total: number }).total;
    expect(total(counted.stdout)).toBe(total(builtin.stdout) + 1);
  });

  it('patterns says how the rules run, and names a user rule that runs on nearly every text', async () => {
    const shapeOnly = {
      ...codename,
      id: 'three_short_words',
      kind: 'injection',
      category: 'jailbreak',
      literals: undefined,
      caseSensitive: undefined,
      regex: '\\b[a-z]{2} [a-z]{2} [a-z]{2}\\b',
      examples: { positive: ['go on up', 'is it so'], negative: ['hello', 'Understand'] },
    };
    const manyStarts = {
      ...shapeOnly,
      id: 'many_starts',
      // 70 first words of letters only: injection rules read text with leetspeak folded, digits included.
      regex: `\\b(?:${STARTS.join('|')}) override\\b`,
      examples: {
        positive: [`${STARTS[0]} override`, `${STARTS[69]} override`],
        negative: ['override', STARTS[0]],
      },
    };
    const file = writeJson('shapes.json', [codename, shapeOnly, manyStarts]);
    const text = await runCli(['patterns', '--patterns', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('how the rules run');
    expect(text.stdout).toContain("note: pattern 'three_short_words' runs on nearly every text");
    expect(text.stdout).not.toContain("note: pattern 'project_codename'");
    expect(text.stdout).toContain(
      "note: pattern 'many_starts' can start with 70 different strings, over the 64",
    );
    const json = JSON.parse((await runCli(['patterns', '--json', '--patterns', file])).stdout) as {
      total: number;
      runs: Record<string, number>;
      onEveryText: string[];
      tooManyStarts: Array<{ id: string; strings: number }>;
    };
    expect(json.onEveryText).toContain('three_short_words');
    expect(json.onEveryText).not.toContain('project_codename');
    expect(json.tooManyStarts).toContainEqual({ id: 'many_starts', strings: 70 });
    expect(Object.values(json.runs).reduce((a, b) => a + b, 0)).toBe(json.total);
  });

  it('rejects a bad file with its name and the pattern, exit 2', async () => {
    const unsafe = writeJson('unsafe.json', [{ ...codename, regex: '(a+)+$' }]);
    const bad = await runCli(['scan', '--patterns', unsafe, 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unsafe.json');
    expect(bad.stderr).toContain('project_codename');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const failingExample = writeJson('wrong.json', [
      { ...codename, examples: { ...codename.examples, negative: ['ORION-1 leaked', 'x y'] } },
    ]);
    expect((await runCli(['patterns', '--patterns', failingExample])).code).toBe(2);
    const leet = writeJson('leet.json', [
      {
        ...codename,
        id: 'model_jailbreak',
        kind: 'injection',
        category: 'jailbreak',
        literals: undefined,
        caseSensitive: undefined,
        regex: '\\bgpt4o jailbreak\\b',
        examples: { positive: ['gpt4o jailbreak', 'a gpt4o jailbreak'], negative: ['hello', 'jailbreak'] },
      },
    ]);
    const leetRun = await runCli(['patterns', '--patterns', leet]);
    expect(leetRun.code).toBe(2);
    expect(leetRun.stderr).toContain('reads "gptao jailbreak"');
    const notJson = join(dir.path, 'broken.json');
    writeFileSync(notJson, '{ nope');
    const broken = await runCli(['scan', '--patterns', notJson, 'x']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json');
    expect((await runCli(['scan', '--patterns', join(dir.path, 'missing.json'), 'x'])).code).toBe(2);
  });
});
