import { FlakestormError } from '../errors.js';
import {
  type LlmWire,
  ollamaToolCallMessage,
  openAiToolCallMessage,
  type RecordedToolCall,
} from './import-tool-calls.js';
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

/** What else a recorded LLM turn carries besides its text. */
export interface LlmTurnOptions {
  /** The tool calls the model asked for: served as `tool_calls`, finish reason "tool_calls". */
  toolCalls?: readonly RecordedToolCall[];
  /** Served as OpenAI chat completions (default) or as Ollama /api/chat. */
  wire?: LlmWire;
  model?: string;
}

function ollamaBody(text: string, status: number, options: LlmTurnOptions): unknown {
  if (status >= 400) return { error: text };
  const calls = options.toolCalls ?? [];
  return {
    model: options.model ?? 'replay',
    created_at: '1970-01-01T00:00:00Z',
    message: calls.length > 0 ? ollamaToolCallMessage(text, calls) : { role: 'assistant', content: text },
    done: true,
    done_reason: 'stop',
  };
}

function openAiBody(text: string, status: number, options: LlmTurnOptions): unknown {
  if (status >= 400) return { error: { message: text, type: 'upstream_error' } };
  const calls = options.toolCalls ?? [];
  return {
    id: 'chatcmpl-replay',
    object: 'chat.completion',
    ...(options.model === undefined ? {} : { model: options.model }),
    choices: [
      calls.length > 0
        ? { index: 0, message: openAiToolCallMessage(text, calls), finish_reason: 'tool_calls' }
        : { index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' },
    ],
  };
}

/**
 * A recorded LLM answer on the "/llm" route: an OpenAI chat completion (or an Ollama /api/chat
 * answer), with the turn's tool calls as `tool_calls` so an agent that acts on them does so again.
 */
export function llmExchange(
  text: string,
  latencyMs?: number,
  status = 200,
  options: LlmTurnOptions = {},
): RecordedExchange {
  const ollama = options.wire === 'ollama';
  const body = ollama ? ollamaBody(text, status, options) : openAiBody(text, status, options);
  return {
    route: '/llm',
    method: 'POST',
    path: ollama ? '/api/chat' : '/v1/chat/completions',
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
