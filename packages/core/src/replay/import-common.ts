import { FlakestormError } from '../errors.js';
import type { RecordedExchange } from './session.js';

/** Parses a JSON document or JSON lines (one object per line), as trace exports come in both. */
export function parseJsonOrLines(text: string, file: string, what: string): unknown[] {
  const trimmed = text.trim();
  try {
    const data: unknown = JSON.parse(trimmed);
    return Array.isArray(data) ? data : [data];
  } catch {
    // Fall through to JSON lines.
  }
  const items: unknown[] = [];
  for (const [index, line] of trimmed.split('\n').entries()) {
    if (line.trim() === '') continue;
    try {
      items.push(JSON.parse(line));
    } catch (cause) {
      throw new FlakestormError(
        'FLAKESTORM_CONFIG_INVALID',
        `${file}:${index + 1}:1 is not ${what} (not JSON).`,
        {
          cause,
          hint: `Pass ${what} as a JSON file or JSON lines.`,
          details: { file, line: index + 1 },
        },
      );
    }
  }
  return items;
}

/** A recorded LLM answer in the OpenAI chat-completions format, served on the "/llm" route. */
export function llmExchange(text: string, latencyMs?: number, status = 200): RecordedExchange {
  const body =
    status >= 400
      ? { error: { message: text, type: 'upstream_error' } }
      : {
          id: 'chatcmpl-replay',
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
        };
  return {
    route: '/llm',
    method: 'POST',
    path: '/v1/chat/completions',
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(latencyMs === undefined ? {} : { latencyMs }),
  };
}

/** A recorded tool answer, served on any call to the tool's route. */
export function toolExchange(
  route: string,
  output: unknown,
  latencyMs?: number,
  status = 200,
): RecordedExchange {
  const text = typeof output === 'string' ? output : JSON.stringify(output ?? null);
  return {
    route,
    method: '*',
    path: '*',
    status,
    headers: {
      'content-type': typeof output === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    },
    body: text,
    ...(latencyMs === undefined ? {} : { latencyMs }),
  };
}

/** Text of a message content that may be a string or a list of parts ({type: "text", text}). */
export function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    const parts = content
      .map((part) =>
        typeof part === 'string'
          ? part
          : typeof part === 'object' && part !== null
            ? ((part as { text?: unknown; content?: unknown }).text ??
              (part as { content?: unknown }).content)
            : undefined,
      )
      .filter((p): p is string => typeof p === 'string');
    return parts.length > 0 ? parts.join('') : undefined;
  }
  return undefined;
}
