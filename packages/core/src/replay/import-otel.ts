import { FlakestormError } from '../errors.js';
import type { ChatMessage, ChatRole } from '../message.js';
import { contentText, llmExchange, parseJsonOrLines, toolExchange } from './import-common.js';
import { type RecordedToolCall, toolCallsOf } from './import-tool-calls.js';
import type { RecordedExchange, ReplaySession } from './session.js';
import { toolRoutePrefix } from './session-file.js';

/** An OTLP/JSON attribute value. */
interface AnyValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}

/** An OTLP/JSON span (the fields used here). */
interface OtlpSpan {
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  name?: string;
  startTimeUnixNano?: string;
  endTimeUnixNano?: string;
  attributes?: Array<{ key: string; value: AnyValue }>;
  events?: Array<{ name: string; attributes?: Array<{ key: string; value: AnyValue }> }>;
  status?: { code?: number | string; message?: string };
}

type Attributes = Map<string, string | number | boolean>;

function attributesOf(list: OtlpSpan['attributes']): Attributes {
  const map: Attributes = new Map();
  for (const { key, value } of list ?? []) {
    const v =
      value.stringValue ??
      (value.intValue === undefined ? undefined : Number(value.intValue)) ??
      value.doubleValue ??
      value.boolValue;
    if (v !== undefined) map.set(key, v);
  }
  return map;
}

const roles = new Set<ChatRole>(['system', 'user', 'assistant', 'tool']);

/** GenAI semantic-convention messages: a JSON list of {role, parts: [{type: "text", content}]} or {role, content}. */
function parseMessages(raw: unknown): ChatMessage[] {
  let list: unknown = raw;
  if (typeof raw === 'string') {
    try {
      list = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(list)) return [];
  const out: ChatMessage[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const m = item as {
      role?: string;
      content?: unknown;
      parts?: unknown;
      message?: { role?: string; content?: unknown };
    };
    const role = (m.role ?? m.message?.role) as ChatRole | undefined;
    const content = contentText(m.parts) ?? contentText(m.content) ?? contentText(m.message?.content);
    if (role && roles.has(role) && content !== undefined) out.push({ role, content });
  }
  return out;
}

function nanos(value: string | undefined): bigint | undefined {
  if (value === undefined) return undefined;
  try {
    return BigInt(value);
  } catch {
    return undefined;
  }
}

function latency(span: OtlpSpan): number | undefined {
  const start = nanos(span.startTimeUnixNano);
  const end = nanos(span.endTimeUnixNano);
  return start !== undefined && end !== undefined && end >= start
    ? Number((end - start) / 1_000_000n)
    : undefined;
}

/** Messages of a span: gen_ai.input/output.messages attributes, or the older per-message events. */
function spanMessages(span: OtlpSpan, attrs: Attributes, direction: 'input' | 'output'): ChatMessage[] {
  const fromAttribute = parseMessages(attrs.get(`gen_ai.${direction}.messages`));
  if (fromAttribute.length > 0) return fromAttribute;
  const out: ChatMessage[] = [];
  for (const event of span.events ?? []) {
    const e = attributesOf(event.attributes);
    if (direction === 'input' && /^gen_ai\.(system|user|assistant|tool)\.message$/.test(event.name)) {
      const role = event.name.split('.')[1] as ChatRole;
      const content = e.get('content') ?? e.get('gen_ai.prompt');
      if (typeof content === 'string') out.push({ role, content });
    }
    if (direction === 'output' && event.name === 'gen_ai.choice') {
      const content = e.get('content') ?? e.get('message') ?? e.get('gen_ai.completion');
      const parsed = typeof content === 'string' ? parseMessages(`[${content}]`) : [];
      const text = parsed[0]?.content ?? (typeof content === 'string' ? content : undefined);
      if (text !== undefined) out.push({ role: 'assistant', content: text });
    }
  }
  return out;
}

function parseJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * Tool calls of a chat span's answer: `tool_call` parts of gen_ai.output.messages (or OpenAI-style
 * `tool_calls` on the message), else the older gen_ai.choice event's message or tool_calls.
 */
function spanToolCalls(span: OtlpSpan, attrs: Attributes): RecordedToolCall[] {
  const output = parseJson(attrs.get('gen_ai.output.messages'));
  if (Array.isArray(output)) {
    for (const item of [...output].reverse()) {
      const m = item as { parts?: unknown; tool_calls?: unknown; message?: { tool_calls?: unknown } };
      const calls = [...toolCallsOf(m.parts), ...toolCallsOf(m.tool_calls ?? m.message?.tool_calls)];
      if (calls.length > 0) return calls;
    }
  }
  for (const event of span.events ?? []) {
    if (event.name !== 'gen_ai.choice') continue;
    const e = attributesOf(event.attributes);
    const message = parseJson(e.get('message')) as { tool_calls?: unknown } | undefined;
    const calls = toolCallsOf(message?.tool_calls ?? parseJson(e.get('tool_calls')));
    if (calls.length > 0) return calls;
  }
  return [];
}

