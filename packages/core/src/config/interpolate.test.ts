// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these tests are about the literal ${VAR} syntax
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { interpolateString } from './interpolate.js';
import { loadConfigText } from './load-config.js';

describe('interpolateString', () => {
  const env = { HOST: 'example.test', EMPTY: '' };

  it('reads ${VAR} and ${VAR:-default}', () => {
    expect(interpolateString('http://${HOST}/x', env)).toEqual({
      value: 'http://example.test/x',
      missing: [],
      used: ['HOST'],
    });
    expect(interpolateString('${PORT:-8000}', env).value).toBe('8000');
    expect(interpolateString('${EMPTY:-fallback}', env).value).toBe('fallback');
    expect(interpolateString('${EMPTY}', env)).toEqual({ value: '', missing: [], used: ['EMPTY'] });
    expect(interpolateString('${HOST:-}', {}).value).toBe('');
  });

  it('reports unset variables and keeps the reference', () => {
    expect(interpolateString('a ${NOPE} b ${ALSO}', env)).toEqual({
      value: 'a ${NOPE} b ${ALSO}',
      missing: ['NOPE', 'ALSO'],
      used: ['NOPE', 'ALSO'],
    });
  });

  it('leaves other dollar text alone and unescapes $${', () => {
    expect(interpolateString('costs $500, $HOST, ${1abc}, ${ spaced }', env).value).toBe(
      'costs $500, $HOST, ${1abc}, ${ spaced }',
    );
    expect(interpolateString('literal $${HOST}', env).value).toBe('literal ${HOST}');
  });

  it('never puts an environment value through a second round', () => {
    expect(interpolateString('${A}', { A: '${B}', B: 'no' }).value).toBe('${B}');
  });
});

describe('prompts are never interpolated', () => {
  it('property: any golden prompt, probe and replay input reaches the plan exactly as written', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, unit: 'grapheme' }),
        fc.string({ minLength: 1 }),
        (prompt, probe) => {
          const config = {
            agent: { endpoint: 'http://127.0.0.1:8000/invoke' },
            golden_prompts: [prompt, { prompt, vars: { v: prompt } }],
            invariants: [{ type: 'contains', probes: [probe] }],
          };
          const { plan } = loadConfigText(stringify(config), { env: { HOME: '/root', PATH: '/bin' } });
          expect(plan.goldenPrompts[0]?.text).toBe(prompt);
          expect(plan.goldenPrompts[1]?.text).toBe(prompt);
          expect(plan.invariants[0]?.probes).toEqual([probe]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps ${VAR}-looking prompt text verbatim even when the variable exists', () => {
    const text = 'agent: {endpoint: "http://127.0.0.1/x"}\ngolden_prompts: ["echo ${HOME} and $${x}"]\n';
    expect(loadConfigText(text, { env: { HOME: '/root' } }).plan.goldenPrompts[0]?.text).toBe(
      'echo ${HOME} and $${x}',
    );
  });
});

describe('variables in number and boolean fields', () => {
  const base = 'agent: {endpoint: "http://127.0.0.1/x"}\ngolden_prompts: [hi]\n';

  it('converts ${VAR} text where the schema wants a number or a boolean', () => {
    const text = `${base}run:\n  concurrency: \${FS_CONCURRENCY:-8}\n  baseline: "\${FS_BASELINE}"\n  min_score: \${FS_MIN}\n`;
    const { plan } = loadConfigText(text, {
      env: { FS_CONCURRENCY: '3', FS_BASELINE: 'false', FS_MIN: '0.75' },
    });
    expect(plan.settings).toMatchObject({ concurrency: 3, baseline: false, minScore: 0.75 });
  });

  it('still rejects literal strings and non-numeric variable values, at their position', () => {
    expect(() => loadConfigText(`${base}run:\n  concurrency: "3"\n`, { env: {} })).toThrow(
      /:4:16 run\.concurrency: expected a number/,
    );
    expect(() => loadConfigText(`${base}run:\n  concurrency: \${N}\n`, { env: { N: 'lots' } })).toThrow(
      /:4:16 run\.concurrency: expected a number, got a string "lots" \(from `\$\{N\}`\)/,
    );
  });
});
