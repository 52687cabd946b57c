import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { makeTargetRequest } from '../target/conformance.test-util.js';
import { createHttpTarget } from '../target/http-target.js';
import type { Target, TargetResponse } from '../target/target.js';
import { httpSpec, testContext } from '../target/test-helpers.test-util.js';
import type { WireMutation } from '../target/wire.js';
import {
  type RecordedRequest,
  type RecordingServer,
  startRecordingServer,
} from '../testing/recording-server.js';
import type { Mutator } from './mutator.js';
import {
  concurrentRequestPatternMutator,
  contentTypeConfusionMutator,
  httpHeaderInjectionMutator,
  payloadSizeAttackMutator,
  protocolLevelAttackMutator,
  queryParameterPoisoningMutator,
  requestMethodAttackMutator,
  resourceExhaustionMutator,
  timeoutManipulationMutator,
} from './types/system-wire.js';

// Every variant a network type makes is sent through the real HTTP target to a server that records what
// arrived; the test checks that the wire change really happened (not just text about it in the prompt).

let recorder: RecordingServer;
let target: Target;
beforeAll(async () => {
  recorder = await startRecordingServer();
  target = createHttpTarget(httpSpec(`${recorder.url}/invoke`, { session: { mode: 'none' } }), testContext);
});
afterAll(async () => {
  await target.close();
  await recorder.close();
});

type Kind = WireMutation['kind'];
type Of<K extends Kind> = Extract<WireMutation, { kind: K }>;

function wires<K extends Kind>(mutator: Mutator, ...kinds: K[]): Array<Of<K>> {
  const variants = mutator.mutate('Book a flight to Paris', {
    count: 50,
    random: createRandom(1),
    options: {},
  });
  expect(variants.length).toBeGreaterThan(0);
  return variants.map((v) => {
    expect(kinds).toContain(v.wire?.kind);
    return v.wire as Of<K>;
  });
}

/** Sends one wire change; returns what arrived, and the answer or the agent's rejection (a finding). */
async function send(wire: WireMutation, t: Target = target, server: RecordingServer = recorder) {
  const before = server.requests.length;
  const result: TargetResponse | unknown = await t
    .send(makeTargetRequest('Book a flight to Paris', { wire }))
    .catch((error: unknown) => error);
  return { arrived: server.requests.slice(before) as RecordedRequest[], result };
}

const rejected = (result: unknown): boolean =>
  typeof result === 'object' &&
  result !== null &&
  'code' in result &&
  (result as { code: string }).code === 'FLAKESTORM_TARGET_HTTP_STATUS';

