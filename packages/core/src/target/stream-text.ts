import { autoDetectAnswer, resolveResponsePath, tryParseJson, valueToText } from './extract.js';

/** How a response body is framed. */
export type BodyFraming = 'json' | 'sse' | 'ndjson';

/** Chooses the framing from the configured stream mode and the response's content type. */
export function detectFraming(stream: 'auto' | 'none' | 'sse' | 'ndjson', contentType: string): BodyFraming {
  if (stream === 'sse' || stream === 'ndjson') return stream;
  if (stream === 'none') return 'json';
  const type = contentType.toLowerCase();
  if (type.includes('text/event-stream')) return 'sse';
  if (type.includes('ndjson') || type.includes('jsonl') || type.includes('json-seq')) return 'ndjson';
  return 'json';
}

/** Text carried by one streamed chunk: an OpenAI delta, the configured path, an auto-detected key, or raw. */
function chunkText(data: string, responsePath: string | undefined): string {
  const parsed = tryParseJson(data);
  if (!parsed.ok) return data;
  const value = parsed.value;
  const delta = resolveResponsePath(value, 'choices[0].delta');
  if (delta.found && delta.value && typeof delta.value === 'object') {
    const content = (delta.value as { content?: unknown }).content;
    return typeof content === 'string' ? content : '';
  }
  if (responsePath !== undefined) {
    const found = resolveResponsePath(value, responsePath);
    return found.found ? valueToText(found.value) : '';
  }
  const detected = autoDetectAnswer(value);
  return detected === undefined ? '' : valueToText(detected);
}

/** Concatenates the text of every SSE event (`data:` lines joined per event) until `[DONE]`. */
export function sseToText(
  body: string,
  responsePath?: string,
): { text: string; events: number; done: boolean } {
  let text = '';
  let events = 0;
  let done = false;
  for (const block of body.split(/\r?\n\r?\n|\r\r/)) {
    const data = block
      .split(/\r?\n|\r/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5));
    if (data.length === 0) continue;
    const payload = data.join('\n');
    if (payload.trim() === '[DONE]') {
      done = true;
      break;
    }
    events++;
    text += chunkText(payload, responsePath);
  }
  return { text, events, done };
}

/** Concatenates the text of every NDJSON line. */
export function ndjsonToText(body: string, responsePath?: string): { text: string; events: number } {
  let text = '';
  let events = 0;
  for (const line of body.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    events++;
    text += chunkText(line, responsePath);
  }
  return { text, events };
}
