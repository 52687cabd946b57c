import { Readable } from 'node:stream';
import { targetError } from './target-error.js';

/** A response body read whole (bounded), decoded as UTF-8. */
export interface ReadBody {
  text: string;
  bytes: number;
  /** True when invalid UTF-8 was replaced with U+FFFD (recorded, not fatal). */
  invalidUtf8: boolean;
  /** Time from the call's start to the first body byte. */
  firstByteMs?: number;
}

/**
 * Reads a byte stream to its end, failing with cause too_large as soon as it passes `maxBytes`, so a
 * 50 MB answer never sits in memory. The caller destroys the stream on failure.
 */
export async function readBoundedBody(
  stream: AsyncIterable<Uint8Array>,
  options: { maxBytes: number; where: string; startedAt: number },
): Promise<ReadBody> {
  if (stream instanceof Readable) return readReadable(stream, options);
  const chunks: Buffer[] = [];
  let bytes = 0;
  let firstByteMs: number | undefined;
  for await (const chunk of stream) {
    if (firstByteMs === undefined) firstByteMs = performance.now() - options.startedAt;
    bytes += chunk.byteLength;
    if (bytes > options.maxBytes) throw tooLarge(options, bytes);
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  const buffer = Buffer.concat(chunks, bytes);
  const decoded = decodeUtf8(buffer);
  return { ...decoded, bytes, ...(firstByteMs === undefined ? {} : { firstByteMs }) };
}

// One-shot decode() calls keep no state between calls, so one decoder of each kind serves every call.
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

function tooLarge(options: { maxBytes: number; where: string }, bytes: number) {
  return targetError('too_large', `${options.where} sent more than ${options.maxBytes} bytes.`, {
    hint: 'Raise maxResponseBytes if such answers are expected, or check why the agent answers so much.',
    details: { maxResponseBytes: options.maxBytes, bytesRead: bytes },
  });
}

/**
 * The same read for a Node stream (undici's bodies), by events: an async iterator costs several promises
 * per call, and most answers are one chunk. A stream that closes before its end fails like `for await`.
 */
function readReadable(
  stream: Readable,
  options: { maxBytes: number; where: string; startedAt: number },
): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let firstByteMs: number | undefined;
    let settled = false;
    const settle = (error: unknown) => {
      if (settled) return;
      settled = true;
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('close', onClose);
      // The 'error' listener stays (settle ignores later calls): an error after an early settle (too
      // large) must not become an uncaught exception before the caller destroys the stream.
      if (error !== undefined) {
        reject(error);
        return;
      }
      const decoded = decodeUtf8(Buffer.concat(chunks, bytes));
      resolve({ ...decoded, bytes, ...(firstByteMs === undefined ? {} : { firstByteMs }) });
    };
    const onData = (chunk: Buffer | string) => {
      const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (firstByteMs === undefined) firstByteMs = performance.now() - options.startedAt;
      bytes += data.byteLength;
      if (bytes > options.maxBytes) {
        settle(tooLarge(options, bytes));
        return;
      }
      chunks.push(data);
    };
    const onEnd = () => settle(undefined);
    const onClose = () => {
      const premature = Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
      settle(stream.errored ?? premature);
    };
    // Listened to first: a stream destroyed with an error still emits it on the next tick.
    stream.on('error', settle);
    if (stream.errored) {
      settle(stream.errored);
      return;
    }
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('close', onClose);
  });
}

/** Decodes UTF-8, replacing invalid sequences and saying whether it had to. */
export function decodeUtf8(buffer: Uint8Array): { text: string; invalidUtf8: boolean } {
  try {
    return { text: strictDecoder.decode(buffer), invalidUtf8: false };
  } catch {
    return { text: lenientDecoder.decode(buffer), invalidUtf8: true };
  }
}

/** Milliseconds to wait from a Retry-After header (seconds or an HTTP date), if it has a usable value. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(raw)) return Math.round(Number(raw) * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
