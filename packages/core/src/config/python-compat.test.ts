import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfigFile, loadConfigText } from './load-config.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const MINIMAL =
  'agent:\n  endpoint: "http://localhost:8000/invoke"\ngolden_prompts: ["hi"]\ninvariants: [{type: output_not_empty}]\n';

describe('Python Flakestorm sample configs', () => {
  it('loads the broken-agent example unchanged', async () => {
    const { plan, warnings } = await loadConfigFile(fixture('python-broken-agent.yaml.sample'), { env: {} });
    expect(plan.target).toMatchObject({ kind: 'http', url: 'http://localhost:8000/invoke', method: 'POST' });
    expect(plan.timeoutMs).toBe(5000);
    expect(plan.settings.timeoutMs).toBe(5000);
    expect(plan.goldenPrompts.map((p) => p.text)).toEqual([
      'Book a flight to Paris for next week',
      "What's my account balance?",
      'Book a flight to Tokyo',
    ]);
    expect(plan.mutations.map((m) => [m.type, m.count, m.weight, m.generator])).toEqual([
      ['paraphrase', 3, 1, 'rules'],
      ['noise', 3, 0.8, 'rules'],
      ['tone_shift', 2, 0.9, 'rules'],
      ['prompt_injection', 2, 1.5, 'rules'],
    ]);
    expect(plan.invariants.map((i) => [i.type, i.id, i.severity, i.params])).toEqual([
      ['latency', 'latency-1', 'medium', { max_ms: 2000 }],
      ['valid_json', 'valid_json-2', 'medium', {}],
      ['refusal_check', 'refusal_check-3', 'medium', { dangerous_prompts: true }],
    ]);
    expect(plan.invariants[0]?.description).toBe('Response should be under 2 seconds');
    expect(plan.output).toEqual({ formats: ['html'], dir: './reports' });
    expect(plan.model).toEqual({
      provider: 'ollama',
      name: 'qwen3:8b',
      baseUrl: 'http://localhost:11434',
      temperature: 0.8,
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /python-broken-agent\.yaml\.sample:11:1: mutations are generated offline by rules/,
    );
  });

  it('loads the keywords-extractor example with its single-brace template', async () => {
    const { plan, warnings } = await loadConfigFile(fixture('python-keywords-extractor.yaml.sample'), {
      env: {},
    });
    expect(plan.target).toMatchObject({
      kind: 'http',
      url: 'http://localhost:8080/GenerateSearchQueries',
      bodyTemplate: '{\n  "productDescription": "{prompt}"\n}\n',
      responsePath: 'queries',
    });
    expect(plan.goldenPrompts).toHaveLength(8);
    expect(plan.mutations.map((m) => m.count)).toEqual([3, 3, 3, 3, 3, 3, 2]);
    expect(plan.mutations.reduce((sum, m) => sum + m.count, 0)).toBe(20);
    expect(plan.invariants.map((i) => i.type)).toEqual([
      'latency',
      'valid_json',
      'contains',
      'excludes_pii',
      'refusal_check',
    ]);
    expect(plan.invariants[2]?.params).toEqual({ value: '[' });
    expect(plan.settings).toMatchObject({ concurrency: 8, retries: 2, seed: 42 });
    expect(warnings).toHaveLength(1);
  });

  it('loads the documented example file', async () => {
    const { plan, warnings } = await loadConfigFile(fixture('python-example.yaml.sample'), { env: {} });
    expect(plan.goldenPrompts).toHaveLength(5);
    expect(plan.mutations.map((m) => m.type)).toEqual([
      'paraphrase',
      'noise',
      'tone_shift',
      'prompt_injection',
      'encoding_attacks',
      'context_manipulation',
      'length_extremes',
    ]);
    expect(plan.invariants).toHaveLength(4);
    expect(warnings).toEqual([
      expect.stringMatching(/python-example\.yaml\.sample:71:1: mutations are generated offline/),
    ]);
  });

  it('validates the chaos block of each of the seven built-in chaos profiles', async () => {
    const dir = fixture('chaos-profiles');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
    expect(files).toHaveLength(7);
    for (const file of files) {
      const profile = parse(await readFile(`${dir}/${file}`, 'utf8')) as { chaos: unknown };
      const text = `version: "2.0"\n${MINIMAL}chaos: ${JSON.stringify(profile.chaos)}\n`;
      const { plan, warnings } = loadConfigText(text, { file, env: {} });
      expect(plan.chaos, file).toEqual(profile.chaos);
      expect(warnings, file).toEqual([]);
    }
  });
});

describe('Python Flakestorm compatibility rules', () => {
  it('turns unknown keys of version 1.0/2.0 files into located warnings', () => {
    const text = `version: "1.0"\n${MINIMAL}output:\n  format: terminal\n  filename_template: "fs-{date}"\nadvanced:\n  concurrency: 3\n  retries: 5\n  seed: 9\n  skip_rules:\n    - prompt_pattern: ".*password.*"\n`;
    const { plan, warnings } = loadConfigText(text, { file: 'legacy.yaml', env: {} });
    expect(plan.settings).toMatchObject({ concurrency: 3, retries: 5, seed: 9 });
    expect(plan.output.formats).toEqual(['terminal']);
    expect(warnings).toEqual([
      'legacy.yaml:8:3: unknown key `filename_template` in `output` is ignored',
      'legacy.yaml:13:3: unknown key `skip_rules` in `advanced` is ignored',
    ]);
  });

  it('keeps typo hints in legacy warnings and still errors on real problems', () => {
    const ok = loadConfigText(`version: "2.0"\n${MINIMAL}mutatons: {count: 2}\n`, {
      file: 'l.yaml',
      env: {},
    });
    expect(ok.warnings).toEqual([
      'l.yaml:6:1: unknown key `mutatons` at the top level is ignored (did you mean `mutations`?)',
    ]);
    expect(() =>
      loadConfigText(`version: "2.0"\n${MINIMAL}advanced: {retries: -1, bogus: 1}\n`, { env: {} }),
    ).toThrow(/advanced\.retries: must be at least 0/);
  });

  it('accepts anthropic/google models with a warning, and rejects them for LLM generation', () => {
    const text = `version: "1.0"\n${MINIMAL}model:\n  provider: anthropic\n  api_key: "\${ANTHROPIC_API_KEY}"\n`;
    const { plan, warnings } = loadConfigText(text, { file: 'a.yaml', env: {} });
    expect(plan.model).toBeUndefined();
    expect(warnings).toContain(
      'a.yaml:7:13: provider `anthropic` is not supported for mutation generation (ollama and openai are)',
    );
    expect(() => loadConfigText(`${text}mutations: {generator: llm}\n`, { file: 'a.yaml', env: {} })).toThrow(
      /a\.yaml:7:13 model\.provider: provider `anthropic` is not supported for mutation generation/,
    );
  });

  it('passes custom_templates to the custom mutation type', () => {
    const text = `version: "1.0"\n${MINIMAL}mutations:\n  types: [custom, noise]\n  custom_templates:\n    polite: "Please, {prompt}"\n`;
    const { plan } = loadConfigText(text, { env: {} });
    expect(plan.mutations[0]).toMatchObject({
      type: 'custom',
      weight: 1,
      options: { templates: { polite: 'Please, {prompt}' } },
    });
    expect(plan.mutations[1]?.options).toEqual({});
    const unused = loadConfigText(`${MINIMAL}mutations:\n  custom_templates: {a: "{prompt}!"}\n`, {
      file: 'u.yaml',
      env: {},
    });
    expect(unused.warnings[0]).toMatch(
      /^u\.yaml:6:3: custom_templates are used only by the `custom` mutation type/,
    );
  });

  it('still rejects unknown keys in native files', () => {
    expect(() => loadConfigText(`${MINIMAL}advanced: {skip_rules: []}\n`, { env: {} })).toThrow(
      /unknown key `skip_rules`/,
    );
  });
});

describe('legacy $VAR in agent.endpoint', () => {
  it('expands $VAR there as Python Flakestorm does, and nowhere else', () => {
    const text =
      'version: "1.0"\nagent:\n  endpoint: "http://$AGENT_HOST:8000/invoke"\ngolden_prompts: ["Transfer $500 to $NAME"]\n';
    const { plan } = loadConfigText(text, { env: { AGENT_HOST: '127.0.0.1', NAME: 'x' } });
    expect(plan.target).toMatchObject({ url: 'http://127.0.0.1:8000/invoke' });
    expect(plan.goldenPrompts[0]?.text).toBe('Transfer $500 to $NAME');
    expect(() => loadConfigText(text, { file: 'p.yaml', env: {} })).toThrow(
      /p\.yaml:3:13 agent\.endpoint: environment variable AGENT_HOST is not set/,
    );
    const native = loadConfigText(text.replace('version: "1.0"\n', ''), { env: { AGENT_HOST: 'h' } });
    expect(native.plan.target).toMatchObject({ url: expect.stringContaining('$AGENT_HOST') });
  });
});
