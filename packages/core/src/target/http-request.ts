import type { JsonValue } from '../json.js';
import type { ChatMessage } from '../message.js';
import type { HttpTargetSpec } from './spec.js';
import { parseStructuredInput } from './structured-input.js';
import type { TargetRequest } from './target.js';
import { detectTemplateFormat, renderTemplate, type TemplateFormat, templateUses } from './template.js';

/** A request built from a spec and a case, before any wire mutation. */
export interface BuiltHttpRequest {
  method: string;
  url: URL;
  headers: Array<[string, string]>;
  /** The body as text, or undefined (GET with the prompt in the query). */
  body?: string;
  /** The body's fields when it is a JSON object (for re-encoding by wire mutations). */
  fields?: Record<string, JsonValue>;
  format: TemplateFormat;
}

const mediaTypes: Record<TemplateFormat, string> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  text: 'text/plain; charset=utf-8',
};

/** Finds a header's value, case-insensitively. */
export function findHeader(
  headers: ReadonlyArray<readonly [string, string]>,
  name: string,
): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === lower)?.[1];
}

/** Replaces every header of a name with one value. */
export function setHeader(
  headers: Array<[string, string]>,
  name: string,
  value: string,
): Array<[string, string]> {
  const lower = name.toLowerCase();
  return [...headers.filter(([key]) => key.toLowerCase() !== lower), [name, value]];
}

function turnsToSend(spec: HttpTargetSpec, request: TargetRequest): ChatMessage[] {
  if (spec.session.mode === 'history') return request.messages;
  const last = request.messages.at(-1);
  return last ? [last] : [{ role: 'user', content: request.prompt }];
}

function asObject(text: string): Record<string, JsonValue> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, JsonValue>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds the HTTP request of one case: placeholders filled and escaped for their context, the query
 * string, the session (whole history, or last turn plus a session id in a field or header).
 */
export function buildHttpRequest(spec: HttpTargetSpec, request: TargetRequest): BuiltHttpRequest {
  const method = spec.method.toUpperCase();
  const messages = turnsToSend(spec, request);
  const sentMessages = () => messages.map((m) => ({ role: m.role, content: m.content }));
  // Template values are only needed for query or body templates; the default JSON body skips them.
  let templateValues: Record<string, JsonValue> | undefined;
  const values = (): Record<string, JsonValue> => {
    templateValues ??= {
      ...(spec.parseStructuredInput ? parseStructuredInput(request.prompt) : {}),
      ...request.vars,
      prompt: request.prompt,
      session_id: request.sessionId,
      sessionId: request.sessionId,
      messages: sentMessages(),
    };
    return templateValues;
  };
  const url = new URL(spec.url);
  for (const name in spec.query) {
    url.searchParams.append(name, renderTemplate(spec.query[name] ?? '', values(), 'text'));
  }
  let headers: Array<[string, string]> = [];
  for (const name in spec.headers) headers.push([name, spec.headers[name] ?? '']);
  const sessionId = spec.session.mode === 'session-id';
  const sessionField = spec.session.field ?? 'session_id';
  if (sessionId && spec.session.header) headers.push([spec.session.header, request.sessionId]);
  const wantsField = sessionId && !spec.session.header;
  const declaredType = findHeader(headers, 'content-type');
  const bodyless = method === 'GET' || method === 'HEAD';

  if (spec.bodyTemplate === undefined) {
    if (bodyless) {
      url.searchParams.append('prompt', request.prompt);
      if (wantsField) url.searchParams.append(sessionField, request.sessionId);
      return { method, url, headers, format: 'form' };
    }
    const fields: Record<string, JsonValue> = { prompt: request.prompt };
    if (spec.session.mode === 'history') fields.messages = sentMessages();
    if (wantsField) fields[sessionField] = request.sessionId;
    if (!declaredType) headers.push(['Content-Type', mediaTypes.json]);
    return { method, url, headers, body: JSON.stringify(fields), fields, format: 'json' };
  }

  const detected = detectTemplateFormat(spec.bodyTemplate, declaredType);
  // GET "q={prompt}": the template is a query string, so its values are URL-encoded.
  const format: TemplateFormat = bodyless && detected !== 'json' ? 'form' : detected;
  let body = renderTemplate(spec.bodyTemplate, values(), format);
  if (bodyless && format !== 'json') {
    const rendered = new URLSearchParams(body);
    for (const [name, value] of rendered) url.searchParams.append(name, value);
    if (wantsField && !templateUses(spec.bodyTemplate, 'session_id'))
      url.searchParams.append(sessionField, request.sessionId);
    return { method, url, headers, format };
  }
  let fields = format === 'json' ? asObject(body) : undefined;
  if (fields && wantsField && !templateUses(spec.bodyTemplate, 'session_id') && !(sessionField in fields)) {
    fields = { ...fields, [sessionField]: request.sessionId };
    body = JSON.stringify(fields);
  }
  if (!declaredType) headers = setHeader(headers, 'Content-Type', mediaTypes[format]);
  return { method, url, headers, body, format, ...(fields ? { fields } : {}) };
}
