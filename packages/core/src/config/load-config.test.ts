// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these tests are about the literal ${VAR} syntax
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlakestormError, isFlakestormError } from '../errors.js';
import { loadConfigFile, loadConfigText } from './load-config.js';

const BASE = 'agent:\n  endpoint: http://127.0.0.1:8000/invoke\ngolden_prompts:\n  - hello\n';

/** Loads text that must fail, returning the error. */
function failure(text: string, options: Parameters<typeof loadConfigText>[1] = {}): FlakestormError {
  try {
    loadConfigText(text, { file: 'flakestorm.yaml', env: {}, ...options });
  } catch (error) {
    if (isFlakestormError(error)) return error;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

/** [path, line, column] of every issue, in reading order. */
function positions(
  error: FlakestormError,
): Array<[string | undefined, number | undefined, number | undefined]> {
  return error.issues.map((issue) => [issue.path, issue.location?.line, issue.location?.column]);
}

describe('loadConfigText errors', () => {
  it('reports malformed YAML with the parser line and column', () => {
    const error = failure('agent:\n  endpoint: http://x\n   method: POST\ngolden_prompts:\n- a\n');
    expect(error.code).toBe('FLAKESTORM_CONFIG_INVALID');
    expect(error.issues[0]?.location).toEqual({ file: 'flakestorm.yaml', line: 2, column: 13 });
    expect(error.issues[0]?.message).toBe(
      'YAML syntax error: Nested mappings are not allowed in compact mappings',
    );
    const tab = failure('agent:\n\tendpoint: x\n');
    expect(positions(tab)).toEqual([[undefined, 2, 1]]);
    expect(tab.issues[0]?.hint).toBe('Indent YAML with spaces, not tabs.');
    const quote = failure('agent:\n  endpoint: "http://x\n');
    expect(quote.issues[0]?.message).toBe('YAML syntax error: Missing closing "quote');
  });

  it('reports a duplicate key as a YAML error at the second key', () => {
    const error = failure(`${BASE}golden_prompts: [again]\n`);
    expect(error.issues[0]?.location).toMatchObject({ line: 5, column: 1 });
    expect(error.issues[0]?.hint).toMatch(/once/);
  });

  it('reports wrong types at the value, collecting every issue', () => {
    const error = failure(`${BASE}run:\n  concurrency: "many"\n  retries: 11\n  seed: 1.5\n`);
    expect(error.code).toBe('FLAKESTORM_CONFIG_INVALID');
    expect(positions(error)).toEqual([
      ['run.concurrency', 6, 16],
      ['run.retries', 7, 12],
      ['run.seed', 8, 9],
    ]);
    expect(error.issues[0]?.message).toBe('expected a number, got a string "many"');
    expect(error.issues[1]?.message).toBe('must be at most 10');
    expect(error.details.issues).toHaveLength(3);
    expect(error.message).toContain('flakestorm.yaml:6:16 run.concurrency');
  });

  it('rejects unknown keys at the key, with a did-you-mean hint', () => {
    const error = failure('agent:\n  endpont: http://127.0.0.1/x\ngolden_prompt:\n  - hi\n');
    expect(positions(error)).toEqual([
      ['agent.endpont', 2, 3],
      ['golden_prompt', 3, 1],
    ]);
    expect(error.issues[0]?.hint).toBe('did you mean `endpoint`?');
    expect(error.issues[1]?.hint).toBe('did you mean `golden_prompts`?');
    expect(error.issues[1]?.message).toBe('unknown key `golden_prompt` at the top level');
  });

  it('lists the allowed keys when no key is close', () => {
    const error = failure(`${BASE}output:\n  zzzzzz: 1\n`);
    expect(positions(error)).toEqual([['output.zzzzzz', 6, 3]]);
    expect(error.issues[0]?.hint).toBe('allowed keys here: format, path');
  });

  it('suggests the closest agent type', () => {
    const error = failure('agent:\n  type: commnd\n  command: node\ngolden_prompts: [hi]\n');
    expect(positions(error)).toEqual([['agent.type', 2, 9]]);
    expect(error.issues[0]?.hint).toBe('did you mean `command`?');
  });

  it('names an unset environment variable and where it is used', () => {
    const error = failure(
      'agent:\n  endpoint: http://127.0.0.1/x\n  headers:\n    X-Team: "${TEAM}"\ngolden_prompts: [hi]\n',
    );
    expect(positions(error)).toEqual([['agent.headers.X-Team', 4, 13]]);
    expect(error.issues[0]?.message).toBe('environment variable TEAM is not set');
    expect(error.issues[0]?.hint).toContain('${TEAM:-value}');
  });

  it('does not add a schema error on top of an unset variable', () => {
    const error = failure('agent:\n  endpoint: ${AGENT_URL}\ngolden_prompts: [hi]\n');
    expect(positions(error)).toEqual([['agent.endpoint', 2, 13]]);
  });

  it('rejects a literal Authorization header and a literal api_key', () => {
    const error = failure(
      'agent:\n  type: openai\n  model: m\n  api_key: sk-abc123\n  headers:\n    Authorization: Bearer abcdefgh12345\ngolden_prompts: [hi]\n',
    );
    expect(positions(error)).toEqual([
      ['agent.api_key', 4, 12],
      ['agent.headers.Authorization', 6, 20],
    ]);
    expect(error.issues[0]?.hint).toBe(
      'write `"${OPENAI_API_KEY}"` and set OPENAI_API_KEY in the environment',
    );
    expect(error.issues[1]?.hint).toContain('Bearer ${AGENT_API_KEY}');
    expect(error.message).not.toContain('sk-abc123');
    expect(error.message).not.toContain('abcdefgh12345');
  });

  it('rejects a literal token in a secret-named query parameter but allows short test values', () => {
    const error = failure(
      `${BASE.replace('invoke\n', 'invoke\n  query_params:\n    token: 0123456789abcdef\n    api_key: dev\n')}`,
    );
    expect(positions(error)).toEqual([['agent.query_params.token', 4, 12]]);
  });

  it('fails Python in-process agents with FLAKESTORM_CONFIG_UNSUPPORTED and a wrapper snippet', () => {
    const error = failure(
      'version: "1.0"\nagent:\n  endpoint: "my_agent:flakestorm_agent"\n  type: "python"\ngolden_prompts: [hi]\n',
    );
    expect(error.code).toBe('FLAKESTORM_CONFIG_UNSUPPORTED');
    expect(positions(error)).toEqual([['agent.type', 4, 9]]);
    expect(error.hint).toContain('type: command');
    expect(error.hint).toContain('for line in sys.stdin:');
    expect(failure('agent:\n  type: langchain\n').code).toBe('FLAKESTORM_CONFIG_UNSUPPORTED');
  });

  it('rejects a bad `when` string and bad `when` object keys', () => {
    const error = failure(
      `${BASE}invariants:\n  - type: latency\n    max_ms: 10\n    when: sometimes\n  - type: contains\n    when: { chaos: no_chaos, mutation_type: [noise] }\n`,
    );
    expect(positions(error)).toEqual([
      ['invariants[0].when', 8, 11],
      ['invariants[1].when.mutation_type', 10, 30],
    ]);
    expect(error.issues[1]?.hint).toBe('did you mean `mutation_types`?');
  });

  it('rejects a chaos probability out of range', () => {
    const error = failure(`${BASE}chaos:\n  tool_faults:\n    - mode: error\n      probability: 1.5\n`);
    expect(positions(error)).toEqual([['chaos.tool_faults[0].probability', 8, 20]]);
    expect(error.issues[0]?.message).toBe('must be at most 1');
  });

  it('rejects scoring weights that do not sum to 1', () => {
    const error = failure(`${BASE}scoring:\n  mutation: 0.5\n`);
    expect(positions(error)).toEqual([['scoring', 6, 3]]);
    expect(error.issues[0]?.message).toMatch(/sum to 1 \(they sum to 1\.3/);
  });

  it('rejects a config that is not a mapping, and an empty file', () => {
    expect(positions(failure('- a\n- b\n'))).toEqual([[undefined, 1, 1]]);
    expect(failure('').issues[0]?.message).toMatch(/not empty/);
  });

  it('turns unknown type names into located errors when the registry is given', () => {
    const error = failure(
      `${BASE}mutations:\n  types: [noise, prompt_injectoin]\ninvariants:\n  - type: latncy\n`,
      {
        knownMutationTypes: ['noise', 'prompt_injection'],
        knownInvariantTypes: ['latency', 'contains'],
      },
    );
    expect(positions(error)).toEqual([
      ['mutations.types[1]', 6, 18],
      ['invariants[0].type', 8, 11],
    ]);
    expect(error.issues.map((issue) => issue.hint)).toEqual([
      'did you mean `prompt_injection`?',
      'did you mean `latency`?',
    ]);
  });

  it('rejects duplicate invariant ids and both `run` and `advanced`', () => {
    const error = failure(
      `${BASE}invariants:\n  - { type: latency, id: a }\n  - { type: contains, id: a }\nrun: {}\nadvanced: {}\n`,
    );
    expect(positions(error)).toEqual([
      ['invariants[1].id', 7, 27],
      ['advanced', 9, 1],
    ]);
  });
});

describe('YAML features', () => {
  it('supports anchors and merge keys', () => {
    const text = `${BASE}invariants:\n  - &lat {type: latency, max_ms: 500}\n  - <<: *lat\n    id: second\n    max_ms: 900\n`;
    const { plan } = loadConfigText(text, { env: {} });
    expect(plan.invariants.map((i) => [i.type, i.id, i.params.max_ms])).toEqual([
      ['latency', 'latency-1', 500],
      ['latency', 'second', 900],
    ]);
  });

  it('refuses alias bombs', () => {
    const bomb = `${BASE}a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`;
    expect(failure(bomb).issues[0]?.message).toMatch(/^YAML could not be read/);
  });
});

describe('loadConfigFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'flakestorm-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a missing file with FLAKESTORM_CONFIG_NOT_FOUND and an init hint', async () => {
    const error = await loadConfigFile(join(dir, 'nope.yaml')).catch((e: unknown) => e);
    expect(isFlakestormError(error, 'FLAKESTORM_CONFIG_NOT_FOUND')).toBe(true);
    expect((error as FlakestormError).hint).toContain('flakestorm init');
  });

  it('reports a folder passed as the file', async () => {
    const error = await loadConfigFile(dir).catch((e: unknown) => e);
    expect(isFlakestormError(error, 'FLAKESTORM_CONFIG_INVALID')).toBe(true);
  });

  it('loads a .mjs config whose default export is the config object', async () => {
    const file = join(dir, 'flakestorm.config.mjs');
    await writeFile(
      file,
      'export default { agent: { endpoint: "http://127.0.0.1:8000/invoke" }, golden_prompts: ["hi"], run: { seed: 5 } };\n',
    );
    const { plan } = await loadConfigFile(file, { env: {} });
    expect(plan.settings.seed).toBe(5);
    expect(plan.baseDir).toBe(dir);
    const bad = join(dir, 'bad.config.mjs');
    await writeFile(bad, 'export default { agent: {}, golden_prompts: [] };\n');
    const error = await loadConfigFile(bad, { env: {} }).catch((e: unknown) => e as FlakestormError);
    expect(error.code).toBe('FLAKESTORM_CONFIG_INVALID');
    expect(error.issues.map((i) => i.path)).toEqual(['agent.endpoint', 'golden_prompts']);
    const missing = await loadConfigFile(join(dir, 'nope.mjs')).catch((e: unknown) => e);
    expect(isFlakestormError(missing, 'FLAKESTORM_CONFIG_NOT_FOUND')).toBe(true);
    const throwing = join(dir, 'throws.config.mjs');
    await writeFile(throwing, 'throw new Error("kaboom");\n');
    await expect(loadConfigFile(throwing)).rejects.toThrow(/Could not load .*kaboom/);
  });

  it('loads a file, with its folder as baseDir and its path in messages', async () => {
    const file = join(dir, 'flakestorm.yaml');
    await writeFile(file, `${BASE}run:\n  seed: x\n`);
    const error = await loadConfigFile(file).catch((e: unknown) => e as FlakestormError);
    expect(error.issues[0]?.location).toEqual({ file, line: 6, column: 9 });
    await writeFile(file, `\uFEFF${BASE}`);
    const loaded = await loadConfigFile(file, { env: {} });
    expect(loaded.plan.baseDir).toBe(dir);
    expect(loaded.plan.source).toBe(file);
    expect(loaded.raw).toEqual({
      agent: { endpoint: 'http://127.0.0.1:8000/invoke' },
      golden_prompts: ['hello'],
    });
  });
});