function spansOf(documents: unknown[]): OtlpSpan[] {
  const spans: OtlpSpan[] = [];
  for (const doc of documents) {
    const resourceSpans = (doc as { resourceSpans?: unknown })?.resourceSpans;
    if (!Array.isArray(resourceSpans)) continue;
    for (const rs of resourceSpans as Array<{ scopeSpans?: Array<{ spans?: OtlpSpan[] }> }>) {
      for (const ss of rs.scopeSpans ?? []) spans.push(...(ss.spans ?? []));
    }
  }
  return spans;
}

/**
 * Turns OpenTelemetry GenAI spans (OTLP/JSON, as the collector's file exporter writes them) into
 * sessions, one per trace: the input from the agent span (`invoke_agent`) or the first chat span's
 * last user message, LLM answers from `chat` spans, tool results from `execute_tool` spans
 * (`gen_ai.tool.call.result`), in start order.
 */
export function sessionsFromOtel(
  text: string,
  file: string,
  routePrefixes: readonly string[] = [],
): ReplaySession[] {
  const spans = spansOf(parseJsonOrLines(text, file, 'an OTLP/JSON span file'));
  const traces = new Map<string, OtlpSpan[]>();
  for (const span of spans) {
    const attrs = attributesOf(span.attributes);
    if (![...attrs.keys()].some((k) => k.startsWith('gen_ai.'))) continue;
    const list = traces.get(span.traceId ?? '') ?? [];
    list.push(span);
    traces.set(span.traceId ?? '', list);
  }
  if (traces.size === 0) {
    throw new FlakestormError('FLAKESTORM_CONFIG_INVALID', `${file} holds no OpenTelemetry GenAI spans.`, {
      hint: 'Pass OTLP/JSON (resourceSpans → scopeSpans → spans) whose spans carry gen_ai.* attributes.',
      details: { file },
    });
  }
  const sessions: ReplaySession[] = [];
  for (const [traceId, list] of traces) {
    list.sort((a, b) => ((nanos(a.startTimeUnixNano) ?? 0n) < (nanos(b.startTimeUnixNano) ?? 0n) ? -1 : 1));
    const exchanges: RecordedExchange[] = [];
    let input: ChatMessage[] = [];
    let response: string | undefined;
    let agentName: string | undefined;
    let failed = false;
    for (const span of list) {
      const attrs = attributesOf(span.attributes);
      const operation = attrs.get('gen_ai.operation.name');
      const error = span.status?.code === 2 || span.status?.code === 'STATUS_CODE_ERROR';
      // error.type is often the HTTP status the upstream answered; keep it when it is one.
      const errorType = Number(attrs.get('error.type'));
      const errorStatus = errorType >= 400 && errorType <= 599 ? errorType : 500;
      if (operation === 'invoke_agent') {
        input = spanMessages(span, attrs, 'input');
        response = spanMessages(span, attrs, 'output').pop()?.content;
        agentName = String(attrs.get('gen_ai.agent.name') ?? span.name ?? '');
        failed = error;
      } else if (operation === 'chat' || operation === 'text_completion') {
        if (input.length === 0) input = spanMessages(span, attrs, 'input');
        const text = spanMessages(span, attrs, 'output').pop()?.content ?? '';
        const provider = attrs.get('gen_ai.provider.name') ?? attrs.get('gen_ai.system');
        const model = attrs.get('gen_ai.response.model') ?? attrs.get('gen_ai.request.model');
        exchanges.push(
          llmExchange(
            error ? (span.status?.message ?? 'error') : text,
            latency(span),
            error ? errorStatus : 200,
            {
              toolCalls: error ? [] : spanToolCalls(span, attrs),
              wire: provider === 'ollama' ? 'ollama' : 'openai',
              ...(typeof model === 'string' ? { model } : {}),
            },
          ),
        );
      } else if (operation === 'execute_tool') {
        const tool = String(attrs.get('gen_ai.tool.name') ?? 'tool');
        const raw = attrs.get('gen_ai.tool.call.result');
        let output: unknown = raw;
        if (typeof raw === 'string') {
          try {
            output = JSON.parse(raw);
          } catch {
            output = raw;
          }
        }
        exchanges.push(
          toolExchange(
            toolRoutePrefix(tool, routePrefixes),
            error ? { error: span.status?.message ?? 'error' } : output,
            latency(span),
            error ? errorStatus : 200,
          ),
        );
      }
    }
    const lastUser = input.filter((m) => m.role === 'user').pop()?.content;
    if (lastUser === undefined) continue;
    const start = nanos(list[0]?.startTimeUnixNano);
    sessions.push({
      id: traceId || `otel-${sessions.length + 1}`,
      ...(agentName ? { name: agentName } : {}),
      source: 'otel',
      ...(start === undefined ? {} : { capturedAt: new Date(Number(start / 1_000_000n)).toISOString() }),
      input: lastUser,
      ...(input.length > 1 ? { messages: input.filter((m) => m.role !== 'system') } : {}),
      ...(response === undefined ? {} : { response }),
      exchanges,
      ...(failed ? { expectedFailure: true } : {}),
    });
  }
  return sessions;
}
