import type { JsonObject, JsonValue } from '../json.js';

/**
 * Reads a parameter by its snake_case name (Python Flakestorm's spelling) or its camelCase twin, so
 * that both `max_ms` and `maxMs` work whichever way the config layer passes params through.
 */
export function param(params: JsonObject, name: string): JsonValue | undefined {
  if (name in params) return params[name];
  const camel = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return camel in params ? params[camel] : undefined;
}

/** A string parameter, or undefined when absent or of another type. */
export function stringParam(params: JsonObject, name: string): string | undefined {
  const value = param(params, name);
  return typeof value === 'string' ? value : undefined;
}

/** A finite number parameter, or undefined when absent or of another type. */
export function numberParam(params: JsonObject, name: string): number | undefined {
  const value = param(params, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A boolean parameter, or `fallback` when absent or of another type. */
export function booleanParam(params: JsonObject, name: string, fallback: boolean): boolean {
  const value = param(params, name);
  return typeof value === 'boolean' ? value : fallback;
}

/** A list of strings (a single string counts as a list of one), or undefined when absent or mistyped. */
export function stringListParam(params: JsonObject, name: string): string[] | undefined {
  const value = param(params, name);
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

/** Collects problems while validating params, with a compact vocabulary of checks. */
export class ParamProblems {
  readonly problems: string[] = [];

  constructor(private readonly params: JsonObject) {}

  /** A required non-empty string. */
  requireString(name: string): void {
    const value = param(this.params, name);
    if (value === undefined) this.problems.push(`"${name}" is required (a non-empty string).`);
    else if (typeof value !== 'string' || value === '')
      this.problems.push(`"${name}" must be a non-empty string.`);
  }

  /** An optional string. */
  optionalString(name: string, allowed?: readonly string[]): void {
    const value = param(this.params, name);
    if (value === undefined) return;
    if (typeof value !== 'string') this.problems.push(`"${name}" must be a string.`);
    else if (allowed && !allowed.includes(value)) {
      this.problems.push(`"${name}" must be one of ${allowed.join(', ')} (got "${value}").`);
    }
  }

  /** A required or optional number within bounds. */
  number(name: string, options: { required?: boolean; min?: number; max?: number; integer?: boolean }): void {
    const value = param(this.params, name);
    if (value === undefined) {
      if (options.required) this.problems.push(`"${name}" is required (a number).`);
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.problems.push(`"${name}" must be a number (got ${JSON.stringify(value)}).`);
      return;
    }
    if (options.integer && !Number.isInteger(value)) this.problems.push(`"${name}" must be a whole number.`);
    if (options.min !== undefined && value < options.min)
      this.problems.push(`"${name}" must be at least ${options.min}.`);
    if (options.max !== undefined && value > options.max)
      this.problems.push(`"${name}" must be at most ${options.max}.`);
  }

  /** An optional boolean. */
  optionalBoolean(name: string): void {
    const value = param(this.params, name);
    if (value !== undefined && typeof value !== 'boolean')
      this.problems.push(`"${name}" must be true or false.`);
  }

  /** A list of strings (or one string); required lists must not be empty. */
  stringList(name: string, options: { required?: boolean; allowed?: readonly string[] }): void {
    const value = param(this.params, name);
    if (value === undefined) {
      if (options.required) this.problems.push(`"${name}" is required (a list of strings).`);
      return;
    }
    const list = stringListParam(this.params, name);
    if (!list) this.problems.push(`"${name}" must be a list of strings.`);
    else if (options.required && list.length === 0) this.problems.push(`"${name}" must not be empty.`);
    else if (options.allowed) {
      const unknown = list.filter((v) => !options.allowed?.includes(v));
      if (unknown.length > 0) {
        this.problems.push(
          `"${name}" has unknown value(s) ${unknown.join(', ')}; known: ${options.allowed.join(', ')}.`,
        );
      }
    }
  }

  /** Adds a free-form problem. */
  add(problem: string): void {
    this.problems.push(problem);
  }
}
