// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these tests are about the literal ${VAR} syntax
import { describe, expect, it } from 'vitest';
import { loadConfigText } from './load-config.js';
import { canonicalJson, configHash, REDACTED, redactedConfig } from './redact-config.js';
import { resolveConfig } from './resolve-config.js';

const config = (endpoint: string) => ({
  agent: { endpoint, headers: { 'X-Api-Key': '${SERVICE_API_KEY}', Accept: 'text/plain' } },
  golden_prompts: ['hi'],
  invariants: [{ type: 'contains', value: 'ok' }],
});

describe('redactedConfig', () => {
  it('redacts secret-named headers, URL passwords and values read from secret env variables', () => {
    const plan = resolveConfig(config('http://user:pa55word@127.0.0.1:8000/${SESSION_TOKEN}/chat'), {
      env: { SERVICE_API_KEY: 'key-abcdef123456', SESSION_TOKEN: 'tok-987654321' },
    });
    const redacted = redactedConfig(plan);
    const text = JSON.stringify(redacted);
    for (const secret of ['key-abcdef123456', 'tok-987654321', 'pa55word'])
      expect(text).not.toContain(secret);
    expect(redacted.target).toMatchObject({
      url: `http://user:${REDACTED}@127.0.0.1:8000/${REDACTED}/chat`,
      headers: { 'X-Api-Key': REDACTED, Accept: 'text/plain' },
    });
    // The plan itself still holds the real values: targets need them.
    expect(plan.target).toMatchObject({ headers: { 'X-Api-Key': 'key-abcdef123456' } });
  });

  it('redacts by field name in plans built without the loader', () => {
    const plan = loadConfigText('agent: {endpoint: "http://127.0.0.1/x"}\ngolden_prompts: [hi]\n', {
      env: {},
    }).plan;
    const copy = { ...plan, target: { ...plan.target, headers: { Authorization: 'Bearer abc' } } };
    expect(redactedConfig(copy).target).toMatchObject({ headers: { Authorization: REDACTED } });
  });
});

describe('configHash', () => {
  it('is the same on any machine and for any secret, and changes with the settings', () => {
    const env = { SERVICE_API_KEY: 'key-1111111111', SESSION_TOKEN: 'x' };
    const a = resolveConfig(config('http://127.0.0.1:8000/chat'), {
      env,
      source: '/a/flakestorm.yaml',
      baseDir: '/a',
    });
    const b = resolveConfig(config('http://127.0.0.1:8000/chat'), {
      env: { ...env, SERVICE_API_KEY: 'key-2222222222' },
      source: '/b/other.yaml',
      baseDir: '/b',
    });
    const c = resolveConfig(config('http://127.0.0.1:8001/chat'), { env });
    expect(configHash(a)).toBe(configHash(b));
    expect(configHash(a)).not.toBe(configHash(c));
  });

  it('hashes canonical JSON (key order does not matter)', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
  });
});

describe('error messages', () => {
  it('quote the written ${VAR}, never the secret value read from the environment', () => {
    const text = 'agent:\n  endpoint: "${AGENT_URL}"\ngolden_prompts: [hi]\n';
    expect(() => loadConfigText(text, { env: { AGENT_URL: 'ftp://user:hunter2hunter2@host' } })).toThrow(
      /agent\.endpoint: expected an http:\/\/ or https:\/\/ URL, got "\$\{AGENT_URL\}"/,
    );
    try {
      loadConfigText(text, { env: { AGENT_URL: 'ftp://user:hunter2hunter2@host' } });
    } catch (error) {
      expect(JSON.stringify(error)).not.toContain('hunter2');
      expect(String((error as Error).message)).not.toContain('hunter2');
    }
  });
});
