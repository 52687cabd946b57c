import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { toChaosRoutes } from '../chaos/routes.js';
import { listenLocal } from '../testing/listen.js';
import { arrivalOffsets, splitStream } from './replay-stream.js';
import { createReplayUpstream, type ReplayUpstream } from './replay-upstream.js';
import type { RecordedExchange } from './session.js';
import { parseSessionText } from './session-file.js';

const sse = (words: string[]) =>
  `${words.map((w) => `data: ${JSON.stringify({ choices: [{ delta: { content: w } }] })}\n\n`).join('')}data: [DONE]\n\n`;

const llm = (body: string, extra: Partial<RecordedExchange> = {}): RecordedExchange => ({
  route: '/llm',
  method: 'POST',
  path: '/v1/chat/completions',
  status: 200,
  headers: { 'content-type': 'text/event-stream' },
  body,
  ...extra,
});

/** Reads a response body the way a streaming client does, one read per arrival. */
async function reads(url: string): Promise<{ status: number; type: string | null; parts: string[] }> {
  const response = await fetch(url, { method: 'POST', body: '{}' });
  const parts: string[] = [];
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    parts.push(decoder.decode(chunk));
  }
  return { status: response.status, type: response.headers.get('content-type'), parts };
}

/** A fake clock: `sleep` advances it and yields briefly for real so each write leaves on its own. */
function fakeClock() {
  let t = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => t,
    sleep: async (ms: number) => {
      waits.push(Math.round(ms));
      t += ms;
      await new Promise((resolve) => setTimeout(resolve, 15));
    },
  };
}

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of open.splice(0)) await server.close();
});

async function upstream(options?: Parameters<typeof createReplayUpstream>[0]): Promise<ReplayUpstream> {
  const u = await createReplayUpstream(options);
  open.push(u);
  u.routesFor(['/llm', '/tools/orders']);
  return u;
}

describe('replay upstream: recorded latency and streams', () => {
  it('serves a recorded SSE stream event by event at its recorded times, scaled by speed', async () => {
    const clock = fakeClock();
    const u = await upstream(clock);
    const body = sse(['Your ', 'order ', 'shipped.']);
    u.serve([llm(body, { latencyMs: 400, streamMs: [100, 200, 300, 400] })], { speed: 2 });
    const got = await reads(`${u.url}/llm/v1/chat/completions`);
    expect(got.status).toBe(200);
    expect(got.type).toBe('text/event-stream');
    expect(got.parts.join('')).toBe(body);
    // Four events, each its own read: the client saw a stream, not one block.
    expect(got.parts).toEqual(splitStream(body, 'sse'));
    expect(clock.waits).toEqual([50, 50, 50, 50]);
    expect(u.served).toBe(1);
  });

  it('spreads the latency over the events when no arrival times were recorded; NDJSON too', async () => {
    const clock = fakeClock();
    const u = await upstream(clock);
    const ndjson = '{"message":{"content":"a"},"done":false}\n{"message":{"content":"b"},"done":true}\n';
    u.serve([llm(ndjson, { headers: { 'content-type': 'application/x-ndjson' }, latencyMs: 300 })]);
    const got = await reads(`${u.url}/llm/api/chat`);
    expect(got.parts).toEqual(splitStream(ndjson, 'ndjson'));
    expect(clock.waits).toEqual([150, 150]);
  });

  it('delays a plain response by its latency / speed, and not at all at speed 0', async () => {
    const clock = fakeClock();
    const u = await upstream(clock);
    const tool: RecordedExchange = {
      route: '/tools/orders',
      method: '*',
      path: '*',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"status":"shipped"}',
      latencyMs: 120,
    };
    u.serve([tool], { speed: 4 });
    expect((await reads(`${u.url}/tools/orders/1`)).parts.join('')).toBe(tool.body);
    expect(clock.waits).toEqual([30]);
    u.serve([tool, llm(sse(['a', 'b']), { latencyMs: 90 })], { speed: 0 });
    expect((await reads(`${u.url}/tools/orders/1`)).parts.join('')).toBe(tool.body);
    const stream = await reads(`${u.url}/llm/v1/chat/completions`);
    expect(stream.parts.join('')).toBe(sse(['a', 'b']));
    expect(clock.waits).toEqual([30]);
  });

  it('really waits the recorded latency with the real clock', async () => {
    const u = await upstream();
    u.serve([llm('{"ok":true}', { headers: { 'content-type': 'application/json' }, latencyMs: 150 })]);
    const started = performance.now();
    await reads(`${u.url}/llm/v1/chat/completions`);
    // A lower bound only: the delay is the behaviour under test, not how fast the machine is.
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('rejects an unknown speed', async () => {
    const u = await upstream();
    for (const speed of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => u.serve([], { speed })).toThrow(/must be a number of 0 or more/);
    }
  });

  it('records a stream chunk by chunk: the client sees it live and the arrival times are kept', async () => {
    const real = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const events = splitStream(sse(['one ', 'two']), 'sse');
      let i = 0;
      const next = () => {
        const event = events[i++];
        if (event === undefined) return void res.end();
        res.write(event);
        setTimeout(next, 30);
      };
      next();
    });
    const fixture = await listenLocal(real);
    open.push(fixture);
    const u = await upstream();
    u.record(toChaosRoutes({ '/llm': fixture.url }));
    const got = await reads(`${u.url}/llm/v1/chat/completions`);
    expect(got.parts.length).toBe(3);
    const [recorded] = u.recorded;
    expect(recorded?.body).toBe(sse(['one ', 'two']));
    expect(recorded?.streamMs).toHaveLength(3);
    const times = recorded?.streamMs ?? [];
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect((times[2] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(50);
  });
});

describe('stream helpers and session files', () => {
  it('maps chunk arrivals onto events and keeps bytes exact', () => {
    const pieces = splitStream('data: a\n\ndata: b\r\n\r\ntail', 'sse');
    expect(pieces).toEqual(['data: a\n\n', 'data: b\r\n\r\n', 'tail']);
    expect(
      arrivalOffsets(pieces, [
        { end: 4, ms: 1 },
        { end: 20, ms: 7 },
        { end: 24, ms: 9 },
      ]),
    ).toEqual([7, 7, 9]);
  });

  it('reads stream_ms from a session file and rejects malformed exchanges with file:line:col', () => {
    const ok = parseSessionText(
      'id: s\ninput: hi\nexchanges:\n  - { route: /llm, body: "x", latency_ms: 5, stream_ms: [1, 5] }\n',
      's.yaml',
    );
    expect(ok.exchanges[0]?.streamMs).toEqual([1, 5]);
    expect(() =>
      parseSessionText(
        'id: s\ninput: hi\nexchanges:\n  - route: /llm\n    status: lots\n    stream_ms: [-3]\n',
        'bad.yaml',
      ),
    ).toThrow(/bad\.yaml:5:13/);
    expect(() => parseSessionText('id: s\ninput: hi\nexchanges:\n  - route: llm\n', 'r.yaml')).toThrow(
      /r\.yaml:4/,
    );
  });
});
