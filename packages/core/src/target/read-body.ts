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
  const chunks: Buffer[] = [];
  let bytes = 0;
  let firstByteMs: number | undefined;
  for await (const chunk of stream) {
    if (firstByteMs === undefined) firstByteMs = performance.now() - options.startedAt;
    bytes += chunk.byteLength;
    if (bytes > options.maxBytes) {
      throw targetError('too_large', `${options.where} sent more than ${options.maxBytes} bytes.`, {
        hint: 'Raise maxResponseBytes if such answers are expected, or check why the agent answers so much.',
        details: { maxResponseBytes: options.maxBytes, bytesRead: bytes },
      });
    }
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  const buffer = Buffer.concat(chunks, bytes);
  const decoded = decodeUtf8(buffer);
  return { ...decoded, bytes, ...(firstByteMs === undefined ? {} : { firstByteMs }) };
}

// One-shot decode() calls keep no state between calls, so one decoder of each kind serves every call.
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

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
