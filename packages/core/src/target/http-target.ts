import { setTimeout as sleep } from 'node:timers/promises';
import { FlakestormError } from '../errors.js';
import { createHttpAgent, type HttpReply, performHttpCall } from './http-call.js';
import { buildHttpRequest } from './http-request.js';
import { interpretReply } from './http-response.js';
import { maskHeaders, maskUrl, previewBody } from './mask.js';
import { preflightHttp } from './preflight.js';
import { buildRawRequest, parseRawResponses, sendRawBytes } from './raw-protocol.js';
import type { HttpTargetSpec, TargetSpec } from './spec.js';
import type { Target, TargetRequest, TargetResponse } from './target.js';
import { targetError, toTargetError, wrongKind } from './target-error.js';
import type { TargetContext, TargetFactory } from './target-factory.js';
import { prepareCall } from './wire-apply.js';

/** Creates an HTTP target: one keep-alive pool per target, closed by close(). */
export function createHttpTarget(spec: HttpTargetSpec, context: TargetContext): Target {
  const agent = createHttpAgent();
  const where = `${spec.method.toUpperCase()} ${maskUrl(spec.url)}`;
  const limits = (request: TargetRequest) => ({
    signal: request.signal,
    timeoutMs: request.timeoutMs || context.timeoutMs,
    maxResponseBytes: spec.maxResponseBytes,
    where,
    ...(spec.okStatuses ? { okStatuses: spec.okStatuses } : {}),
  });
  const toResponse = (reply: HttpReply, request: TargetRequest): TargetResponse => {
    const answer = interpretReply(reply, {
      stream: spec.stream,
      where,
      ...(spec.responsePath === undefined ? {} : { responsePath: spec.responsePath }),
    });
    return {
      text: answer.text,
      ...(answer.body === undefined ? {} : { body: answer.body }),
      status: reply.status,
      latencyMs: reply.latencyMs,
      ...(reply.firstByteMs === undefined ? {} : { firstByteMs: reply.firstByteMs }),
      ...(answer.notes.length > 0 ? { warnings: answer.notes } : {}),
      wireApplied: request.wire !== undefined,
    };
  };

  async function sendOnce(request: TargetRequest): Promise<TargetResponse> {
    const built = buildHttpRequest(spec, request);
    const prepared = prepareCall(built, request.prompt, request.wire, (prompt) =>
      buildHttpRequest(spec, { ...request, prompt }),
    );
    const reply = await performHttpCall(agent, prepared.make, limits(request));
    const response = toResponse(reply, request);
    const warnings = response.warnings;
    if (warnings === undefined && !prepared.record.note) {
      response.sent = prepared.record;
      return response;
    }
    const note = [prepared.record.note, ...(warnings ?? [])].filter(Boolean).join('; ');
    response.sent = { ...prepared.record, ...(note ? { note } : {}) };
    return response;
  }

  async function sendBurst(request: TargetRequest, size: number): Promise<TargetResponse> {
    const results = await Promise.allSettled(Array.from({ length: size }, () => sendOnce(request)));
    const answers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    const first = answers[0];
    if (failed.length > 0 || !first) {
      const error = failed[0];
      const base =
        error instanceof FlakestormError
          ? error
          : toTargetError(error, where, { timedOut: false, aborted: false, timeoutMs: 0 });
      throw new FlakestormError(
        base.code,
        `${failed.length} of ${size} concurrent requests failed: ${base.message}`,
        {
          ...(base.hint === undefined ? {} : { hint: base.hint }),
          details: { ...base.details, burstSize: size, burstFailed: failed.length },
          cause: base,
        },
      );
    }
    const distinct = new Set(answers.map((a) => a.text)).size;
    const note = distinct > 1 ? `${size} identical requests got ${distinct} different answers` : undefined;
    const sent = first.sent ?? { method: '', url: '', headers: [], bodyBytes: 0, bodyPreview: '' };
    return {
      ...first,
      sent: { ...sent, burst: { size, distinctAnswers: distinct }, ...(note ? { note } : {}) },
    };
  }

  async function sendAfterAbort(request: TargetRequest, afterMs: number): Promise<TargetResponse> {
    const controller = new AbortController();
    const onParentAbort = () => controller.abort();
    request.signal.addEventListener('abort', onParentAbort, { once: true });
    const timer = setTimeout(() => controller.abort(), Math.max(0, afterMs));
    let firstOutcome: string;
    try {
      await sendOnce({ ...request, wire: { kind: 'abort', afterMs }, signal: controller.signal });
      firstOutcome = `first request answered before the abort at ${afterMs} ms`;
    } catch {
      firstOutcome = `first request aborted by the client after ${afterMs} ms`;
    } finally {
      clearTimeout(timer);
      request.signal.removeEventListener('abort', onParentAbort);
    }
    if (request.signal.aborted) throw targetError('aborted', `Call to ${where} was cancelled.`);
    // A short pause lets the agent notice the dropped connection before the retry arrives.
    await sleep(10);
    const retry = await sendOnce(request);
    const sent = retry.sent ?? { method: '', url: '', headers: [], bodyBytes: 0, bodyPreview: '' };
    return { ...retry, sent: { ...sent, note: `${firstOutcome}; the retry was answered` } };
  }

  async function sendRaw(
    request: TargetRequest,
    variant: Extract<TargetRequest['wire'], { kind: 'protocol' }>['variant'],
  ): Promise<TargetResponse> {
    const built = buildHttpRequest(spec, request);
    const raw = buildRawRequest(built.url, variant, {
      method: built.method,
      headers: built.headers,
      body: built.body ?? '',
    });
    const startedAt = performance.now();
    const bytes = await sendRawBytes(built.url, raw.bytes, limits(request));
    const responses = parseRawResponses(bytes);
    const first = responses[0];
    const sent = {
      method: variant === 'lowercase-method-line' ? built.method.toLowerCase() : built.method,
      url: maskUrl(built.url.toString()),
      headers: maskHeaders(built.headers),
      bodyBytes: Buffer.byteLength(built.body ?? ''),
      bodyPreview: previewBody(built.body),
      protocol: raw.protocol,
    };
    if (!first) {
      throw targetError(
        'invalid_response',
        `${where} sent no parseable HTTP response to a ${raw.protocol} request.`,
        {
          details: { protocol: raw.protocol, bytesRead: bytes.length },
        },
      );
    }
    const ok = spec.okStatuses
      ? spec.okStatuses.includes(first.status)
      : first.status >= 200 && first.status < 300;
    if (!ok) {
      throw targetError(
        'http_status',
        `${where} answered HTTP ${first.status} to a ${raw.protocol} request.`,
        {
          details: { status: first.status, protocol: raw.protocol },
        },
      );
    }
    const response = toResponse(
      { ...first, status: first.status, bytes: bytes.length, latencyMs: performance.now() - startedAt },
      request,
    );
    const notes: string[] = [...(response.warnings ?? [])];
    if (responses.length < raw.expectedResponses)
      notes.push(`${responses.length} of ${raw.expectedResponses} pipelined responses came back`);
    const texts = new Set(responses.map((r) => r.text));
    if (texts.size > 1) notes.push(`pipelined responses differ (${texts.size} distinct)`);
    return {
      ...response,
      latencyMs: performance.now() - startedAt,
      sent: { ...sent, ...(notes.length ? { note: notes.join('; ') } : {}) },
    };
  }

  return {
    kind: 'http',
    description: where,
    supportsWire: true,
    preflight: (signal) =>
      preflightHttp(agent, spec.url, {
        signal,
        timeoutMs: context.timeoutMs,
        headers: Object.entries(spec.headers),
      }),
    async send(request) {
      switch (request.wire?.kind) {
        case 'burst':
          return sendBurst(request, Math.max(1, Math.floor(request.wire.size)));
        case 'abort':
          return sendAfterAbort(request, request.wire.afterMs);
        case 'protocol':
          return sendRaw(request, request.wire.variant);
        default:
          return sendOnce(request);
      }
    },
    ...(spec.resetUrl === undefined
      ? {}
      : {
          async reset(signal: AbortSignal) {
            const url = spec.resetUrl as string;
            await performHttpCall(
              agent,
              { method: 'POST', url, headers: Object.entries(spec.headers) },
              {
                signal,
                timeoutMs: context.timeoutMs,
                maxResponseBytes: 1_048_576,
                where: `POST ${maskUrl(url)}`,
              },
            );
          },
        }),
    async close() {
      if (!agent.closed && !agent.destroyed) await agent.close();
    },
  };
}

/** The `http` target kind: any HTTP agent endpoint. */
export const httpTargetFactory: TargetFactory = {
  kind: 'http',
  description: 'An agent behind an HTTP endpoint (JSON, form or text bodies; SSE and NDJSON streams).',
  create(spec: TargetSpec, context: TargetContext): Target {
    if (spec.kind !== 'http') throw wrongKind('http', spec.kind);
    return createHttpTarget(spec, context);
  },
};
