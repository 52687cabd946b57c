import { afterEach, describe, expect, it } from 'vitest';
import { FlakestormError } from '../errors.js';
import {
  type MisbehavingServer,
  type Misbehaviour,
  type MisbehaviourName,
  startMisbehavingServer,
} from '../testing/misbehaving-server.js';
import { makeTargetRequest } from './conformance.test-util.js';
import { createHttpTarget } from './http-target.js';
import type { HttpTargetSpec } from './spec.js';
import type { Target } from './target.js';
import { causeOf } from './target-error.js';
import { closedPort, httpSpec, testContext } from './test-helpers.test-util.js';

let server: MisbehavingServer | undefined;
let target: Target | undefined;
afterEach(async () => {
  await target?.close();
  await server?.close();
  target = undefined;
  server = undefined;
});

async function against(
  behaviour: Misbehaviour | MisbehaviourName,
  spec: Partial<HttpTargetSpec> = {},
): Promise<Target> {
  server = await startMisbehavingServer(behaviour);
  target = createHttpTarget(httpSpec(`${server.url}/invoke`, spec), testContext);
  return target;
}

async function failure(promise: Promise<unknown>): Promise<FlakestormError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FlakestormError);
  return error as FlakestormError;
}

describe('http target against misbehaving agents', () => {
  it('records a 500 as cause http_status with the status', async () => {
    const error = await failure((await against('500')).send(makeTargetRequest('hi')));
    expect(error.code).toBe('FLAKESTORM_TARGET_HTTP_STATUS');
    expect(error.details).toMatchObject({ cause: 'http_status', status: 500 });
  });

  it('reads Retry-After seconds and dates on a 429', async () => {
    const seconds = await failure((await against('429')).send(makeTargetRequest('hi')));
    expect(seconds.details).toMatchObject({ cause: 'http_status', status: 429, retryAfterMs: 2000 });
    await target?.close();
    await server?.close();
    const date = new Date(Date.now() + 60_000).toUTCString();
    const dated = await failure(
      (await against({ kind: 'status', status: 429, retryAfter: date })).send(makeTargetRequest('hi')),
    );
    expect(dated.details.retryAfterMs).toBeGreaterThan(50_000);
    expect(dated.details.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('counts configured okStatuses as answers', async () => {
    const t = await against(
      { kind: 'status', status: 404, body: '{"output":"not here"}' },
      { okStatuses: [200, 404] },
    );
    const response = await t.send(makeTargetRequest('hi'));
    expect(response).toMatchObject({ text: 'not here', status: 404 });
  });

  it('takes HTML as the answer when no response path is set', async () => {
    const response = await (await against('html')).send(makeTargetRequest('hi'));
    expect(response.text).toContain('<h1>502 Bad Gateway</h1>');
    expect(response.body).toBeUndefined();
  });

  it('fails HTML with cause invalid_response when a response path cannot be read', async () => {
    const error = await failure(
      (await against('html', { responsePath: '$.output' })).send(makeTargetRequest('hi')),
    );
    expect(causeOf(error)).toBe('invalid_response');
    expect(error.message).toContain('$.output');
  });

  it('takes garbage bytes as text', async () => {
    const response = await (await against('garbage')).send(makeTargetRequest('hi'));
    expect(response.text.startsWith('{"o')).toBe(true);
  });

  it('decodes invalid UTF-8 with replacement characters and records it', async () => {
    const response = await (await against('invalid-utf8')).send(makeTargetRequest('hi'));
    expect(response.text).toContain('caf\uFFFD');
    expect(response.warnings?.join(' ')).toContain('invalid UTF-8');
    expect(response.sent?.note).toContain('invalid UTF-8');
  });

  it('stops reading a 50 MB answer at maxResponseBytes (cause too_large)', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const error = await failure(
      (await against('huge', { maxResponseBytes: 1024 * 1024 })).send(makeTargetRequest('hi')),
    );
    expect(error.code).toBe('FLAKESTORM_TARGET_RESPONSE_TOO_LARGE');
    expect(error.details).toMatchObject({ cause: 'too_large', maxResponseBytes: 1024 * 1024 });
    expect(error.details.bytesRead).toBeLessThan(2 * 1024 * 1024);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * 1024 * 1024);
  });

  it('times out an agent that never answers (cause timeout)', async () => {
    const error = await failure(
      (await against('never-answers')).send(makeTargetRequest('hi', { timeoutMs: 100 })),
    );
    expect(error.details).toMatchObject({ cause: 'timeout', timeoutMs: 100 });
  });

  it('waits for a slow agent within the timeout', async () => {
    const response = await (await against({ kind: 'slow', delayMs: 80 })).send(makeTargetRequest('hi'));
    expect(response.text).toBe('slow answer');
  });

  it('records a reset connection as cause connection', async () => {
    const error = await failure((await against('reset')).send(makeTargetRequest('hi')));
    expect(causeOf(error)).toBe('connection');
  });

  it('records a refused connection as cause connection and names the URL', async () => {
    const port = await closedPort();
    target = createHttpTarget(httpSpec(`http://127.0.0.1:${port}/invoke`), testContext);
    const error = await failure(target.send(makeTargetRequest('hi')));
    expect(causeOf(error)).toBe('connection');
    expect(error.message).toContain(`127.0.0.1:${port}/invoke`);
    expect(error.message).toContain('ECONNREFUSED');
    const pre = await failure(target.preflight(new AbortController().signal));
    expect(pre.message).toBe(
      `Cannot reach http://127.0.0.1:${port}/invoke: connection refused (ECONNREFUSED). Is the agent running?`,
    );
  });

  it('concatenates an SSE stream of OpenAI deltas up to [DONE]', async () => {
    const response = await (await against('sse')).send(makeTargetRequest('hi'));
    expect(response.text).toBe('Hello');
    expect(response.warnings).toBeUndefined();
  });

  it('concatenates an NDJSON stream', async () => {
    const response = await (await against('ndjson')).send(makeTargetRequest('hi'));
    expect(response.text).toBe('Hello');
  });

  it('records an SSE stream cut mid-way as cause connection', async () => {
    const error = await failure((await against('sse-cut')).send(makeTargetRequest('hi')));
    expect(causeOf(error)).toBe('connection');
  });
});
