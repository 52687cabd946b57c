/** A path into a config tree: object keys and array indexes, as zod reports them. */
export type ConfigPath = ReadonlyArray<string | number>;

/** `agent.headers.Authorization`, `golden_prompts[2]`; the empty path is "(top level)". */
export function formatConfigPath(path: ConfigPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text === '' ? '(top level)' : text;
}

/** The value at `path` in a plain JSON-like tree, or undefined. */
export function valueAt(root: unknown, path: ConfigPath): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** True when both paths have the same segments. */
export function samePath(a: ConfigPath, b: ConfigPath): boolean {
  return a.length === b.length && a.every((segment, i) => String(segment) === String(b[i]));
}
