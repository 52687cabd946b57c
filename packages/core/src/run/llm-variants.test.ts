import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinPlugin } from '../plugin/builtin-plugin.js';
import { definePlugin } from '../plugin/plugin.js';
import { createRegistry } from '../plugin/registry.js';
import { fakeTarget, makePlan, spec, testMutators } from './run-fixtures.test-util.js';
import { runPlan } from './run-plan.js';

// A local OpenAI-compatible model that rewrites prompts (with a reasoning block to strip).
let calls = 0;
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    calls++;
    const { messages } = JSON.parse(body) as { messages: Array<{ content: string }> };
    const prompt = messages.at(-1)?.content ?? '';
    const text = `<think>rewrite it</think>Rewritten #${calls}: ${prompt.slice(-30)}`;
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({ choices: [{ message: { role: 'assistant', content: text }, finish_reason: 'stop' }] }),
    );
  });
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const registry = () => createRegistry([builtinPlugin, definePlugin({ name: 't', mutators: testMutators })]);

describe('generator: llm', () => {
  it('generates variants with the model before the run and sends them as cases', async () => {
    const plan = makePlan({
      mutations: [spec('suffix', 1), spec('paraphrase', 2, { generator: 'llm' })],
      model: { provider: 'openai', name: 'tiny', baseUrl, temperature: 0.7 },
    });
    const target = fakeTarget();
    const outcome = await runPlan(plan, { registry: registry(), target, keepResults: true });
    const llmResults = outcome.results?.filter((r) => r.mutationType === 'paraphrase') ?? [];
    expect(llmResults).toHaveLength(4);
    expect(
      llmResults.every((r) => r.mutated.startsWith('Rewritten #') && !r.mutated.includes('<think>')),
    ).toBe(true);
    expect(target.calls.map((c) => c.prompt)).toContain(llmResults[0]?.mutated);
  });

  it('fails before the first case when the model is unreachable, naming it', async () => {
    const plan = makePlan({
      mutations: [spec('paraphrase', 1, { generator: 'llm' })],
      model: { provider: 'ollama', name: 'qwen3:8b', baseUrl: 'http://127.0.0.1:9', temperature: 0.7 },
    });
    const target = fakeTarget();
    await expect(runPlan(plan, { registry: registry(), target })).rejects.toMatchObject({
      code: 'FLAKESTORM_GENERATOR_UNREACHABLE',
    });
    expect(target.calls).toHaveLength(0);
  });

  it('says what to add when generator: llm has no model section', async () => {
    const plan = makePlan({ mutations: [spec('paraphrase', 1, { generator: 'llm' })] });
    await expect(runPlan(plan, { registry: registry(), target: fakeTarget() })).rejects.toMatchObject({
      code: 'FLAKESTORM_CONFIG_INVALID',
      hint: expect.stringContaining('model:'),
    });
  });
});
