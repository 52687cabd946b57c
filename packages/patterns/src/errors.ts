/** Stable codes of operational pattern failures. */
export type PatternErrorCode =
  | 'FLAKESTORM_PATTERN_INVALID'
  | 'FLAKESTORM_PATTERN_UNSAFE_REGEX'
  | 'FLAKESTORM_PATTERN_DUPLICATE'
  | 'FLAKESTORM_PATTERN_UNKNOWN_VALIDATOR'
  | 'FLAKESTORM_PATTERN_EXAMPLE_FAILED'
  /** A scan or redact call got something other than a string, or options it does not know. */
  | 'FLAKESTORM_PATTERN_SCAN_INVALID';

/** The one error class of this package: an invalid or unsafe pattern database, or an invalid call. */
export class PatternError extends Error {
  override readonly name = 'PatternError';
  readonly code: PatternErrorCode;
  /** The offending pattern id, when one is to blame. */
  readonly patternId: string | undefined;

  constructor(code: PatternErrorCode, message: string, options?: { patternId?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.patternId = options?.patternId;
  }
}

/** True when `value` is a PatternError (also across bundle copies). */
export function isPatternError(value: unknown): value is PatternError {
  return value instanceof Error && value.name === 'PatternError' && 'code' in value;
}
