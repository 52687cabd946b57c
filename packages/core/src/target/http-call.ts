import { Agent, type Dispatcher, request } from 'undici';
import { parseRetryAfter, type ReadBody, readBoundedBody } from './read-body.js';
import { createCallSignal, targetError, toTargetError } from './target-error.js';

/** One HTTP request as the adapters build it. */
export interface HttpCall {
  method: string;
  url: string;
  /** In order; a name may repeat. */
  headers: Array<[string, string]>;
  body?: string | Uint8Array | AsyncIterable<Uint8Array>;
}

/** Limits and signals of one call. */
export interface HttpCallOptions {
  signal: AbortSignal;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Statuses counted as answers (default 2xx). */
  okStatuses?: readonly number[];
  /** Name used in messages, e.g. "POST http://127.0.0.1:8000/invoke" (already masked). */
  where: string;
}

/** A whole HTTP answer. */
export interface HttpReply extends ReadBody {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  latencyMs: number;
}

/** A keep-alive connection pool sized for a concurrency of 32 and more. */
export function createHttpAgent(): Agent {
  return new Agent({
    connections: 64,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    // Timeouts are ours (the request's timeoutMs); undici's own would fire with other causes.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
}

function isOk(status: number, okStatuses: readonly number[] | undefined): boolean {
  return okStatuses ? okStatuses.includes(status) : status >= 200 && status < 300;
}

function header(headers: HttpReply['headers'], name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Reads a header of a reply as one string. */
export { header as replyHeader };

/**
 * Sends one request and reads the whole answer within the time and size limits. Every failure is a
 * FlakestormError whose `details.cause` is an ErrorCause; a non-ok status is cause http_status.
 * `callOrMake` may be a function of the call's signal (timeout included) for bodies that stream.
 */
export async function performHttpCall(
  dispatcher: Dispatcher,
  callOrMake: HttpCall | ((signal: AbortSignal) => HttpCall),
  options: HttpCallOptions,
): Promise<HttpReply> {
  const startedAt = performance.now();
  const callSignal = createCallSignal(options.signal, options.timeoutMs);
  let body: Dispatcher.ResponseData['body'] | undefined;
  try {
    // A streamed body (trickle) is built with the call's own signal, so its pauses stop on timeout too.
    const call = typeof callOrMake === 'function' ? callOrMake(callSignal.signal) : callOrMake;
    const response = await request(call.url, {
      dispatcher,
      method: call.method as Dispatcher.HttpMethod,
      headers: call.headers.flat(),
      ...(call.body === undefined ? {} : { body: call.body as string }),
      signal: callSignal.signal,
    });
    body = response.body;
    const headers = response.headers as HttpReply['headers'];
    const declared = Number(header(headers, 'content-length'));
    if (isOk(response.statusCode, options.okStatuses) && declared > options.maxResponseBytes) {
      throw targetError(
        'too_large',
        `${options.where} announced ${declared} bytes, over ${options.maxResponseBytes}.`,
        {
          hint: 'Raise maxResponseBytes if such answers are expected.',
          details: { maxResponseBytes: options.maxResponseBytes, contentLength: declared },
        },
      );
    }
    if (!isOk(response.statusCode, options.okStatuses)) {
      const preview = await readBoundedBody(response.body, {
        maxBytes: 65_536,
        where: options.where,
        startedAt,
      }).catch(() => undefined);
      const retryAfterMs = parseRetryAfter(headers['retry-after']);
      throw targetError('http_status', `${options.where} answered HTTP ${response.statusCode}.`, {
        hint:
          response.statusCode === 429
            ? 'The agent is rate limiting: lower concurrency or set a rate limit.'
            : 'Check the agent logs for this request.',
        details: {
          status: response.statusCode,
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
          ...(preview ? { bodyPreview: preview.text.slice(0, 512) } : {}),
        },
      });
    }
    const read = await readBoundedBody(response.body, {
      maxBytes: options.maxResponseBytes,
      where: options.where,
      startedAt,
    });
    return { ...read, status: response.statusCode, headers, latencyMs: performance.now() - startedAt };
  } catch (error) {
    body?.destroy();
    throw toTargetError(error, options.where, callSignal.state);
  } finally {
    callSignal.dispose();
  }
}
