import { setTimeout as sleep } from 'node:timers/promises';
import type { JsonValue } from '../json.js';
import type { HttpCall } from './http-call.js';
import { type BuiltHttpRequest, findHeader, setHeader } from './http-request.js';
import { maskHeaders, maskUrl, previewBody } from './mask.js';
import type { WireMutation, WireRecord } from './wire.js';

/** A request ready to send, possibly several times (streamed bodies are rebuilt for each send). */
export interface PreparedCall {
  make(signal: AbortSignal): HttpCall;
  record: WireRecord;
}

/** Marks where the prompt ends, so padding can be streamed in its place; survives every escaping. */
const padMarker = 'FLAKESTORMPADMARKER7F3A9C';
const padChunk = Buffer.alloc(64 * 1024, 'A');

function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function toText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Re-encodes a built body as form, text or XML (or keeps it) for the content-type mutation. */
function reencode(
  built: BuiltHttpRequest,
  prompt: string,
  encodeAs: 'json' | 'form' | 'text' | 'xml',
): string {
  const fields = built.fields ?? { prompt };
  switch (encodeAs) {
    case 'json':
      return built.body ?? JSON.stringify(fields);
    case 'form':
      return new URLSearchParams(
        Object.entries(fields).map(([k, v]): [string, string] => [k, toText(v)]),
      ).toString();
    case 'text':
      return prompt;
    case 'xml':
      return `<?xml version="1.0" encoding="UTF-8"?><request>${Object.entries(fields)
        .map(
          ([k, v]) => `<${k.replace(/[^\w-]/g, '_')}>${xmlEscape(toText(v))}</${k.replace(/[^\w-]/g, '_')}>`,
        )
        .join('')}</request>`;
  }
}

function recordOf(
  call: { method: string; url: string; headers: Array<[string, string]> },
  body: string | undefined,
  bodyBytes?: number,
): WireRecord {
  return {
    method: call.method,
    url: maskUrl(call.url),
    headers: maskHeaders(call.headers),
    bodyBytes: bodyBytes ?? (body === undefined ? 0 : Buffer.byteLength(body)),
    bodyPreview: previewBody(body),
    protocol: 'HTTP/1.1',
  };
}

async function* padded(head: Buffer, padBytes: number, tail: Buffer): AsyncGenerator<Uint8Array> {
  yield head;
  for (let left = padBytes; left > 0; left -= padChunk.length) {
    yield left >= padChunk.length ? padChunk : padChunk.subarray(0, left);
  }
  yield tail;
}

async function* trickled(
  body: Buffer,
  chunkBytes: number,
  intervalMs: number,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < body.length; offset += chunkBytes) {
    if (offset > 0) await sleep(intervalMs, undefined, { signal });
    yield body.subarray(offset, offset + chunkBytes);
  }
}

/**
 * Applies a single-request wire mutation (headers, method, content type, query, payload size, nesting,
 * trickle) to a built request. `rebuild` builds the same request for another prompt (used to find where
 * padding goes). Burst, abort and protocol are orchestrated by the adapter around this.
 */
export function prepareCall(
  built: BuiltHttpRequest,
  prompt: string,
  wire: WireMutation | undefined,
  rebuild: (prompt: string) => BuiltHttpRequest,
): PreparedCall {
  // The common case (no wire mutation, or one the adapter orchestrates): send the built request as is,
  // without copying its URL and headers.
  if (wire === undefined || wire.kind === 'burst' || wire.kind === 'abort' || wire.kind === 'protocol') {
    const call = { method: built.method, url: built.url.toString(), headers: built.headers };
    const body = built.body;
    const sent: HttpCall = body === undefined ? call : { ...call, body };
    return { make: () => sent, record: recordOf(call, body) };
  }
  let method = built.method;
  let headers = [...built.headers];
  let body = built.body;
  const url = new URL(built.url);
  const plain = (note?: string): PreparedCall => {
    const call = { method, url: url.toString(), headers };
    const record = recordOf(call, body);
    return {
      make: () => ({ ...call, ...(body === undefined ? {} : { body }) }),
      record: note ? { ...record, note } : record,
    };
  };
  switch (wire.kind) {
    case 'headers':
      headers.push(...wire.headers.map(([k, v]): [string, string] => [k, v]));
      return plain();
    case 'method':
      method = wire.method;
      return plain();
    case 'query':
      for (const [k, v] of wire.params) url.searchParams.append(k, v);
      return plain();
    case 'content-type':
      body = reencode(built, prompt, wire.encodeAs);
      headers = setHeader(headers, 'Content-Type', wire.contentType);
      return plain(`body encoded as ${wire.encodeAs}, sent as ${wire.contentType}`);
    case 'nesting': {
      const inner = body !== undefined && built.format === 'json' ? body : JSON.stringify(body ?? prompt);
      const depth = Math.max(0, Math.floor(wire.depth));
      body =
        wire.shape === 'array'
          ? `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`
          : `${'{"data":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;
      headers = setHeader(headers, 'Content-Type', findHeader(headers, 'content-type') ?? 'application/json');
      return plain(`body nested ${depth} levels deep (${wire.shape})`);
    }
    case 'payload-size': {
      const marked = rebuild(`${prompt}${padMarker}`);
      const markedBody = marked.body ?? `${prompt}${padMarker}`;
      const [headText = '', ...rest] = markedBody.split(padMarker);
      const head = Buffer.from(headText);
      const tail = Buffer.from(rest.join(''));
      const padBytes = Math.max(0, Math.floor(wire.bytes) - head.length - tail.length);
      const total = head.length + padBytes + tail.length;
      method = marked.method;
      headers = setHeader([...marked.headers], 'Content-Length', String(total));
      const call = { method, url: url.toString(), headers };
      const record = recordOf(call, `${headText}${'A'.repeat(Math.min(padBytes, 2048))}`, total);
      return {
        make: () => ({ ...call, body: padded(head, padBytes, tail) }),
        record: { ...record, note: `prompt padded with ${padBytes} bytes (streamed)` },
      };
    }
    case 'trickle': {
      const bytes = Buffer.from(body ?? prompt);
      const chunkBytes = Math.max(1, Math.floor(wire.chunkBytes));
      headers = setHeader(headers, 'Content-Length', String(bytes.length));
      if (body === undefined) body = prompt;
      const call = { method, url: url.toString(), headers };
      return {
        make: (signal) => ({ ...call, body: trickled(bytes, chunkBytes, wire.intervalMs, signal) }),
        record: {
          ...recordOf(call, body),
          note: `body sent ${chunkBytes} bytes every ${wire.intervalMs} ms`,
        },
      };
    }
  }
}
