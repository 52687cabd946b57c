import { FlakestormError } from '../errors.js';
import type { ChatMessage, ChatRole } from '../message.js';
import { contentText, llmExchange, parseJsonOrLines, toolExchange } from './import-common.js';
import { type LlmWire, type RecordedToolCall, toolCallsOf } from './import-tool-calls.js';
import type { RecordedExchange, ReplaySession } from './session.js';
import { toolRoutePrefix } from './session-file.js';

/** A LangSmith run as its API and exports write it (the fields used here). */
interface LangSmithRun {
  id?: string;
  name?: string;
  run_type?: string;
  trace_id?: string;
  parent_run_id?: string | null;
  dotted_order?: string;
  start_time?: string;
  end_time?: string;
  status?: string;
  error?: string | null;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown> | null;
  extra?: Record<string, unknown> | null;
  serialized?: Record<string, unknown> | null;
  child_runs?: LangSmithRun[] | null;
}

const roles: Record<string, ChatRole> = {
  human: 'user',
  user: 'user',
  ai: 'assistant',
  assistant: 'assistant',
  system: 'system',
  tool: 'tool',
};

function toMessage(raw: unknown): ChatMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as {
    type?: string;
    role?: string;
    content?: unknown;
    data?: { content?: unknown };
    kwargs?: { content?: unknown };
    id?: unknown;
  };
  // LangChain serialises messages as {type, data: {content}} or {lc, id: [..., "HumanMessage"], kwargs}.
  const className = Array.isArray(m.id) ? String(m.id.at(-1)) : '';
  const kind = m.role ?? m.type ?? className.replace(/Message(Chunk)?$/, '').toLowerCase();
  const role = roles[kind];
  const content = contentText(m.content ?? m.data?.content ?? m.kwargs?.content);
  return role && content !== undefined ? { role, content } : undefined;
}

function messagesOf(inputs: Record<string, unknown> | undefined): ChatMessage[] {
  const raw = inputs?.messages;
  // Chat model runs nest one list per prompt: [[message, ...]].
  const list =
    Array.isArray(raw) && Array.isArray(raw[0]) ? (raw[0] as unknown[]) : Array.isArray(raw) ? raw : [];
  return list.map(toMessage).filter((m): m is ChatMessage => m !== undefined);
}

function firstText(
  record: Record<string, unknown> | null | undefined,
  keys: readonly string[],
): string | undefined {
  for (const key of keys) {
    const text = contentText(record?.[key]);
    if (text !== undefined) return text;
  }
  return undefined;
}

function llmText(run: LangSmithRun): string {
  const generations = run.outputs?.generations;
  const first = Array.isArray(generations)
    ? Array.isArray(generations[0])
      ? generations[0][0]
      : generations[0]
    : undefined;
  if (typeof first === 'object' && first !== null) {
    const g = first as { text?: unknown; message?: unknown };
    const text = contentText(g.text) ?? toMessage(g.message)?.content;
    if (text) return text;
  }
  const choice = (run.outputs?.choices as Array<{ message?: { content?: unknown } }> | undefined)?.[0];
  return contentText(choice?.message?.content) ?? firstText(run.outputs, ['output', 'content', 'text']) ?? '';
}

/** Tool calls of an LLM run's answer: LangChain's `tool_calls`, or OpenAI's in additional_kwargs or choices. */
function llmToolCalls(run: LangSmithRun): RecordedToolCall[] {
  const generations = run.outputs?.generations;
  const first = Array.isArray(generations)
    ? Array.isArray(generations[0])
      ? generations[0][0]
      : generations[0]
    : undefined;
  const message = (first as { message?: Record<string, unknown> } | undefined)?.message;
  const holders = [message?.kwargs, message?.data, message] as Array<Record<string, unknown> | undefined>;
  for (const holder of holders) {
    const additional = holder?.additional_kwargs as { tool_calls?: unknown } | undefined;
    const calls = toolCallsOf(holder?.tool_calls);
    if (calls.length > 0) return calls;
    const openAi = toolCallsOf(additional?.tool_calls);
    if (openAi.length > 0) return openAi;
  }
  const choice = (run.outputs?.choices as Array<{ message?: { tool_calls?: unknown } }> | undefined)?.[0];
  return toolCallsOf(choice?.message?.tool_calls ?? run.outputs?.tool_calls);
}

