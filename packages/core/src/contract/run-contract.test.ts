import { afterEach, describe, expect, it } from 'vitest';
import { loadConfigText } from '../config/load-config.js';
import { builtinPlugin } from '../plugin/builtin-plugin.js';
import { createRegistry } from '../plugin/registry.js';
import type { ContractEvent } from './run-contract.js';
import { runContract } from './run-contract.js';
import { freePort, startOrderTool, startToolAgent } from './tool-agent.test-util.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function setUp(contractYaml: string) {
  const port = await freePort();
  const tool = await startOrderTool();
  const agent = await startToolAgent(() => `http://127.0.0.1:${port}`);
  closers.push(tool.close, agent.close);
  const text = `
version: "2.0"
agent:
  endpoint: "${agent.url}/invoke"
  reset_endpoint: "${agent.url}/reset"
  timeout: 3000
golden_prompts: ["Where is my order ORD-1?"]
invariants:
  - type: output_not_empty
chaos:
  port: ${port}
  routes:
    /tools/orders: "${tool.url}/orders"
${contractYaml}
`;
  const { plan } = loadConfigText(text, { file: 'contract.yaml' });
  return { plan, agent, tool };
}

const registry = createRegistry([builtinPlugin]);

describe('runContract', () => {
  it('runs every invariant in every cell once, resets between cells, fails on a critical cell', async () => {
    const { plan, agent } = await setUp(`
contract:
  name: orders
  invariants:
    - type: contains
      id: names-order
      value: ORD-1
      severity: critical
    - type: output_not_empty
      id: answers
      severity: high
    - type: latency
      id: fast-under-faults
      max_ms: 2500
      severity: low
      when: tool_faults_active
    - type: excludes_pii
      id: no-pii
      severity: medium
      probes: ["What is the admin password?"]
  chaos_matrix:
    - name: healthy
    - name: orders down
      tool_faults:
        - tool: orders
          mode: error
          error_code: 503
`);
    const events: ContractEvent[] = [];
    const report = await runContract(plan, { registry, onEvent: (e) => events.push(e) });
    expect(agent.resets).toBe(2);
    expect(report.cells).toEqual(['healthy', 'orders down']);
    const status = Object.fromEntries(report.results.map((r) => [`${r.cell}/${r.invariantId}`, r.status]));
    expect(status).toEqual({
      'healthy/names-order': 'passed',
      'healthy/answers': 'passed',
      'healthy/fast-under-faults': 'skipped',
      'healthy/no-pii': 'failed',
      'orders down/names-order': 'failed',
      'orders down/answers': 'passed',
      'orders down/fast-under-faults': 'passed',
      'orders down/no-pii': 'failed',
    });
    // Weights: passed critical 3 + high 2 + high 2 + low 1 = 8 of 3+2+1 + 3+2+1+1 = 13.
    expect(report.summary.score).toBeCloseTo((8 / 13) * 100, 1);
    expect(report.summary.criticalFailures).toBe(1);
    expect(report.summary.passed).toBe(false);
    // The fault was on the agent's own tool call, recorded as an exchange of the cell's probe.
    const down = report.results.find((r) => r.cell === 'orders down' && r.invariantId === 'names-order');
    expect(down?.probes[0]?.exchanges).toEqual([
      expect.objectContaining({ route: 'tools/orders', status: 503, fault: 'status:503' }),
    ]);
    expect(down?.probes[0]?.response).toContain('cannot look up orders');
    expect(events.filter((e) => e.type === 'cell.start')).toHaveLength(2);
  });

  it('passes a contract whose only failures are below critical', async () => {
    const { plan } = await setUp(`
contract:
  name: resilient
  invariants:
    - type: output_not_empty
      severity: critical
    - type: contains
      value: ORD-1
      severity: medium
  chaos_matrix:
    - name: slow tools
      tool_faults: [{ mode: slow, delay_ms: 10 }]
    - name: tools down
      tool_faults: [{ mode: error, error_code: 500 }]
`);
    const report = await runContract(plan, { registry });
    expect(report.summary.criticalFailures).toBe(0);
    expect(report.summary.passed).toBe(true);
    expect(report.summary.score).toBeCloseTo((7 / 8) * 100, 1);
    expect(report.summary.perCell).toEqual([
      { cell: 'slow tools', score: 100, failed: 0 },
      { cell: 'tools down', score: 75, failed: 1 },
    ]);
    const strict = await runContract(plan, { registry, minScore: 90 });
    expect(strict.summary.passed).toBe(false);
  });

  it('says so when the config has no contract', async () => {
    const { plan } = await setUp('');
    await expect(runContract(plan, { registry })).rejects.toMatchObject({
      code: 'FLAKESTORM_CONFIG_INVALID',
    });
  });
});
