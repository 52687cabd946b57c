import type { ServerResponse } from 'node:http';
import type { Random } from '../random.js';
import type { ChaosFault } from './chaos-rule.js';
import { isLlmFault } from './chaos-rule.js';
import { malformedBody, maliciousBody } from './http-faults.js';
import { applyLlmFaultToBody, applyLlmFaultToStream } from './llm-faults.js';
import { formatEvent, framingOf, type LlmFormat, parseStream } from './llm-wire.js';

/** Response headers a proxy must not copy (hop-by-hop, or wrong once the body changes). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Upstream response headers as the proxy forwards them. */
export function forwardableHeaders(
  headers: Record<string, string | string[] | undefined>,
  bodyChanged: boolean,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    if (bodyChanged && (name === 'content-length' || name === 'content-encoding')) continue;
    out[name] = value;
  }
  return out;
}

/**
 * Unchanged upstream response headers as a flat `[name, value, ...]` list for `writeHead`: the
 * no-fault path's form, which builds no per-request object with dynamic keys.
 */
export function forwardableHeaderList(
  headers: Record<string, string | string[] | undefined>,
): (string | string[])[] {
  const out: (string | string[])[] = [];
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && !HOP_BY_HOP.has(name)) out.push(name, value);
  }
  return out;
}

/** Ends the connection after what was written so far reached the socket: the client sees a cut body. */
export function cutAfter(res: ServerResponse, data: string | Buffer): void {
  if (data.length === 0) {
    // Nothing of the answer goes out: the status line and headers do, then the connection drops.
    res.flushHeaders();
    setImmediate(() => res.socket?.destroy());
    return;
  }
  res.write(data, () => res.socket?.destroy());
}

/**
 * Sends an upstream answer that a body-rewriting fault applies to. Returns the status sent.
 * `format` is the LLM wire format for LLM faults (undefined on tool routes: LLM faults then see the
 * body as OpenAI-shaped only when it is).
 */
export function respondWithFault(
  res: ServerResponse,
  upstream: { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer },
  fault: ChaosFault,
  format: LlmFormat,
  random: Random,
): void {
  const headers = forwardableHeaders(upstream.headers, true);
  const text = upstream.body.toString('utf8');
  const send = (body: string, extra: Record<string, string> = {}) => {
    res.writeHead(upstream.status, { ...headers, ...extra, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  switch (fault.kind) {
    case 'wrong-content-type':
      send(text, { 'content-type': fault.contentType ?? 'text/html; charset=utf-8' });
      return;
    case 'malformed':
      send(malformedBody(text));
      return;
    case 'malicious':
      send(maliciousBody(text, fault.payloads, random));
      return;
    case 'truncate-body': {
      const keep = Math.floor(upstream.body.length * (fault.fraction ?? 0.5));
      // Promise the whole length, deliver part of it: the client's body read fails mid-way.
      res.writeHead(upstream.status, { ...headers, 'content-length': upstream.body.length });
      cutAfter(res, upstream.body.subarray(0, keep));
      return;
    }
    default:
      break;
  }
  if (!isLlmFault(fault)) {
    send(text);
    return;
  }
  const framing = framingOf(String(upstream.headers['content-type'] ?? ''));
  if (framing) {
    const faulted = applyLlmFaultToStream(format, parseStream(text, framing), fault, random);
    res.writeHead(upstream.status, headers);
    const out = faulted.events.map((event) => formatEvent(event, framing)).join('');
    if (faulted.cut) cutAfter(res, out);
    else res.end(out);
    return;
  }
  if (fault.kind === 'stream-cut') {
    res.writeHead(upstream.status, { ...headers, 'content-length': upstream.body.length });
    cutAfter(res, upstream.body.subarray(0, Math.floor(upstream.body.length / 2)));
    return;
  }
  send(applyLlmFaultToBody(format, text, fault, random) ?? text);
}

/** Faults that need the upstream body in hand (all others forward it as a stream). */
export function rewritesBody(fault: ChaosFault | undefined): boolean {
  if (!fault) return false;
  return !['latency', 'hang', 'status', 'rate-limit', 'reset', 'slow-first-token'].includes(fault.kind);
}
