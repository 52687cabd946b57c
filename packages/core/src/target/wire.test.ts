import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordingServer, startRecordingServer } from '../testing/recording-server.js';
import { makeTargetRequest } from './conformance.test-util.js';
import { createHttpTarget } from './http-target.js';
import { parseRawResponses } from './raw-protocol.js';
import type { Target } from './target.js';
import { httpSpec, testContext } from './test-helpers.test-util.js';
import type { WireMutation } from './wire.js';

let recorder: RecordingServer;
let target: Target;
beforeAll(async () => {
  recorder = await startRecordingServer();
  target = createHttpTarget(
    httpSpec(`${recorder.url}/invoke?v=1`, { session: { mode: 'none' } }),
    testContext,
  );
});
afterAll(async () => {
  await target.close();
  await recorder.close();
});

async function sendWire(wire: WireMutation, prompt = 'hello') {
  const before = recorder.requests.length;
  const response = await target.send(makeTargetRequest(prompt, { wire }));
  return { response, arrived: recorder.requests.slice(before) };
}

describe('wire mutations against the recording server', () => {
  it('headers: extra, duplicated and very long headers arrive in order', async () => {
    const long = 'x'.repeat(8000);
    const { response, arrived } = await sendWire({
      kind: 'headers',
      headers: [
        ['X-Forwarded-For', '10.0.0.1'],
        ['X-Forwarded-For', '127.0.0.1'],
        ['X-Long', long],
      ],
    });
    const headers = arrived[0]!.headers;
    expect(headers.filter(([n]) => n === 'X-Forwarded-For').map(([, v]) => v)).toEqual([
      '10.0.0.1',
      '127.0.0.1',
    ]);
    expect(headers).toContainEqual(['X-Long', long]);
    expect(response.wireApplied).toBe(true);
    expect(response.sent!.headers).toContainEqual(['X-Forwarded-For', '127.0.0.1']);
  });

  it('method: the other verb arrives', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'GET']) {
      const { arrived, response } = await sendWire({ kind: 'method', method });
      expect(arrived[0]!.method).toBe(method);
      expect(response.sent!.method).toBe(method);
    }
    // Node's parser refuses unknown verbs before the handler runs: the agent's answer is a 400.
    const error = await target
      .send(makeTargetRequest('hello', { wire: { kind: 'method', method: 'FLAKESTORM' } }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ details: { cause: 'http_status', status: 400 } });
  });

  it('content-type: the body is re-encoded and the header lies as asked', async () => {
    const form = await sendWire(
      { kind: 'content-type', encodeAs: 'form', contentType: 'application/x-www-form-urlencoded' },
      'a&b',
    );
    expect(new URLSearchParams(form.arrived[0]!.bodyPreview).get('prompt')).toBe('a&b');
    const text = await sendWire(
      { kind: 'content-type', encodeAs: 'text', contentType: 'text/plain' },
      'plain "words"',
    );
    expect(text.arrived[0]!.bodyPreview).toBe('plain "words"');
    const xml = await sendWire(
      { kind: 'content-type', encodeAs: 'xml', contentType: 'application/xml' },
      '<b>&</b>',
    );
    expect(xml.arrived[0]!.bodyPreview).toContain('<prompt>&#60;b&#62;&#38;&#60;/b&#62;</prompt>');
    const lying = await sendWire({ kind: 'content-type', encodeAs: 'json', contentType: 'text/html' });
    expect(lying.arrived[0]!.headers).toContainEqual(['Content-Type', 'text/html']);
    expect(lying.arrived[0]!.headers.filter(([n]) => n.toLowerCase() === 'content-type')).toHaveLength(1);
    expect(JSON.parse(lying.arrived[0]!.bodyPreview)).toEqual({ prompt: 'hello' });
  });

  it('query: polluted and duplicated parameters arrive after the configured ones', async () => {
    const { arrived } = await sendWire({
      kind: 'query',
      params: [
        ['v', '2'],
        ['debug', 'true'],
        ['q', '"><script>'],
      ],
    });
    expect(arrived[0]!.query).toEqual([
      ['v', '1'],
      ['v', '2'],
      ['debug', 'true'],
      ['q', '"><script>'],
    ]);
  });

  it('payload-size: exactly N bytes arrive, as valid JSON around the padded prompt', async () => {
    const bytes = 2 * 1024 * 1024;
    const { arrived, response } = await sendWire({ kind: 'payload-size', bytes });
    expect(arrived[0]!.bodyBytes).toBe(bytes);
    expect(arrived[0]!.bodyPreview.startsWith('{"prompt":"helloAAAA')).toBe(true);
    expect(arrived[0]!.chunks).toBeGreaterThan(1);
    expect(response.sent!.bodyBytes).toBe(bytes);
    expect(response.sent!.bodyPreview.length).toBeLessThan(5000);
  });

  it('nesting: the body arrives wrapped N levels deep', async () => {
    const array = await sendWire({ kind: 'nesting', depth: 50, shape: 'array' });
    let value: unknown = JSON.parse(array.arrived[0]!.bodyPreview);
    for (let i = 0; i < 50; i++) value = (value as unknown[])[0];
    expect(value).toEqual({ prompt: 'hello' });
    const object = await sendWire({ kind: 'nesting', depth: 3, shape: 'object' });
    expect(JSON.parse(object.arrived[0]!.bodyPreview)).toEqual({
      data: { data: { data: { prompt: 'hello' } } },
    });
  });

  it('burst: N identical requests arrive and the answers are compared', async () => {
    const { arrived, response } = await sendWire({ kind: 'burst', size: 6 });
    expect(arrived).toHaveLength(6);
    expect(new Set(arrived.map((a) => a.bodyPreview)).size).toBe(1);
    expect(response.sent!.burst).toEqual({ size: 6, distinctAnswers: 1 });
    expect(response.text).toBe('ok');
  });

  it('trickle: the body arrives in many small chunks', async () => {
    const { arrived, response } = await sendWire(
      { kind: 'trickle', chunkBytes: 4, intervalMs: 5 },
      'slowly now',
    );
    expect(JSON.parse(arrived[0]!.bodyPreview)).toEqual({ prompt: 'slowly now' });
    expect(arrived[0]!.chunks).toBeGreaterThanOrEqual(5);
    expect(response.sent!.note).toContain('4 bytes every 5 ms');
  });

  it('trickle: a body slower than the timeout fails with cause timeout', async () => {
    const error = await target
      .send(
        makeTargetRequest('a prompt long enough', {
          timeoutMs: 100,
          wire: { kind: 'trickle', chunkBytes: 1, intervalMs: 40 },
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ details: { cause: 'timeout' } });
  });

  it('abort: the first request is dropped by the client, then the retry is answered', async () => {
    const slow = await startRecordingServer({ delayMs: 150 });
    const t = createHttpTarget(httpSpec(`${slow.url}/invoke`), testContext);
    try {
      const response = await t.send(makeTargetRequest('hello', { wire: { kind: 'abort', afterMs: 30 } }));
      expect(slow.requests).toHaveLength(2);
      await new Promise((r) => setTimeout(r, 20));
      expect(slow.requests[0]!.aborted).toBe(true);
      expect(slow.requests[1]!.aborted).toBe(false);
      expect(response.text).toBe('ok');
      expect(response.sent!.note).toContain('aborted by the client after 30 ms');
    } finally {
      await t.close();
      await slow.close();
    }
  });

  it('protocol http1.0: an HTTP/1.0 request arrives and is answered', async () => {
    const { arrived, response } = await sendWire({ kind: 'protocol', variant: 'http1.0' });
    expect(arrived[0]!.httpVersion).toBe('1.0');
    expect(JSON.parse(arrived[0]!.bodyPreview)).toEqual({ prompt: 'hello' });
    expect(response.text).toBe('ok');
    expect(response.sent!.protocol).toBe('HTTP/1.0');
  });

  it('protocol chunked-odd-sizes and chunked-extensions: the body is reassembled by the agent', async () => {
    for (const variant of ['chunked-odd-sizes', 'chunked-extensions'] as const) {
      const { arrived, response } = await sendWire(
        { kind: 'protocol', variant },
        'a longer prompt to split into chunks',
      );
      expect(arrived[0]!.headers).toContainEqual(['Transfer-Encoding', 'chunked']);
      expect(JSON.parse(arrived[0]!.bodyPreview)).toEqual({ prompt: 'a longer prompt to split into chunks' });
      expect(response.text).toBe('ok');
    }
  });

  it('protocol pipelined: two requests on one socket get two answers', async () => {
    const { arrived, response } = await sendWire({ kind: 'protocol', variant: 'pipelined' });
    expect(arrived).toHaveLength(2);
    expect(response.text).toBe('ok');
    expect(response.sent!.note).toBeUndefined();
  });

  it('protocol lowercase-method-line: the agent rejects it, recorded as http_status', async () => {
    const error = await target
      .send(makeTargetRequest('hello', { wire: { kind: 'protocol', variant: 'lowercase-method-line' } }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ details: { cause: 'http_status', status: 400 } });
  });

  it('parses chunked and pipelined raw responses', () => {
    const raw = Buffer.from(
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=1\r\nabc\r\n2\r\nde\r\n0\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno',
    );
    expect(parseRawResponses(raw).map((r) => [r.status, r.text])).toEqual([
      [200, 'abcde'],
      [404, 'no'],
    ]);
  });
});
