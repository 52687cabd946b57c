import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../config/load-config.js';
import type { ContractCellResult } from './contract-report.js';
import { scoreContract } from './contract-score.js';
import { toContractSpec } from './contract-spec.js';
import { parseContractReport } from './read-contract-report.js';

const cell = (
  severity: ContractCellResult['severity'],
  status: ContractCellResult['status'],
  name = 'c',
): ContractCellResult => ({
  cell: name,
  invariantId: `${severity}-${status}`,
  type: 't',
  severity,
  status,
  probes: [],
});

describe('scoreContract', () => {
  it('weights critical 3, high 2, medium 1, low 1 and ignores skipped cells', () => {
    const summary = scoreContract([
      cell('critical', 'passed'),
      cell('high', 'failed'),
      cell('medium', 'passed'),
      cell('low', 'passed'),
      cell('critical', 'skipped'),
    ]);
    expect(summary.score).toBeCloseTo((5 / 7) * 100, 2);
    expect(summary.passed).toBe(true);
    expect(summary.counts).toEqual({ passed: 3, failed: 1, skipped: 1 });
  });

  it('fails on any critical failure however high the score', () => {
    const results = [cell('critical', 'failed'), ...Array.from({ length: 50 }, () => cell('low', 'passed'))];
    const summary = scoreContract(results);
    expect(summary.score).toBeGreaterThan(90);
    expect(summary.criticalFailures).toBe(1);
    expect(summary.passed).toBe(false);
  });

  it('has no score when nothing ran', () => {
    expect(scoreContract([cell('high', 'skipped')])).toMatchObject({ score: null, passed: true });
    expect(scoreContract([])).toMatchObject({ score: null, totalWeight: 0 });
  });
});

describe('parseContractReport', () => {
  it('reads a report back and rejects other files', () => {
    const report = { schemaVersion: 1, kind: 'contract', results: [cell('high', 'passed')] };
    expect(parseContractReport(JSON.stringify(report), 'r.json').results).toHaveLength(1);
    expect(() => parseContractReport('{', 'r.json')).toThrow(/not JSON/);
    expect(() => parseContractReport('{"schemaVersion":1,"results":[]}', 'r.json')).toThrow(/kind/);
    const bad = { ...report, results: [{ ...cell('high', 'passed'), severity: 'urgent' }] };
    expect(() => parseContractReport(JSON.stringify(bad), 'r.json')).toThrow(/results\[0\]/);
  });
});

describe('contract config', () => {
  const base = `version: "2.0"
agent: { endpoint: "http://127.0.0.1:9/invoke" }
golden_prompts: ["hi", "hello"]
invariants: [{ type: output_not_empty }]
`;

  it('uses probes for their invariant and golden prompts for the others', () => {
    const { plan } = loadConfigText(
      `${base}contract:
  name: c
  invariants:
    - { type: output_not_empty, id: a }
    - { type: contains, value: x, id: b, probes: ["probe one"] }
`,
      { file: 'c.yaml' },
    );
    const spec = toContractSpec(plan);
    expect(spec.cells).toEqual([{ name: 'baseline', chaos: {} }]);
    expect(spec.invariants.map((i) => spec.promptsOf(i))).toEqual([['hi', 'hello'], ['probe one']]);
  });

  it('reports bad contract blocks as config errors with file:line:col', () => {
    const text = `${base}contract:
  name: c
  chaos_matrix:
    - name: broken
      tool_faults:
        - mode: explode
    - name: odds
      llm_faults:
        - mode: empty
          probability: 2
`;
    let error: unknown;
    try {
      loadConfigText(text, { file: 'c.yaml' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ code: 'FLAKESTORM_CONFIG_INVALID' });
    const message = (error as Error).message;
    expect(message).toMatch(/c\.yaml:10:17 .*tool_faults\[0\]\.mode/);
    expect(message).toMatch(/c\.yaml:14:24 .*probability/);
  });
});
