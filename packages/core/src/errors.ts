import type { JsonObject } from './json.js';

/** Stable codes of operational failures. Only the CLI maps them to exit codes; only the server to HTTP. */
export type FlakestormErrorCode =
  | 'FLAKESTORM_USAGE'
  | 'FLAKESTORM_CONFIG_NOT_FOUND'
  | 'FLAKESTORM_CONFIG_INVALID'
  | 'FLAKESTORM_CONFIG_UNSUPPORTED'
  | 'FLAKESTORM_TARGET_UNREACHABLE'
  | 'FLAKESTORM_TARGET_TIMEOUT'
  | 'FLAKESTORM_TARGET_HTTP_STATUS'
  | 'FLAKESTORM_TARGET_INVALID_RESPONSE'
  | 'FLAKESTORM_TARGET_RESPONSE_TOO_LARGE'
  | 'FLAKESTORM_TARGET_FAILED'
  | 'FLAKESTORM_MUTATOR_UNKNOWN'
  | 'FLAKESTORM_INVARIANT_UNKNOWN'
  | 'FLAKESTORM_GENERATOR_UNREACHABLE'
  | 'FLAKESTORM_PLUGIN_INVALID'
  | 'FLAKESTORM_REPORT_INVALID'
  | 'FLAKESTORM_CHROMIUM_MISSING'
  | 'FLAKESTORM_STORE_FAILED'
  | 'FLAKESTORM_PROXY_FAILED'
  | 'FLAKESTORM_INTERRUPTED'
  | 'FLAKESTORM_INTERNAL';

/** Where in a file a problem is: 1-based line and column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** One problem inside a larger failure, e.g. one schema violation among several. */
export interface ErrorIssue {
  message: string;
  path?: string;
  location?: SourceLocation;
  hint?: string;
}

/** Options of a FlakestormError beyond its code and message. */
export interface FlakestormErrorOptions {
  cause?: unknown;
  hint?: string;
  issues?: ErrorIssue[];
  /** Machine-readable facts, e.g. `{ cause: 'timeout', status: 429, retryAfterMs: 2000 }` for target failures. */
  details?: JsonObject;
}

/**
 * The single error class for operational failures (config unreadable, target down, ...).
 * Findings (a failed invariant, a matched pattern) are never errors: they are data in results.
 */
export class FlakestormError extends Error {
  override readonly name = 'FlakestormError';
  readonly code: FlakestormErrorCode;
  readonly hint: string | undefined;
  readonly issues: readonly ErrorIssue[];
  readonly details: JsonObject;

  constructor(code: FlakestormErrorCode, message: string, options: FlakestormErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }
}

/** Narrows an unknown thrown value to a FlakestormError, optionally of one code. */
export function isFlakestormError(value: unknown, code?: FlakestormErrorCode): value is FlakestormError {
  return value instanceof FlakestormError && (code === undefined || value.code === code);
}
