import type { Random } from '../random.js';
import type { LlmFault } from './chaos-rule.js';
import {
  getText,
  isFinal,
  type LlmFormat,
  renameTextField,
  type StreamEvent,
  setFinishLength,
  setText,
  toolCallFunctions,
} from './llm-wire.js';
import { corruptJson, driftText, garbageText, truncateTokens } from './text-faults.js';

function isJsonText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

/** The new answer text for faults that rewrite the text; undefined for faults that do not. */
function rewriteText(text: string, fault: LlmFault, random: Random): string | undefined {
  switch (fault.kind) {
    case 'truncate-completion':
      return truncateTokens(text, fault.maxTokens);
    case 'empty-completion':
      return '';
    case 'garbage':
      return garbageText(text, random);
    case 'finish-length':
      return truncateTokens(text, fault.maxTokens ?? Math.max(1, Math.floor(text.split(/\s+/).length / 2)));
    case 'drift':
      if (fault.drift === 'json_field_rename' && !isJsonText(text)) return undefined;
      return driftText(text, fault.drift, fault.factor);
    default:
      return undefined;
  }
}

function corruptArguments(functions: Array<Record<string, unknown>>): void {
  for (const fn of functions) {
    const args = fn.arguments;
    fn.arguments = corruptJson(typeof args === 'string' ? args : JSON.stringify(args ?? {}));
  }
}

/**
 * Applies an LLM fault to a whole (non-streamed) answer body. Returns the new body, or undefined when
 * the body is not JSON (then the proxy leaves it alone: the fault cannot apply).
 */
export function applyLlmFaultToBody(
  format: LlmFormat,
  body: string,
  fault: LlmFault,
  random: Random,
): string | undefined {
  let obj: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    obj = parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (fault.kind === 'corrupt-tool-args') {
    corruptArguments(toolCallFunctions(format, obj));
    return JSON.stringify(obj);
  }
  const text = getText(format, obj) ?? '';
  if (fault.kind === 'drift' && fault.drift === 'json_field_rename' && !isJsonText(text)) {
    // A plain-text answer has no keys of its own: the drift shows on the wire ("content" -> "text").
    renameTextField(format, obj, 'text');
    return JSON.stringify(obj);
  }
  const rewritten = rewriteText(text, fault, random);
  if (rewritten !== undefined) setText(format, obj, rewritten);
  if (fault.kind === 'finish-length') setFinishLength(format, obj);
  return JSON.stringify(obj);
}

function splitInto(text: string, parts: number): string[] {
  const tokens = text.split(/(?<=\s)/);
  const out: string[] = Array.from({ length: parts }, () => '');
  const per = Math.max(1, Math.ceil(tokens.length / parts));
  tokens.forEach((token, i) => {
    const slot = Math.min(parts - 1, Math.floor(i / per));
    out[slot] += token;
  });
  return out;
}

/** A streamed answer after a fault: the events to send, and whether to cut the connection after them. */
export interface FaultedStream {
  events: StreamEvent[];
  cut: boolean;
}

/**
 * Applies an LLM fault to a streamed answer (already split into events). Text faults rewrite the text
 * and spread it back over the original content events, so the stream keeps its shape; `stream-cut`
 * keeps the events up to the cut and asks the proxy to drop the connection without the end marker.
 */
export function applyLlmFaultToStream(
  format: LlmFormat,
  events: StreamEvent[],
  fault: LlmFault,
  random: Random,
): FaultedStream {
  const contentAt = events.flatMap((event, i) =>
    event.json && getText(format, event.json) !== undefined ? [i] : [],
  );
  if (fault.kind === 'stream-cut') {
    // Count chunks that carry text: a role-only opening chunk is not part of the answer.
    const texts = contentAt.filter((i) => (getText(format, events[i]?.json ?? {}) ?? '') !== '');
    const keep = Math.min(texts.length, fault.afterChunks ?? Math.max(1, Math.floor(texts.length / 2)));
    const last = keep === 0 ? 0 : (texts[keep - 1] ?? 0) + 1;
    return { events: events.slice(0, last), cut: true };
  }
  if (fault.kind === 'corrupt-tool-args') {
    const fragments = events.flatMap((event) => (event.json ? toolCallFunctions(format, event.json) : []));
    const whole = fragments
      .map((fn) => (typeof fn.arguments === 'string' ? fn.arguments : JSON.stringify(fn.arguments ?? {})))
      .join('');
    fragments.forEach((fn, i) => {
      fn.arguments = i === 0 ? corruptJson(whole) : '';
    });
    return { events, cut: false };
  }
  const text = contentAt.map((i) => getText(format, events[i]?.json ?? {}) ?? '').join('');
  if (fault.kind === 'drift' && fault.drift === 'json_field_rename' && !isJsonText(text)) {
    for (const i of contentAt) renameTextField(format, events[i]?.json ?? {}, 'text');
    return { events, cut: false };
  }
  const rewritten = rewriteText(text, fault, random);
  if (rewritten !== undefined && contentAt.length > 0) {
    const pieces = splitInto(rewritten, contentAt.length);
    contentAt.forEach((eventIndex, i) => {
      setText(format, events[eventIndex]?.json ?? {}, pieces[i] ?? '');
    });
  }
  if (fault.kind === 'finish-length') {
    for (const event of events)
      if (event.json && isFinal(format, event.json)) setFinishLength(format, event.json);
  }
  return { events, cut: false };
}
