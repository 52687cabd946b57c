/** A tool call the model asked for in a recorded turn, whatever trace format it came from. */
export interface RecordedToolCall {
  id?: string;
  name: string;
  /** The arguments as recorded: an object, or the JSON text OpenAI sends. */
  arguments: unknown;
}

/** The wire format a recorded LLM turn is served in: OpenAI chat completions or Ollama /api/chat. */
export type LlmWire = 'openai' | 'ollama';

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function parsedArguments(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? {};
  try {
    return JSON.parse(value);
  } catch {
    // Kept verbatim: a model that sent broken arguments is part of the incident being replayed.
    return value;
  }
}

/**
 * Tool calls from a list in any of the shapes traces use: LangChain ({name, args, id}), OpenAI
 * ({id, function: {name, arguments}}), Ollama ({function: {name, arguments}}) and OpenTelemetry
 * GenAI message parts ({type: "tool_call", id, name, arguments}). Other entries are ignored.
 */
export function toolCallsOf(raw: unknown): RecordedToolCall[] {
  if (!Array.isArray(raw)) return [];
  const calls: RecordedToolCall[] = [];
  for (const item of raw) {
    const entry = record(item);
    if (!entry) continue;
    if (entry.type !== undefined && entry.type !== 'tool_call' && entry.type !== 'function') continue;
    const fn = record(entry.function);
    const name = fn?.name ?? entry.name;
    if (typeof name !== 'string' || name === '') continue;
    const id = entry.id ?? entry.tool_call_id;
    calls.push({
      ...(typeof id === 'string' ? { id } : {}),
      name,
      arguments: parsedArguments(fn ? fn.arguments : (entry.args ?? entry.arguments)),
    });
  }
  return calls;
}

/** The assistant message of a tool-call turn, as OpenAI chat completions send it. */
export function openAiToolCallMessage(
  text: string,
  calls: readonly RecordedToolCall[],
): Record<string, unknown> {
  return {
    role: 'assistant',
    content: text === '' ? null : text,
    tool_calls: calls.map((call, index) => ({
      id: call.id ?? `call_${index + 1}`,
      type: 'function',
      function: {
        name: call.name,
        arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
      },
    })),
  };
}

/** The assistant message of a tool-call turn, as Ollama's /api/chat sends it (arguments as an object). */
export function ollamaToolCallMessage(
  text: string,
  calls: readonly RecordedToolCall[],
): Record<string, unknown> {
  return {
    role: 'assistant',
    content: text,
    tool_calls: calls.map((call) => ({
      function: { name: call.name, arguments: parsedArguments(call.arguments) },
    })),
  };
}
