import { FlakestormError } from '../errors.js';
import type { RecordedExchange } from './session.js';

/** How a recorded body is framed: SSE events, NDJSON lines, or one piece. */
export type StreamFraming = 'sse' | 'ndjson' | 'none';

/** The framing a response's content type implies (OpenAI streams SSE, Ollama streams NDJSON). */
export function streamFraming(headers: Readonly<Record<string, string>>): StreamFraming {
  const type = (headers['content-type'] ?? '').toLowerCase();
  if (type.includes('text/event-stream')) return 'sse';
  if (/ndjson|jsonl|json-lines|json-seq|stream\+json/.test(type)) return 'ndjson';
  return 'none';
}

/**
 * Splits a recorded body into the events a streaming client read: after each blank line for SSE,
 * after each newline for NDJSON; the delimiters stay with their event so the pieces join back to
 * the recorded bytes exactly.
 */
export function splitStream(body: string, framing: StreamFraming): string[] {
  if (framing === 'none' || body === '') return [body];
  const delimiter = framing === 'sse' ? /\r?\n\r?\n/g : /\n/g;
  const pieces: string[] = [];
  let from = 0;
  for (const match of body.matchAll(delimiter)) {
    const end = match.index + match[0].length;
    pieces.push(body.slice(from, end));
    from = end;
  }
  if (from < body.length) pieces.push(body.slice(from));
  return pieces;
}

/** The pieces of a recorded exchange's body (binary bodies are one piece). */
export function exchangePieces(exchange: RecordedExchange): Buffer[] {
  if (exchange.encoding === 'base64') return [Buffer.from(exchange.body, 'base64')];
  return splitStream(exchange.body, streamFraming(exchange.headers)).map((p) => Buffer.from(p, 'utf8'));
}

/**
 * When each piece of a recorded exchange is due, in ms after the request arrived, at speed 1: the
 * recorded arrival times when they match the pieces, else the recorded latency spread evenly over
 * the pieces (the last one lands at the recorded latency); 0 when no latency was recorded.
 */
export function pieceOffsets(exchange: RecordedExchange, pieces: number): number[] {
  const recorded = exchange.streamMs;
  if (recorded !== undefined && recorded.length === pieces) return [...recorded];
  const latency = exchange.latencyMs ?? 0;
  return Array.from({ length: pieces }, (_, i) => (latency * (i + 1)) / pieces);
}

/**
 * The arrival time of each piece from the chunks a recording received: a piece has arrived when the
 * chunk holding its last byte has. `arrivals` are (byte end offset, ms) per chunk, in order.
 */
export function arrivalOffsets(
  pieces: readonly string[],
  arrivals: ReadonlyArray<{ end: number; ms: number }>,
): number[] {
  const out: number[] = [];
  let end = 0;
  let chunk = 0;
  for (const piece of pieces) {
    end += Buffer.byteLength(piece, 'utf8');
    while (chunk < arrivals.length - 1 && (arrivals[chunk]?.end ?? 0) < end) chunk++;
    out.push(Math.round(arrivals[chunk]?.ms ?? 0));
  }
  return out;
}

/**
 * Checks a replay speed: a finite number of 0 or more (1 = as recorded, 2 = twice as fast, 0 = no
 * delay). Anything else is a usage error saying what to pass.
 */
export function checkReplaySpeed(speed: unknown, what = 'speed'): number {
  if (typeof speed === 'number' && Number.isFinite(speed) && speed >= 0) return speed;
  throw new FlakestormError(
    'FLAKESTORM_USAGE',
    `The replay ${what} must be a number of 0 or more (1 = recorded latency, 2 = twice as fast, 0 = no delay), got ${JSON.stringify(String(speed))}.`,
    { hint: 'Pass e.g. --speed 1, --speed 4 or --speed 0.', details: { speed: String(speed) } },
  );
}
