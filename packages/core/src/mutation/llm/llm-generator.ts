import { FlakestormError } from '../../errors.js';
import { createLlmCache, type LlmCache, llmCacheKey } from './llm-cache.js';
import { cleanModelText } from './strip-think.js';

/** How to reach the model that generates mutations (never the one under test, never a judge). */
export interface LlmGeneratorOptions {
  provider: 'ollama' | 'openai';
  /** e.g. http://localhost:11434 (Ollama) or https://api.example.com/v1 (OpenAI-compatible). */
  baseUrl: string;
  model: string;
  /** Sent as a bearer token; never logged nor put in errors. */
  apiKey?: string;
  temperature?: number;
  /** Retries after a network error, 429 or 5xx (default 2), with exponential backoff from `retryBaseMs`. */
  retries?: number;
  retryBaseMs?: number;
  timeoutMs?: number;
  /** Folder for the on-disk cache; undefined keeps the cache in memory only. */
  cacheDir?: string;
}

/** One generation: rewrite `prompt` following `instruction`, for mutation `type`, with a seed. */
export interface LlmGenerationRequest {
  type: string;
  instruction: string;
  prompt: string;
  seed: number;
}

/** A model that rewrites prompts; cached and deduplicated. */
export interface LlmGenerator {
  readonly model: string;
  readonly provider: 'ollama' | 'openai';
  generate(request: LlmGenerationRequest): Promise<string>;
}

interface Wire {
  url: string;
  body: unknown;
  read(json: unknown): string | undefined;
}

function endpoint(options: LlmGeneratorOptions, request: LlmGenerationRequest): Wire {
  const base = options.baseUrl.replace(/\/+$/, '');
  const temperature = options.temperature ?? 0.8;
  if (options.provider === 'ollama') {
    return {
      url: `${base}/api/generate`,
      body: {
        model: options.model,
        system: request.instruction,
        prompt: request.prompt,
        stream: false,
        options: { temperature, seed: request.seed },
      },
      read: (json) => (json as { response?: unknown }).response as string | undefined,
    };
  }
  return {
    url: `${base.endsWith('/v1') ? base : `${base}/v1`}/chat/completions`,
    body: {
      model: options.model,
      temperature,
      seed: request.seed,
      messages: [
        { role: 'system', content: request.instruction },
        { role: 'user', content: request.prompt },
      ],
    },
    read: (json) =>
      (json as { choices?: Array<{ message?: { content?: unknown } }> }).choices?.[0]?.message?.content as
        | string
        | undefined,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function unreachable(
  options: LlmGeneratorOptions,
  url: string,
  why: string,
  cause?: unknown,
  status?: number,
): FlakestormError {
  const hint =
    options.provider === 'ollama'
      ? `Start Ollama (\`ollama serve\`) and pull the model (\`ollama pull ${options.model}\`), or use generator: rules (offline, the default).`
      : 'Check model.base_url, model.name and the API key variable, or use generator: rules (offline, the default).';
  return new FlakestormError(
    'FLAKESTORM_GENERATOR_UNREACHABLE',
    `The mutation generator model at ${url} ${why}.`,
    {
      hint,
      cause,
      details: {
        url,
        provider: options.provider,
        model: options.model,
        ...(status === undefined ? {} : { status }),
      },
    },
  );
}

/**
 * Creates an LLM generator for Ollama's /api/generate or an OpenAI-compatible /v1/chat/completions.
 * Results are cached by (model, type, prompt, seed), concurrent identical requests share one call, and
 * reasoning blocks (<think>) are stripped.
 */
export function createLlmGenerator(options: LlmGeneratorOptions): LlmGenerator {
  const cache: LlmCache = createLlmCache(options.cacheDir);
  const inFlight = new Map<string, Promise<string>>();
  const retries = options.retries ?? 2;
  const retryBaseMs = options.retryBaseMs ?? 250;

  async function call(request: LlmGenerationRequest): Promise<string> {
    const wire = endpoint(options, request);
    let lastError: FlakestormError | undefined;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(retryBaseMs * 2 ** (attempt - 1));
      let response: Response;
      try {
        response = await fetch(wire.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify(wire.body),
          signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
        });
      } catch (error) {
        lastError = unreachable(options, wire.url, 'could not be reached', error);
        continue;
      }
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel();
        lastError = unreachable(
          options,
          wire.url,
          `answered HTTP ${response.status}`,
          undefined,
          response.status,
        );
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        const why =
          response.status === 404
            ? `has no model "${options.model}" (HTTP 404)`
            : `refused the request (HTTP ${response.status})`;
        throw unreachable(options, wire.url, why, undefined, response.status);
      }
      const text = wire.read(await response.json().catch(() => undefined));
      if (typeof text !== 'string')
        throw unreachable(options, wire.url, 'answered without any generated text');
      return cleanModelText(text);
    }
    throw lastError ?? unreachable(options, wire.url, 'could not be reached');
  }

  return {
    model: options.model,
    provider: options.provider,
    async generate(request) {
      const key = llmCacheKey(options.model, request.type, request.prompt, request.seed);
      const cached = await cache.get(key);
      if (cached !== undefined) return cached;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const promise = call(request)
        .then(async (text) => {
          await cache.set(key, text);
          return text;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
  };
}
