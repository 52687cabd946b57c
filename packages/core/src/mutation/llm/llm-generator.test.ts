import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFlakestormError } from '../../errors.js';
import { type FixtureServer, listenLocal } from '../../testing/listen.js';
import { generateWithLlm } from './generate-with-llm.js';
import { createLlmGenerator } from './llm-generator.js';
import { cleanModelText } from './strip-think.js';

/** A local model server speaking Ollama's /api/generate and OpenAI's /v1/chat/completions. */
interface FakeModel extends FixtureServer {
  hits: Array<{ path: string; body: Record<string, unknown>; auth: string | undefined }>;
  failNext: number;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

async function startFakeModel(): Promise<FakeModel> {
  const state = { hits: [] as FakeModel['hits'], failNext: 0, turns: new Map<string, number>() };
  const server = createServer(async (req, res) => {
    const body = await readJson(req);
    state.hits.push({ path: req.url ?? '', body, auth: req.headers.authorization });
    if (state.failNext > 0) {
      state.failNext--;
      res.writeHead(503).end('busy');
      return;
    }
    const seed = Number((body.options as { seed?: number } | undefined)?.seed ?? body.seed ?? 0);
    const isOllama = req.url === '/api/generate';
    const prompt = isOllama
      ? String(body.prompt)
      : String((body.messages as Array<{ content: string }>)[1]?.content);
    if (body.model === 'missing') {
      res.writeHead(404).end('model not found');
      return;
    }
    // Three distinct answers per prompt, in turn, so the generator's dedupe has something to do.
    const turn = state.turns.get(prompt) ?? 0;
    state.turns.set(prompt, turn + 1);
    const version = prompt === 'retry' ? seed : turn % 3;
    const text = `<think>The user wants a rewrite. Let me think.</think>\nVersion ${version}: ${prompt}`;
    const json = isOllama
      ? { model: body.model, response: text, done: true }
      : { choices: [{ message: { role: 'assistant', content: text } }] };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(json));
  });
  const fixture = await listenLocal(server);
  return Object.assign(state, fixture);
}

let model: FakeModel;
beforeAll(async () => {
  model = await startFakeModel();
});
afterAll(async () => {
  await model.close();
});

describe('LLM generator', () => {
  it('cleans reasoning blocks, fences and quotes', () => {
    expect(cleanModelText('<think>hmm</think>\n"Hello there"')).toBe('Hello there');
    expect(cleanModelText('<THINK>a\nb</THINK>```\nfenced\n```')).toBe('fenced');
    expect(cleanModelText('answer<think>never closed')).toBe('answer');
  });

  it.each(['ollama', 'openai'] as const)(
    '%s: generates distinct variants, strips <think>, sends the key',
    async (provider) => {
      const generator = createLlmGenerator({
        provider,
        baseUrl: model.url,
        model: 'qwen3:8b',
        apiKey: 'sk-test',
        retries: 0,
      });
      const before = model.hits.length;
      const variants = await generateWithLlm(
        { type: 'paraphrase', count: 3, options: {} },
        'Book a flight',
        generator,
        1,
      );
      expect(variants.map((v) => v.prompt).sort()).toEqual([
        'Version 0: Book a flight',
        'Version 1: Book a flight',
        'Version 2: Book a flight',
      ]);
      const hit = model.hits[before];
      expect(hit?.path).toBe(provider === 'ollama' ? '/api/generate' : '/v1/chat/completions');
      expect(hit?.auth).toBe('Bearer sk-test');
      expect(JSON.stringify(hit?.body)).toContain('Paraphrase the message');
      expect(variants[0]?.meta).toMatchObject({ generator: 'llm', provider, model: 'qwen3:8b' });
    },
  );

  it('returns fewer variants, not duplicates, when the model repeats itself', async () => {
    const generator = createLlmGenerator({ provider: 'ollama', baseUrl: model.url, model: 'm', retries: 0 });
    const variants = await generateWithLlm({ type: 'tone_shift', count: 5, options: {} }, 'Hi', generator, 2);
    expect(variants.length).toBe(3);
    expect(new Set(variants.map((v) => v.prompt)).size).toBe(3);
  });

  it('caches by (model, type, prompt, seed) in memory and on disk, and shares in-flight requests', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flakestorm-llm-'));
    try {
      const request = { type: 'paraphrase', instruction: 'x', prompt: 'cache me', seed: 7 };
      const first = createLlmGenerator({
        provider: 'openai',
        baseUrl: `${model.url}/v1`,
        model: 'm',
        cacheDir: dir,
      });
      const before = model.hits.length;
      const [a, b] = await Promise.all([first.generate(request), first.generate(request)]);
      expect(a).toBe(b);
      await first.generate(request);
      expect(model.hits.length - before).toBe(1);
      const second = createLlmGenerator({
        provider: 'openai',
        baseUrl: model.url,
        model: 'm',
        cacheDir: dir,
      });
      expect(await second.generate(request)).toBe(a);
      expect(model.hits.length - before).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('retries 5xx answers, then succeeds', async () => {
    model.failNext = 2;
    const generator = createLlmGenerator({
      provider: 'ollama',
      baseUrl: model.url,
      model: 'm',
      retries: 2,
      retryBaseMs: 1,
    });
    expect(await generator.generate({ type: 'noise', instruction: 'x', prompt: 'retry', seed: 1 })).toBe(
      'Version 1: retry',
    );
  });

  it('throws FLAKESTORM_GENERATOR_UNREACHABLE with the URL and a hint when nothing listens or the model is missing', async () => {
    const closed = createServer();
    const fixture = await listenLocal(closed);
    await fixture.close();
    const down = createLlmGenerator({
      provider: 'ollama',
      baseUrl: fixture.url,
      model: 'qwen3:8b',
      retries: 1,
      retryBaseMs: 1,
      apiKey: 'sk-secret',
    });
    const error = await down
      .generate({ type: 'paraphrase', instruction: 'x', prompt: 'p', seed: 1 })
      .catch((e: unknown) => e);
    expect(isFlakestormError(error, 'FLAKESTORM_GENERATOR_UNREACHABLE')).toBe(true);
    expect((error as Error).message).toContain(`${fixture.url}/api/generate`);
    expect((error as { hint: string }).hint).toContain('ollama pull qwen3:8b');
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain('sk-secret');
    const missing = createLlmGenerator({
      provider: 'openai',
      baseUrl: model.url,
      model: 'missing',
      retries: 0,
    });
    const notFound = await missing
      .generate({ type: 'paraphrase', instruction: 'x', prompt: 'p', seed: 1 })
      .catch((e: unknown) => e);
    expect(notFound).toMatchObject({ code: 'FLAKESTORM_GENERATOR_UNREACHABLE', details: { status: 404 } });
  });
});
