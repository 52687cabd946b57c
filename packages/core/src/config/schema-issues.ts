import type * as z from 'zod';
import type { ErrorIssue } from '../errors.js';
import { type ConfigPath, formatConfigPath, valueAt } from './config-path.js';
import { closestMatch, didYouMean } from './did-you-mean.js';
import { allowedKeysAt } from './schema-keys.js';
import { isSecretName } from './secret-fields.js';
import type { Locator } from './yaml-source.js';

/** A key the schema does not know, kept apart because legacy configs only warn about it. */
export interface UnknownKey {
  path: ConfigPath;
  issue: ErrorIssue;
}

/** Zod issues turned into located, readable config issues; unknown keys are listed separately. */
export interface TranslatedIssues {
  errors: ErrorIssue[];
  unknownKeys: UnknownKey[];
}

/**
 * Turns zod issues into messages a person can act on, each with its file position and a hint.
 * `written` is the config before `${VAR}` interpolation, quoted instead of values read from the env.
 */
export function translateZodIssues(
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodType,
  data: unknown,
  locate: Locator | undefined,
  written: unknown = data,
): TranslatedIssues {
  const result: TranslatedIssues = { errors: [], unknownKeys: [] };
  // A misspelt key is one mistake: its "unknown key" issue suffices, without "required key missing".
  const misspelt = new Set<string>();
  const missingErrors = new Map<ErrorIssue, string>();
  const at = (path: ConfigPath, part: 'key' | 'value' = 'value') => {
    const location = locate?.(path, part);
    return location === undefined ? {} : { location };
  };
  for (const issue of issues) {
    const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(schema, path, data);
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        const intended = closestMatch(key, allowed);
        if (intended !== undefined) misspelt.add(formatConfigPath([...path, intended]));
        const where = path.length === 0 ? 'at the top level' : `in \`${formatConfigPath(path)}\``;
        result.unknownKeys.push({
          path: keyPath,
          issue: {
            message: `unknown key \`${key}\` ${where}`,
            path: formatConfigPath(keyPath),
            ...at(keyPath, 'key'),
            hint: didYouMean(key, allowed) ?? `allowed keys here: ${allowed.sort().join(', ')}`,
          },
        });
      }
      continue;
    }
    const value = valueAt(data, path);
    const missing = value === undefined;
    // Quote what the user wrote (`${SECRET_URL}`), not what a secret-looking variable put there.
    const original = valueAt(written, path);
    const fromEnv = typeof original === 'string' && original.includes('${');
    const secret =
      fromEnv &&
      (mentionsSecret(original) ||
        path.some((s) => typeof s === 'string' && isSecretName(s)) ||
        looksLikeToken(value));
    const shown = secret ? original : value;
    const described = describe(issue, shown, missing);
    const message = fromEnv && !secret ? `${described.message} (from \`${original}\`)` : described.message;
    const hint = described.hint;
    const error: ErrorIssue = {
      message,
      path: formatConfigPath(path),
      ...at(path, missing ? 'key' : 'value'),
      ...(hint === undefined ? {} : { hint }),
    };
    if (missing) missingErrors.set(error, formatConfigPath(path));
    result.errors.push(error);
  }
  result.errors = result.errors.filter((error) => !misspelt.has(missingErrors.get(error) ?? '\u0000'));
  return result;
}

// Variable names miss many secrets (OPENAI_KEY, DB_PASS): a long unbroken token is never echoed either.
function looksLikeToken(value: unknown): boolean {
  return typeof value === 'string' && value.length >= 8 && !/\s/.test(value);
}

// True when a written value reads a variable whose name suggests a secret (or a URL, which may embed one).
function mentionsSecret(written: string): boolean {
  return [...written.matchAll(/\$\{([A-Za-z_]\w*)/g)].some(
    ([, name]) => isSecretName(name ?? '') || /URL|URI|DSN/i.test(name ?? ''),
  );
}

function describe(
  issue: z.core.$ZodIssue,
  value: unknown,
  missing: boolean,
): { message: string; hint?: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return { message: `required ${issue.expected} is missing` };
      return { message: `expected ${article(issue.expected)}, got ${got(value)}` };
    case 'too_small':
      return { message: tooSmall(issue, value) };
    case 'too_big':
      return { message: tooBig(issue) };
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      return {
        message: `expected one of ${allowed.join(', ')}; got ${preview(value)}`,
        ...(hint === undefined ? {} : { hint }),
      };
    }
    case 'invalid_format':
      if (issue.format === 'url')
        return { message: `expected an http:// or https:// URL, got ${preview(value)}` };
      return { message: `${issue.message.replace(/^Invalid string: /, '')}, got ${preview(value)}` };
    case 'invalid_union':
      return describeUnion(issue, value);
    case 'not_multiple_of':
      return { message: `must be a multiple of ${issue.divisor}, got ${preview(value)}` };
    default:
      return { message: issue.message };
  }
}

function describeUnion(
  issue: z.core.$ZodIssueInvalidUnion,
  value: unknown,
): { message: string; hint?: string } {
  const noMatch = issue as { note?: string; options?: unknown[] };
  if (noMatch.note === 'No matching discriminator') {
    const options = (noMatch.options ?? []).filter((o) => o !== undefined && o !== null).map(String);
    const hint = typeof value === 'string' ? didYouMean(value, options) : undefined;
    return {
      message: `unknown type ${preview(value)}; expected one of ${options.join(', ')}`,
      ...(hint === undefined ? {} : { hint }),
    };
  }
  const expected = new Set<string>();
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first?.code === 'invalid_type' && first.path.length === 0) expected.add(first.expected);
    else if (first?.code === 'invalid_value' && first.path.length === 0)
      expected.add(first.values.join(' | '));
  }
  if (expected.size === 0) return { message: `does not match any allowed form, got ${preview(value)}` };
  return { message: `expected ${[...expected].join(' or ')}, got ${got(value)}` };
}

function tooSmall(issue: z.core.$ZodIssueTooSmall, value: unknown): string {
  const bound = issue.inclusive === false ? `greater than ${issue.minimum}` : `at least ${issue.minimum}`;
  if (issue.origin === 'array') return `needs at least ${issue.minimum} item(s)`;
  if (issue.origin === 'string')
    return Number(issue.minimum) <= 1 ? 'must not be empty' : `needs at least ${issue.minimum} characters`;
  return `must be ${bound}, got ${preview(value)}`;
}

function tooBig(issue: z.core.$ZodIssueTooBig): string {
  const bound = issue.inclusive === false ? `less than ${issue.maximum}` : `at most ${issue.maximum}`;
  if (issue.origin === 'array') return `allows at most ${issue.maximum} item(s)`;
  if (issue.origin === 'string') return `allows at most ${issue.maximum} characters`;
  return `must be ${bound}`;
}

function article(expected: string): string {
  if (expected === 'int') return 'an integer';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** JSON-ish kind of a value, as YAML users think of it. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return `a ${typeof value}`;
}

function got(value: unknown): string {
  return `${kindOf(value)} ${preview(value)}`.trim();
}

/** A short quoted excerpt of a value for messages (secrets never reach here: they fail earlier). */
function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value !== null && typeof value === 'object') return '';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
