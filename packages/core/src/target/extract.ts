/** Keys tried in order when no response path is configured (Python Flakestorm's list). */
export const autoDetectKeys = [
  'output',
  'response',
  'result',
  'data',
  'content',
  'text',
  'message',
  'answer',
  'reply',
  'queries',
  'query',
  'results',
] as const;

/** Splits `$.a.b[0]`, `a.b`, `results.0` or `a["x.y"]` into property names and indexes. */
export function parseResponsePath(path: string): Array<string | number> {
  let rest = path.trim();
  if (rest.startsWith('$')) rest = rest.slice(1);
  const parts: Array<string | number> = [];
  const token = /\.?([^.[\]]+)|\[(\d+)\]|\[\s*(['"])(.*?)\3\s*\]/gy;
  while (rest.length > 0 && token.lastIndex < rest.length) {
    const match = token.exec(rest);
    if (!match) break;
    if (match[1] !== undefined) parts.push(/^\d+$/.test(match[1]) ? Number(match[1]) : match[1]);
    else if (match[2] !== undefined) parts.push(Number(match[2]));
    else if (match[4] !== undefined) parts.push(match[4]);
  }
  return parts;
}

/** Follows a response path through parsed JSON; `found: false` when any step is missing. */
export function resolveResponsePath(value: unknown, path: string): { found: boolean; value?: unknown } {
  let current = value;
  for (const part of parseResponsePath(path)) {
    if (current === null || typeof current !== 'object') return { found: false };
    if (Array.isArray(current)) {
      const index = typeof part === 'number' ? part : Number.NaN;
      if (!Number.isInteger(index) || index >= current.length) return { found: false };
      current = current[index];
    } else {
      const key = String(part);
      if (!Object.hasOwn(current, key)) return { found: false };
      current = (current as Record<string, unknown>)[key];
    }
  }
  return { found: true, value: current };
}

/** Text of an extracted value: strings as they are, anything else as JSON. */
export function valueToText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}

/**
 * Auto-detects the answer in a parsed body: the first non-null of the usual keys, then OpenAI's
 * `choices[0].message.content`; undefined when none is there.
 */
export function autoDetectAnswer(body: unknown): unknown {
  if (typeof body === 'string') return body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  for (const key of autoDetectKeys) {
    const value = record[key];
    if (value !== null && value !== undefined) return value;
  }
  const openAi = resolveResponsePath(body, 'choices[0].message');
  if (openAi.found && openAi.value && typeof openAi.value === 'object') {
    const message = openAi.value as { content?: unknown; tool_calls?: unknown };
    if (message.content !== null && message.content !== undefined) return message.content;
    if (message.tool_calls !== undefined) return message.tool_calls;
  }
  return undefined;
}

/** Parses text as JSON, or undefined when it is not JSON. */
export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch {
    return { ok: false };
  }
}
