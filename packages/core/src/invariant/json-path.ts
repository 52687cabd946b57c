/** A parsed JSON path: object keys and array indexes from the root. */
export type JsonPathSegment = string | number;

/**
 * Parses the simple paths Python Flakestorm users write: `$.a.b`, `a.b`, `results.0`, `$.a[0].b`,
 * `$['odd key']`. Returns undefined for anything else (wildcards and filters are not supported).
 */
export function parseJsonPath(path: string): JsonPathSegment[] | undefined {
  let rest = path.trim();
  if (rest.startsWith('$')) rest = rest.slice(1);
  const segments: JsonPathSegment[] = [];
  const token = /^(?:\.?([A-Za-z_$][\w$-]*)|\.?(\d+)|\[(\d+)\]|\[(['"])(.*?)\4\])/;
  while (rest.length > 0) {
    const m = token.exec(rest);
    if (!m || m[0] === '') return undefined;
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else if (m[3] !== undefined) segments.push(Number(m[3]));
    else segments.push(m[5] ?? '');
    rest = rest.slice(m[0].length);
  }
  return segments;
}

/** Follows a path into parsed JSON; `found` is false when a step is missing. */
export function followJsonPath(
  value: unknown,
  path: readonly JsonPathSegment[],
): { found: boolean; value: unknown } {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current)) {
      const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
      if (index < 0 || index >= current.length) return { found: false, value: undefined };
      current = current[index];
    } else if (current !== null && typeof current === 'object') {
      const key = String(segment);
      if (!Object.hasOwn(current, key)) return { found: false, value: undefined };
      current = (current as Record<string, unknown>)[key];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: current };
}

/** Where JSON.parse failed, as "line L, column C", from its message when it says. */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (!at) return message.slice(0, 120);
  const offset = Number(at[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message.replace(/\s*in JSON at position \d+.*$/, '').slice(0, 80)} at line ${line}, column ${column}`;
}