/** Ollama-shaped when the run says its provider is Ollama (ls_provider, invocation _type, class name). */
function llmWire(run: LangSmithRun): LlmWire {
  const extra = run.extra ?? {};
  const metadata = (extra.metadata ?? {}) as Record<string, unknown>;
  const params = (extra.invocation_params ?? {}) as Record<string, unknown>;
  const serializedId = Array.isArray(run.serialized?.id) ? run.serialized.id.join('.') : '';
  const hints = [metadata.ls_provider, params._type, run.name, serializedId];
  return hints.some((h) => typeof h === 'string' && /ollama/i.test(h)) ? 'ollama' : 'openai';
}

function llmModel(run: LangSmithRun): string | undefined {
  const params = (run.extra?.invocation_params ?? {}) as Record<string, unknown>;
  const metadata = (run.extra?.metadata ?? {}) as Record<string, unknown>;
  const model = params.model ?? params.model_name ?? metadata.ls_model_name;
  return typeof model === 'string' ? model : undefined;
}

function latency(run: LangSmithRun): number | undefined {
  if (!run.start_time || !run.end_time) return undefined;
  const ms = Date.parse(run.end_time) - Date.parse(run.start_time);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

function order(a: LangSmithRun, b: LangSmithRun): number {
  const key = (r: LangSmithRun) => r.dotted_order ?? r.start_time ?? '';
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** Every descendant of a run, in execution order, from nested child_runs or a flat export. */
function descendants(root: LangSmithRun, flat: readonly LangSmithRun[]): LangSmithRun[] {
  const out: LangSmithRun[] = [];
  const visit = (run: LangSmithRun) => {
    const children = [
      ...(run.child_runs ?? []),
      ...flat.filter((r) => r.parent_run_id === run.id && r.id !== undefined),
    ];
    for (const child of children.sort(order)) {
      out.push(child);
      visit(child);
    }
  };
  visit(root);
  return out;
}

/**
 * Turns a LangSmith run export (one run with `child_runs`, or a flat list/JSON lines of runs linked by
 * `parent_run_id`) into sessions: one per root run, its input from the root's inputs, its recorded
 * exchanges from the LLM runs (served as OpenAI chat completions on "/llm") and tool runs (on the
 * tool's route), in execution order.
 */
export function sessionsFromLangSmith(
  text: string,
  file: string,
  routePrefixes: readonly string[] = [],
): ReplaySession[] {
  const runs = parseJsonOrLines(text, file, 'a LangSmith run export') as LangSmithRun[];
  const roots = runs.filter((r) => typeof r === 'object' && r !== null && !r.parent_run_id);
  if (roots.length === 0) {
    throw new FlakestormError('FLAKESTORM_CONFIG_INVALID', `${file} holds no LangSmith root run.`, {
      hint: 'Export runs with their child runs (LangSmith: run → "Export", or the API\'s /runs with load_child_runs).',
      details: { file },
    });
  }
  return roots.map((root, index) => {
    const messages = messagesOf(root.inputs);
    const input =
      firstText(root.inputs, ['input', 'question', 'query', 'prompt', 'text']) ??
      messages.filter((m) => m.role === 'user').pop()?.content;
    if (input === undefined) {
      throw new FlakestormError(
        'FLAKESTORM_CONFIG_INVALID',
        `${file}: run ${root.id ?? index} has no input text.`,
        {
          hint: 'The root run needs inputs.input (or question, query, prompt, messages).',
          details: { file, run: root.id ?? index },
        },
      );
    }
    const exchanges: RecordedExchange[] = [];
    for (const run of descendants(root, runs)) {
      const failed = run.status === 'error' || Boolean(run.error);
      if (run.run_type === 'llm') {
        const model = llmModel(run);
        exchanges.push(
          llmExchange(failed ? String(run.error) : llmText(run), latency(run), failed ? 500 : 200, {
            toolCalls: failed ? [] : llmToolCalls(run),
            wire: llmWire(run),
            ...(model === undefined ? {} : { model }),
          }),
        );
      }
      if (run.run_type === 'tool') {
        const output = run.outputs?.output ?? run.outputs;
        exchanges.push(
          toolExchange(
            toolRoutePrefix(run.name ?? 'tool', routePrefixes),
            failed ? { error: run.error } : output,
            latency(run),
            failed ? 500 : 200,
          ),
        );
      }
    }
    const response = firstText(root.outputs, ['output', 'answer', 'result', 'text']);
    return {
      id: root.id ?? `langsmith-${index + 1}`,
      ...(root.name === undefined ? {} : { name: root.name }),
      source: 'langsmith',
      ...(root.start_time === undefined ? {} : { capturedAt: root.start_time }),
      input,
      ...(messages.length > 1 ? { messages } : {}),
      ...(response === undefined ? {} : { response }),
      exchanges,
      ...(root.status === 'error' ? { expectedFailure: true } : {}),
    };
  });
}
