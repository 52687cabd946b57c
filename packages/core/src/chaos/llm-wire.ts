/** The LLM wire formats the proxy understands. */
export type LlmFormat = 'openai' | 'ollama-chat' | 'ollama-generate';

/** How a streamed answer is framed: server-sent events (OpenAI) or newline-delimited JSON (Ollama). */
export type StreamFraming = 'sse' | 'ndjson';

type Json = Record<string, unknown>;

/** One event of a streamed answer: parsed JSON when it is JSON, else its raw text ("[DONE]"). */
export interface StreamEvent {
  raw: string;
  json?: Json;
}

/** Which wire format a request path speaks (Ollama's /api/chat and /api/generate, else OpenAI). */
export function llmFormatOf(path: string): LlmFormat {
  const bare = path.split('?')[0] ?? '';
  if (bare.endsWith('/api/chat')) return 'ollama-chat';
  if (bare.endsWith('/api/generate')) return 'ollama-generate';
  return 'openai';
}

/** The framing of a response, from its content type; undefined for a plain (non-streamed) body. */
export function framingOf(contentType: string | undefined): StreamFraming | undefined {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('text/event-stream')) return 'sse';
  if (type.includes('ndjson') || type.includes('jsonl')) return 'ndjson';
  return undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstChoice(obj: Json): Json | undefined {
  const choices = obj.choices;
  return Array.isArray(choices) && isObject(choices[0]) ? choices[0] : undefined;
}

/** The object holding the answer's text field in one body or stream event, and that field's name. */
function textSlot(format: LlmFormat, obj: Json): { holder: Json; key: string } | undefined {
  if (format === 'ollama-generate') return 'response' in obj ? { holder: obj, key: 'response' } : undefined;
  if (format === 'ollama-chat')
    return isObject(obj.message) ? { holder: obj.message, key: 'content' } : undefined;
  const choice = firstChoice(obj);
  if (!choice) return undefined;
  const holder = isObject(choice.message)
    ? choice.message
    : isObject(choice.delta)
      ? choice.delta
      : undefined;
  if (!holder) return undefined;
  if (typeof choice.text === 'string') return { holder: choice, key: 'text' };
  return { holder, key: 'content' };
}

/** The answer text carried by one body or event (undefined when it carries none). */
export function getText(format: LlmFormat, obj: Json): string | undefined {
  const slot = textSlot(format, obj);
  const value = slot?.holder[slot.key];
  return typeof value === 'string' ? value : undefined;
}

/** Sets the answer text of one body or event (no-op when it has no text slot). */
export function setText(format: LlmFormat, obj: Json, text: string): void {
  const slot = textSlot(format, obj);
  if (slot) slot.holder[slot.key] = text;
}

/** Renames the answer's text field, as a drifted API would ("content" becomes "text"). */
export function renameTextField(format: LlmFormat, obj: Json, to: string): void {
  const slot = textSlot(format, obj);
  if (!slot || !(slot.key in slot.holder)) return;
  slot.holder[to] = slot.holder[slot.key];
  delete slot.holder[slot.key];
}

/** Whether this body or event ends the answer (OpenAI finish_reason set, Ollama done: true). */
export function isFinal(format: LlmFormat, obj: Json): boolean {
  if (format === 'openai') {
    const reason = firstChoice(obj)?.finish_reason;
    return typeof reason === 'string';
  }
  return obj.done === true;
}

/** Marks the answer as cut by the token limit. */
export function setFinishLength(format: LlmFormat, obj: Json): void {
  if (format === 'openai') {
    const choice = firstChoice(obj);
    if (choice) choice.finish_reason = 'length';
    return;
  }
  obj.done_reason = 'length';
}

/** The tool-call argument holders of one body or event (OpenAI strings, Ollama objects). */
export function toolCallFunctions(format: LlmFormat, obj: Json): Json[] {
  let calls: unknown;
  if (format === 'openai') {
    const choice = firstChoice(obj);
    const holder =
      choice &&
      (isObject(choice.message) ? choice.message : isObject(choice.delta) ? choice.delta : undefined);
    calls = holder?.tool_calls;
  } else if (format === 'ollama-chat' && isObject(obj.message)) {
    calls = obj.message.tool_calls;
  }
  if (!Array.isArray(calls)) return [];
  return calls.flatMap((call) => (isObject(call) && isObject(call.function) ? [call.function] : []));
}

/** Splits a streamed body into events. */
export function parseStream(text: string, framing: StreamFraming): StreamEvent[] {
  const events: StreamEvent[] = [];
  const blocks = framing === 'sse' ? text.split(/\r?\n\r?\n/) : text.split(/\r?\n/);
  for (const block of blocks) {
    if (block.trim() === '') continue;
    const raw =
      framing === 'sse'
        ? block
            .split(/\r?\n/)
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).replace(/^ /, ''))
            .join('\n')
        : block;
    if (framing === 'sse' && raw === '' && !block.includes('data:')) continue;
    try {
      const json: unknown = JSON.parse(raw);
      events.push(isObject(json) ? { raw, json } : { raw });
    } catch {
      events.push({ raw });
    }
  }
  return events;
}

/** Writes one event in its framing. */
export function formatEvent(event: StreamEvent, framing: StreamFraming): string {
  const payload = event.json ? JSON.stringify(event.json) : event.raw;
  return framing === 'sse' ? `data: ${payload}\n\n` : `${payload}\n`;
}
