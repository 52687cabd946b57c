import type { ConfigPath } from './config-path.js';

/** An environment to read `${VAR}` from (process.env by default). */
export type ConfigEnv = Readonly<Record<string, string | undefined>>;

/** A `${VAR}` with no value and no default. */
export interface MissingVariable {
  path: ConfigPath;
  name: string;
}

/** Result of interpolating one string. */
export interface InterpolatedString {
  value: string;
  missing: string[];
  /** Names of the variables that were read (for secret tracking). */
  used: string[];
}

// `$${` escapes a literal `${`; `${NAME}` and `${NAME:-default}` read the environment.
const REFERENCE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** Replaces `${VAR}` / `${VAR:-default}` in one string; `$${` stays a literal `${`. */
export function interpolateString(text: string, env: ConfigEnv): InterpolatedString {
  const missing: string[] = [];
  const used: string[] = [];
  const value = text.replace(REFERENCE, (match, name: string | undefined, fallback: string | undefined) => {
    if (name === undefined) return '${';
    used.push(name);
    const found = env[name];
    if (found !== undefined && found !== '') return found;
    if (fallback !== undefined) return fallback;
    if (found !== undefined) return found;
    missing.push(name);
    return match;
  });
  return { value, missing, used };
}

/** True when a string is exactly one `${VAR}` reference; returns the variable name. */
export function envReferenceName(text: string): string | undefined {
  return /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(text.trim())?.[1];
}

/** Result of interpolating a whole config tree. */
export interface InterpolatedTree {
  value: unknown;
  missing: MissingVariable[];
  /** Values read from the environment, with the variable they came from and where they went. */
  usedValues: Array<{ name: string; value: string; path: ConfigPath }>;
}

/**
 * Interpolates every string value of a config tree except under paths for which `skip` is true
 * (prompt text must reach the agent exactly as written). Keys are never interpolated.
 */
export function interpolateTree(
  root: unknown,
  env: ConfigEnv,
  skip: (path: ConfigPath) => boolean,
): InterpolatedTree {
  const missing: MissingVariable[] = [];
  const usedValues: InterpolatedTree['usedValues'] = [];
  const walk = (node: unknown, path: Array<string | number>): unknown => {
    if (skip(path)) return node;
    if (typeof node === 'string') {
      const result = interpolateString(node, env);
      for (const name of result.missing) missing.push({ path: [...path], name });
      for (const name of result.used) {
        const value = env[name];
        if (value !== undefined && value !== '') usedValues.push({ name, value, path: [...path] });
      }
      return result.value;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (node !== null && typeof node === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) {
        // defineProperty, so that a `__proto__` key stays a plain (and later rejected) key.
        Object.defineProperty(copy, key, {
          value: walk(value, [...path, key]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return copy;
    }
    return node;
  };
  return { value: walk(root, []), missing, usedValues };
}