describe('network mutation types on the wire', () => {
  it('http_header_injection: every header set arrives, duplicates and long values included', async () => {
    for (const wire of wires(httpHeaderInjectionMutator, 'headers')) {
      const { arrived, result } = await send(wire);
      expect(arrived).toHaveLength(1);
      const got = arrived[0]?.headers.map(([n, v]) => [n.toLowerCase(), v]) ?? [];
      for (const [name, value] of wire.headers) expect(got).toContainEqual([name.toLowerCase(), value]);
      expect((result as TargetResponse).sent?.headers.length).toBeGreaterThan(0);
    }
  });

  it('request_method_attack: the other method arrives, or the agent rejects the verb (a finding)', async () => {
    for (const wire of wires(requestMethodAttackMutator, 'method')) {
      const { arrived, result } = await send(wire);
      if (rejected(result)) continue;
      expect(arrived[0]?.method).toBe(wire.method.toUpperCase());
      expect((result as TargetResponse).sent?.method.toUpperCase()).toBe(wire.method.toUpperCase());
    }
  });

  it('content_type_confusion: the Content-Type arrives as stated and the body as re-encoded', async () => {
    for (const wire of wires(contentTypeConfusionMutator, 'content-type')) {
      const { arrived } = await send(wire);
      const request = arrived[0] as RecordedRequest;
      const contentType = request.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
      expect(contentType).toBe(wire.contentType);
      if (wire.encodeAs === 'json')
        expect(JSON.parse(request.bodyPreview)).toMatchObject({ prompt: 'Book a flight to Paris' });
      if (wire.encodeAs === 'form')
        expect(new URLSearchParams(request.bodyPreview).get('prompt')).toBe('Book a flight to Paris');
      if (wire.encodeAs === 'xml') expect(request.bodyPreview).toMatch(/^<\?xml/);
      if (wire.encodeAs === 'text') expect(request.bodyPreview).toBe('Book a flight to Paris');
    }
  });

  it('query_parameter_poisoning: polluted and duplicated parameters arrive in order', async () => {
    for (const wire of wires(queryParameterPoisoningMutator, 'query')) {
      const { arrived } = await send(wire);
      const query = arrived[0]?.query ?? [];
      for (const pair of wire.params) expect(query).toContainEqual(pair);
    }
  });

  it('payload_size_attack: sizes span 1-20 MB and a 1 MB body arrives whole', async () => {
    const all = wires(payloadSizeAttackMutator, 'payload-size').map((w) => w.bytes);
    expect(Math.min(...all)).toBe(1_000_000);
    expect(Math.max(...all)).toBe(20_000_000);
    const { arrived } = await send({ kind: 'payload-size', bytes: 1_000_000 });
    expect(arrived[0]?.bodyBytes).toBe(1_000_000);
  });

  it('resource_exhaustion: bodies arrive nested as deep as stated', async () => {
    for (const wire of wires(resourceExhaustionMutator, 'nesting').filter((w) => w.depth <= 2000)) {
      const { arrived } = await send(wire);
      // The recorder keeps the first 4 KB: count the nesting levels visible in it.
      const preview = arrived[0]?.bodyPreview ?? '';
      const unit = wire.shape === 'array' ? '[' : '{"data":';
      const levels =
        (preview.match(wire.shape === 'array' ? /^\[+/ : /^(\{"data":)+/)?.[0].length ?? 0) / unit.length;
      expect(levels).toBeGreaterThanOrEqual(Math.min(wire.depth, Math.floor(4096 / unit.length) - 1));
    }
  });

  it('concurrent_request_pattern: a burst of N identical requests arrives and the answers are compared', async () => {
    for (const wire of wires(concurrentRequestPatternMutator, 'burst').filter((w) => w.size <= 12)) {
      const { arrived, result } = await send(wire);
      expect(arrived).toHaveLength(wire.size);
      expect(new Set(arrived.map((r) => r.bodyPreview)).size).toBe(1);
      expect((result as TargetResponse).sent?.burst).toEqual({ size: wire.size, distinctAnswers: 1 });
    }
  });

  it('timeout_manipulation: trickled bodies arrive in many chunks; aborted requests are retried', async () => {
    const all: WireMutation[] = wires(timeoutManipulationMutator, 'trickle', 'abort');
    const trickle = all
      .filter((w): w is Of<'trickle'> => w.kind === 'trickle')
      .sort((a, b) => a.chunkBytes - b.chunkBytes)[0];
    // The data file's intervals go up to 2 s; the test keeps the chunking and shortens the wait.
    const { arrived } = await send({ ...(trickle as Of<'trickle'>), intervalMs: 5 });
    expect(arrived[0]?.chunks).toBeGreaterThan(1);
    const slow = await startRecordingServer({ delayMs: 200 });
    const t = createHttpTarget(httpSpec(`${slow.url}/invoke`, { session: { mode: 'none' } }), testContext);
    try {
      // Aborts after 1-10 ms may fire before the request reaches the server; 25 ms and up arrive first.
      const abort = all
        .filter((w): w is Of<'abort'> => w.kind === 'abort' && w.afterMs >= 25 && w.afterMs < 200)
        .sort((a, b) => a.afterMs - b.afterMs)[0] as Of<'abort'>;
      const { arrived: twice } = await send(abort, t, slow);
      expect(twice).toHaveLength(2);
      await new Promise((r) => setTimeout(r, 20));
      expect(slow.requests[0]?.aborted).toBe(true);
    } finally {
      await t.close();
      await slow.close();
    }
  });

  it('protocol_level_attack: HTTP/1.0, chunked edge cases and pipelining reach the server', async () => {
    for (const wire of wires(protocolLevelAttackMutator, 'protocol')) {
      const { arrived, result } = await send(wire);
      if (wire.variant === 'lowercase-method-line') {
        expect(rejected(result) || arrived.length === 1).toBe(true);
        continue;
      }
      if (wire.variant === 'http1.0') expect(arrived[0]?.httpVersion).toBe('1.0');
      if (wire.variant === 'pipelined') expect(arrived).toHaveLength(2);
      if (wire.variant.startsWith('chunked'))
        expect(JSON.parse(arrived[0]?.bodyPreview ?? '')).toMatchObject({ prompt: 'Book a flight to Paris' });
    }
  });
});
