// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these tests are about the literal ${VAR} syntax
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configJsonSchema } from './json-schema.js';
import { starterConfig } from './starter-config.js';

function compile() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(configJsonSchema());
}

describe('configJsonSchema', () => {
  it('is a valid draft 2020-12 schema that accepts the starter config and a full sample', () => {
    const validate = compile();
    expect(configJsonSchema().$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(validate(parse(starterConfig())), JSON.stringify(validate.errors)).toBe(true);
    const sample = {
      version: '3',
      agent: { type: 'openai', base_url: 'http://127.0.0.1:11434/v1', model: 'llama3', api_key_env: 'KEY' },
      golden_prompts: ['hi', { prompt: 'hello {name}', vars: { name: 'Ada' } }],
      mutations: {
        count: 5,
        types: ['noise', { layer: ['encoding_attacks', 'prompt_injection'], weight: 2 }],
      },
      invariants: [{ type: 'contains', value: 'ok', when: { chaos: 'no_chaos', mutation_types: ['noise'] } }],
      run: { concurrency: 2, seed: 1 },
      output: { format: ['json', 'junit'] },
      chaos: { context_attacks: { indirect_injection: { enabled: true, payloads: ['x'] } } },
      scoring: { mutation: 0.5, chaos: 0.2, contract: 0.2, replay: 0.1 },
    };
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects what the loader rejects: unknown keys, wrong types, bad enums', () => {
    const validate = compile();
    const base = { agent: { endpoint: 'http://127.0.0.1/x' }, golden_prompts: ['hi'] };
    expect(validate(base)).toBe(true);
    expect(validate({ ...base, golden_prompt: ['x'] })).toBe(false);
    expect(validate({ ...base, run: { concurrency: 0 } })).toBe(false);
    expect(validate({ ...base, agent: { type: 'python', endpoint: 'a:b' } })).toBe(false);
    expect(validate({ ...base, invariants: [{ type: 'latency', when: 'sometimes' }] })).toBe(false);
    expect(validate({ agent: base.agent })).toBe(false);
  });

  it('allows ${VAR} where the loader reads it: URLs, numbers and booleans', () => {
    const validate = compile();
    const config = {
      agent: { endpoint: '${AGENT_URL}', timeout: '${TIMEOUT:-5000}' },
      golden_prompts: ['hi'],
      run: { concurrency: '${N}', baseline: '${BASELINE}' },
    };
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...config, run: { concurrency: 'eight' } })).toBe(false);
    expect(validate({ ...config, agent: { endpoint: 'not a url' } })).toBe(false);
  });

  it('describes fields for editors', () => {
    const schema = configJsonSchema() as { properties: Record<string, { description?: string }> };
    expect(schema.properties.golden_prompts?.description).toBe('Inputs the agent must handle.');
    expect(schema.properties.advanced?.description).toMatch(/Python Flakestorm name of `run`/);
  });
});
