import { describe, expect, it } from 'vitest';
import { chaosSchema } from '../config/chaos-schema.js';
import { loadConfigText } from '../config/load-config.js';
import { type FlakestormError, isFlakestormError } from '../errors.js';
import { chaosRulesFromConfig } from './from-config.js';
import { chaosProfile, chaosProfiles, withProfile } from './profiles.js';

const BASE = 'version: "2.0"\nagent:\n  endpoint: http://127.0.0.1:8000/invoke\ngolden_prompts:\n  - hello\n';

function failure(text: string): FlakestormError {
  try {
    loadConfigText(text, { file: 'flakestorm.yaml', env: {} });
  } catch (error) {
    if (isFlakestormError(error)) return error;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

const where = (error: FlakestormError) =>
  error.issues.map((i) => [i.path, i.location?.file, i.location?.line, i.location?.column]);

describe('bad chaos rules are config errors with file:line:col', () => {
  it('rejects an unknown mode', () => {
    const error = failure(`${BASE}chaos:\n  tool_faults:\n    - tool: "*"\n      mode: explode\n`);
    expect(error.code).toBe('FLAKESTORM_CONFIG_INVALID');
    expect(where(error)).toEqual([['chaos.tool_faults[0].mode', 'flakestorm.yaml', 9, 13]]);
  });

  it('rejects probability 2', () => {
    const error = failure(`${BASE}chaos:\n  llm_faults:\n    - mode: empty\n      probability: 2\n`);
    expect(where(error)).toEqual([['chaos.llm_faults[0].probability', 'flakestorm.yaml', 9, 20]]);
  });

  it('rejects a route to nowhere: an upstream that is no URL, a fault on a route or tool nothing serves', () => {
    const badUrl = failure(`${BASE}chaos:\n  routes:\n    /llm: not-a-url\n`);
    expect(where(badUrl)[0]?.slice(0, 3)).toEqual(['chaos.routes["/llm"]', 'flakestorm.yaml', 8]);
    const routes = `${BASE}chaos:\n  routes:\n    /llm: http://127.0.0.1:11434\n    /tools/orders: http://127.0.0.1:9000\n`;
    const badRoute = failure(`${routes}  llm_faults:\n    - mode: empty\n      route: /llm2\n`);
    expect(where(badRoute)).toEqual([['chaos.llm_faults[0].route', 'flakestorm.yaml', 12, 14]]);
    expect(badRoute.issues[0]?.message).toContain('not one of chaos.routes');
    const badTool = failure(`${routes}  tool_faults:\n    - tool: payments\n      mode: error\n`);
    expect(where(badTool)).toEqual([['chaos.tool_faults[0].tool', 'flakestorm.yaml', 11, 13]]);
  });

  it('accepts routes, Flakestorm modes and Python blocks together', () => {
    const text = `${BASE}chaos:\n  routes:\n    /llm: http://127.0.0.1:11434\n    /tools/orders: http://127.0.0.1:9000\n  tool_faults:\n    - tool: orders\n      mode: reset\n      for_calls: 2\n  llm_faults:\n    - mode: stream_cut\n      after_chunks: 3\n`;
    const { plan } = loadConfigText(text, { file: 'flakestorm.yaml', env: {} });
    expect(chaosRulesFromConfig(plan.chaos ?? {})).toEqual([
      { id: 'tool_faults.0', match: { kind: 'tool', tool: 'orders' }, fault: { kind: 'reset' }, forCalls: 2 },
      { id: 'llm_faults.0', match: { kind: 'llm' }, fault: { kind: 'stream-cut', afterChunks: 3 } },
    ]);
  });
});

describe('chaos profiles', () => {
  it('ships the seven Python profiles and our own, each valid and turning into rules', () => {
    for (const name of [
      'api_outage',
      'cascading_failure',
      'degraded_llm',
      'high_latency',
      'hostile_tools',
      'indirect_injection',
      'model_version_drift',
    ]) {
      expect(chaosProfiles.has(name)).toBe(true);
    }
    expect(chaosProfiles.size).toBeGreaterThanOrEqual(10);
    for (const profile of chaosProfiles.values()) {
      expect(chaosSchema.safeParse(profile.chaos).success, profile.name).toBe(true);
      expect(chaosRulesFromConfig(profile.chaos).length, profile.name).toBeGreaterThan(0);
    }
  });

  it('maps Python fields faithfully', () => {
    expect(chaosRulesFromConfig(chaosProfile('cascading_failure').chaos)).toEqual([
      {
        id: 'tool_faults.0',
        match: { kind: 'tool', tool: '*' },
        fault: { kind: 'status', status: 503, message: 'Service Unavailable' },
        afterCalls: 2,
      },
      {
        id: 'llm_faults.0',
        match: { kind: 'llm' },
        fault: { kind: 'truncate-completion', maxTokens: 5 },
        afterCalls: 3,
      },
    ]);
    const [indirect] = chaosRulesFromConfig(chaosProfile('indirect_injection').chaos);
    expect(indirect).toMatchObject({ fault: { kind: 'malicious' }, probability: 0.5 });
  });

  it('merges a profile under a block, and names the closest profile for a typo', () => {
    const merged = withProfile({ tool_faults: [{ tool: '*', mode: 'reset' }] }, 'api_outage');
    expect((merged.tool_faults as unknown[]).length).toBe(2);
    expect(() => chaosProfile('api_outrage')).toThrow(/Unknown chaos profile/);
    try {
      chaosProfile('api_outrage');
    } catch (error) {
      expect(isFlakestormError(error) && error.hint).toContain('api_outage');
    }
  });
});
