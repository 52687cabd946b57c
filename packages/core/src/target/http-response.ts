import { autoDetectAnswer, resolveResponsePath, tryParseJson, valueToText } from './extract.js';
import { type HttpReply, replyHeader } from './http-call.js';
import { detectFraming, ndjsonToText, sseToText } from './stream-text.js';
import { targetError } from './target-error.js';

/** The answer text and parsed body of a reply. */
export interface InterpretedReply {
  text: string;
  body?: unknown;
  notes: string[];
}

/**
 * Extracts the answer from a whole reply: streams (SSE, NDJSON) concatenated, JSON by response path or
 * auto-detection, anything else as text. Only a configured path that cannot be read is an error: HTML or
 * garbage is the answer, for invariants to judge.
 */
export function interpretReply(
  reply: Pick<HttpReply, 'text' | 'headers' | 'invalidUtf8'>,
  options: { stream: 'auto' | 'none' | 'sse' | 'ndjson'; responsePath?: string; where: string },
): InterpretedReply {
  const notes = reply.invalidUtf8 ? ['invalid UTF-8 in the answer was replaced with U+FFFD'] : [];
  const framing = detectFraming(options.stream, replyHeader(reply.headers, 'content-type'));
  if (framing === 'sse') {
    const sse = sseToText(reply.text, options.responsePath);
    if (!sse.done) notes.push(`SSE stream ended without [DONE] after ${sse.events} events`);
    return { text: sse.text, notes };
  }
  if (framing === 'ndjson') return { text: ndjsonToText(reply.text, options.responsePath).text, notes };
  const parsed = tryParseJson(reply.text);
  if (options.responsePath !== undefined) {
    const found = parsed.ok ? resolveResponsePath(parsed.value, options.responsePath) : { found: false };
    if (!found.found) {
      throw targetError(
        'invalid_response',
        parsed.ok
          ? `${options.where} answered JSON without "${options.responsePath}".`
          : `${options.where} did not answer JSON, so response path "${options.responsePath}" cannot be read.`,
        {
          hint: 'Check response_path against a real answer of the agent.',
          details: { responsePath: options.responsePath, bodyPreview: reply.text.slice(0, 512) },
        },
      );
    }
    return { text: valueToText(found.value), ...(parsed.ok ? { body: parsed.value } : {}), notes };
  }
  if (!parsed.ok) return { text: reply.text, notes };
  const detected = autoDetectAnswer(parsed.value);
  return { text: detected === undefined ? reply.text : valueToText(detected), body: parsed.value, notes };
}
