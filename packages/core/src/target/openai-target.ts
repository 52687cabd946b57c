import { FlakestormError } from '../errors.js';
import type { ChatMessage } from '../message.js';
import { createHttpAgent, performHttpCall } from './http-call.js';
import { interpretReply } from './http-response.js';
import { maskHeaders, maskUrl, previewBody } from './mask.js';
import { preflightHttp } from './preflight.js';
import type { OpenAiTargetSpec, TargetSpec } from './spec.js';
import type { Target } from './target.js';
import { wrongKind } from './target-error.js';
import type { TargetContext, TargetFactory } from './target-factory.js';

/** `${baseUrl}/chat/completions`, adding `/v1` when the base URL does not end with it. */
export function chatCompletionsUrl(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return /\/v\d+$/.test(base) ? `${base}/chat/completions` : `${base}/v1/chat/completions`;
}

/** Creates a target for an OpenAI-compatible chat completions endpoint. */
export function createOpenAiTarget(spec: OpenAiTargetSpec, context: TargetContext): Target {
  const agent = createHttpAgent();
  const url = chatCompletionsUrl(spec.baseUrl);
  const where = `POST ${maskUrl(url)}`;
  const headers = (): Array<[string, string]> => {
    const list: Array<[string, string]> = [
      ['Content-Type', 'application/json'],
      ...Object.entries(spec.headers),
    ];
    if (spec.apiKeyEnv !== undefined) {
      const key = context.env[spec.apiKeyEnv];
      if (!key) {
        throw new FlakestormError(
          'FLAKESTORM_CONFIG_INVALID',
          `Environment variable ${spec.apiKeyEnv} is not set.`,
          {
            hint: `Export ${spec.apiKeyEnv} with the API key of ${maskUrl(spec.baseUrl)}.`,
            details: { cause: 'target_error', env: spec.apiKeyEnv },
          },
        );
      }
      list.push(['Authorization', `Bearer ${key}`]);
    }
    return list;
  };
  return {
    kind: 'openai',
    description: `${where} (model ${spec.model})`,
    supportsWire: false,
    preflight: (signal) =>
      preflightHttp(agent, url.replace(/\/chat\/completions$/, '/models'), {
        signal,
        timeoutMs: context.timeoutMs,
        headers: headers(),
      }),
    async send(request) {
      const messages: ChatMessage[] = [
        ...(spec.systemPrompt === undefined ? [] : [{ role: 'system' as const, content: spec.systemPrompt }]),
        ...(request.messages.length > 0
          ? request.messages
          : [{ role: 'user' as const, content: request.prompt }]),
      ];
      const body = JSON.stringify({
        model: spec.model,
        messages,
        ...(spec.temperature === undefined ? {} : { temperature: spec.temperature }),
        ...(spec.maxTokens === undefined ? {} : { max_tokens: spec.maxTokens }),
        ...(spec.stream ? { stream: true } : {}),
      });
      const callHeaders = headers();
      const reply = await performHttpCall(
        agent,
        { method: 'POST', url, headers: callHeaders, body },
        {
          signal: request.signal,
          timeoutMs: request.timeoutMs || context.timeoutMs,
          maxResponseBytes: spec.maxResponseBytes,
          where,
        },
      );
      const answer = interpretReply(reply, { stream: spec.stream ? 'sse' : 'auto', where });
      return {
        text: answer.text,
        ...(answer.body === undefined ? {} : { body: answer.body }),
        status: reply.status,
        latencyMs: reply.latencyMs,
        ...(reply.firstByteMs === undefined ? {} : { firstByteMs: reply.firstByteMs }),
        ...(answer.notes.length > 0 ? { warnings: answer.notes } : {}),
        sent: {
          method: 'POST',
          url: maskUrl(url),
          headers: maskHeaders(callHeaders),
          bodyBytes: Buffer.byteLength(body),
          bodyPreview: previewBody(body),
          protocol: 'HTTP/1.1',
        },
      };
    },
    async close() {
      if (!agent.closed && !agent.destroyed) await agent.close();
    },
  };
}

/** The `openai` target kind: any OpenAI-compatible /v1/chat/completions endpoint. */
export const openAiTargetFactory: TargetFactory = {
  kind: 'openai',
  description: 'A model or agent behind an OpenAI-compatible /v1/chat/completions endpoint.',
  create(spec: TargetSpec, context: TargetContext): Target {
    if (spec.kind !== 'openai') throw wrongKind('openai', spec.kind);
    return createOpenAiTarget(spec, context);
  },
};
