import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { decodeUtf8 } from './read-body.js';
import { createCallSignal, targetError, toTargetError } from './target-error.js';
import type { WireMutation } from './wire.js';

/** A raw protocol variant of the `protocol` wire mutation. */
export type ProtocolVariant = Extract<WireMutation, { kind: 'protocol' }>['variant'];

/** One response parsed minimally from raw bytes. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  invalidUtf8: boolean;
}

/** The request bytes of a variant, and the protocol label recorded on the case. */
export function buildRawRequest(
  url: URL,
  variant: ProtocolVariant,
  request: { method: string; headers: Array<[string, string]>; body: string },
): { bytes: Buffer; protocol: string; expectedResponses: number } {
  const path = `${url.pathname}${url.search}`;
  const body = Buffer.from(request.body);
  const skip = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);
  const common = request.headers
    .filter(([name]) => !skip.has(name.toLowerCase()))
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const head = (method: string, version: string, extra: string) =>
    Buffer.from(`${method} ${path} ${version}\r\nHost: ${url.host}\r\n${common}${extra}\r\n`, 'latin1');
  const sized = `Content-Length: ${body.length}\r\n`;
  switch (variant) {
    case 'http1.0':
      return {
        bytes: Buffer.concat([head(request.method, 'HTTP/1.0', sized), body]),
        protocol: 'HTTP/1.0',
        expectedResponses: 1,
      };
    case 'lowercase-method-line':
      return {
        bytes: Buffer.concat([
          head(request.method.toLowerCase(), 'HTTP/1.1', `${sized}Connection: close\r\n`),
          body,
        ]),
        protocol: 'HTTP/1.1 (lowercase method)',
        expectedResponses: 1,
      };
    case 'pipelined': {
      const first = Buffer.concat([
        head(request.method, 'HTTP/1.1', `${sized}Connection: keep-alive\r\n`),
        body,
      ]);
      const second = Buffer.concat([head(request.method, 'HTTP/1.1', `${sized}Connection: close\r\n`), body]);
      return {
        bytes: Buffer.concat([first, second]),
        protocol: 'HTTP/1.1 pipelined x2',
        expectedResponses: 2,
      };
    }
    case 'chunked-odd-sizes':
    case 'chunked-extensions': {
      const parts: Buffer[] = [
        head(request.method, 'HTTP/1.1', 'Transfer-Encoding: chunked\r\nConnection: close\r\n'),
      ];
      const odd = [1, 3, 7, 13, 31, 5, 61, 127];
      let offset = 0;
      for (let i = 0; offset < body.length; i++) {
        const size = Math.min(
          variant === 'chunked-odd-sizes' ? (odd[i % odd.length] as number) : 16,
          body.length - offset,
        );
        const ext = variant === 'chunked-extensions' ? `;flakestorm=${i};note="x"` : '';
        parts.push(
          Buffer.from(`${size.toString(16).toUpperCase()}${ext}\r\n`),
          body.subarray(offset, offset + size),
          Buffer.from('\r\n'),
        );
        offset += size;
      }
      parts.push(Buffer.from(variant === 'chunked-extensions' ? '0;end=1\r\n\r\n' : '0\r\n\r\n'));
      return {
        bytes: Buffer.concat(parts),
        protocol:
          variant === 'chunked-extensions' ? 'HTTP/1.1 chunked+extensions' : 'HTTP/1.1 chunked odd sizes',
        expectedResponses: 1,
      };
    }
  }
}

function decodeChunked(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let offset = 0;
  while (offset < data.length) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = Number.parseInt(data.subarray(offset, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size === 0) break;
    out.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(out);
}

/** Parses consecutive HTTP/1.x responses from raw bytes (Content-Length, chunked, or read-to-close). */
export function parseRawResponses(data: Buffer): RawResponse[] {
  const responses: RawResponse[] = [];
  let offset = 0;
  while (offset < data.length) {
    const headEnd = data.indexOf('\r\n\r\n', offset);
    if (headEnd < 0) break;
    const [statusLine = '', ...lines] = data.subarray(offset, headEnd).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/\d\.\d\s+(\d{3})/.exec(statusLine)?.[1] ?? Number.NaN);
    if (Number.isNaN(status)) break;
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let bodyStart = headEnd + 4;
    let body: Buffer;
    if ((status >= 100 && status < 200) || status === 204 || status === 304) {
      body = Buffer.alloc(0);
    } else if ((headers['transfer-encoding'] ?? '').toLowerCase().includes('chunked')) {
      const end = data.indexOf('\r\n0\r\n\r\n', bodyStart);
      const stop = end < 0 ? data.length : end + 7;
      body = decodeChunked(data.subarray(bodyStart, stop));
      bodyStart = stop;
    } else if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      body = data.subarray(bodyStart, bodyStart + length);
      bodyStart += length;
    } else {
      body = data.subarray(bodyStart);
      bodyStart = data.length;
    }
    offset = bodyStart;
    if (status >= 100 && status < 200) continue;
    responses.push({ status, headers, ...decodeUtf8(body) });
  }
  return responses;
}

/**
 * Sends raw request bytes over a plain (or TLS) socket and reads until the agent closes it: the variants
 * all end with `Connection: close` (or HTTP/1.0), so the close marks the end.
 */
export async function sendRawBytes(
  url: URL,
  bytes: Buffer,
  options: { signal: AbortSignal; timeoutMs: number; maxResponseBytes: number; where: string },
): Promise<Buffer> {
  const callSignal = createCallSignal(options.signal, options.timeoutMs);
  let socket: Socket | undefined;
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
      const host = url.hostname.replace(/^\[|\]$/g, '');
      socket =
        url.protocol === 'https:' ? connectTls({ host, port, servername: host }) : connectTcp({ host, port });
      const chunks: Buffer[] = [];
      let total = 0;
      const fail = (error: unknown) => {
        socket?.destroy();
        reject(error);
      };
      callSignal.signal.addEventListener('abort', () => fail(callSignal.signal.reason), { once: true });
      socket.on('connect', () => socket?.write(bytes));
      socket.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > options.maxResponseBytes) {
          fail(
            targetError('too_large', `${options.where} sent more than ${options.maxResponseBytes} bytes.`, {
              details: { maxResponseBytes: options.maxResponseBytes },
            }),
          );
          return;
        }
        chunks.push(chunk);
      });
      socket.on('error', (error) => (total > 0 ? resolve(Buffer.concat(chunks)) : fail(error)));
      socket.on('end', () => resolve(Buffer.concat(chunks)));
    });
  } catch (error) {
    throw toTargetError(error, options.where, callSignal.state);
  } finally {
    socket?.destroy();
    callSignal.dispose();
  }
}
