import { describe, expect, it } from 'vitest';
import { loadConfigText } from './load-config.js';
import { starterConfig } from './starter-config.js';

describe('starterConfig', () => {
  it('validates as written, without warnings, pointing at localhost:8000/invoke', () => {
    const { plan, warnings } = loadConfigText(starterConfig(), { file: 'flakestorm.yaml', env: {} });
    expect(warnings).toEqual([]);
    expect(plan.target).toMatchObject({ kind: 'http', url: 'http://localhost:8000/invoke', method: 'POST' });
    expect(plan.goldenPrompts.length).toBeGreaterThanOrEqual(3);
    expect(plan.mutations.reduce((sum, m) => sum + m.count, 0)).toBe(10);
    expect(plan.invariants.map((i) => i.type)).toEqual([
      'output_not_empty',
      'latency',
      'excludes_pii',
      'refusal_check',
    ]);
    expect(plan.output).toEqual({ formats: ['html', 'json'], dir: './flakestorm-reports' });
  });

  it('explains each top-level section in a comment', () => {
    const text = starterConfig();
    for (const section of ['agent', 'golden_prompts', 'mutations', 'invariants', 'run', 'output']) {
      const at = text.indexOf(`\n${section}:`);
      expect(at, section).toBeGreaterThan(0);
      expect(text.slice(0, at).trimEnd().split('\n').at(-1), section).toMatch(/^#/);
    }
  });

  it('validates the commented-out options once uncommented', () => {
    const uncommented = starterConfig()
      .replace('  # response_path: $.output', '  response_path: $.output')
      .replace('  # canary: "fs-canary-7f3a9c"', '  canary: "fs-canary-7f3a9c"')
      .replace('  # repeat: 3 ', '  repeat: 3 ')
      .replace('  # min_score: 0.8 ', '  min_score: 0.8 ');
    const { plan } = loadConfigText(uncommented, { env: {} });
    expect(plan.settings).toMatchObject({ repeat: 3, minScore: 0.8 });
    expect(plan.canary).toBe('fs-canary-7f3a9c');
  });
});
