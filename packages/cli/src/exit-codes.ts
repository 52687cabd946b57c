/** Process exit codes of the `flakestorm` command (documented in the README). */
export const ExitCode = {
  passed: 0,
  belowMinScore: 1,
  usage: 2,
  targetUnreachable: 3,
  internal: 4,
  interrupted: 130,
} as const;

/** One of the documented exit codes. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Maps a FlakestormError code to the exit code. Only the CLI does this: the engine never exits.
 * Codes are matched as strings so that this module loads without importing the engine (fast start).
 */
export function exitCodeForErrorCode(code: string): ExitCodeValue {
  switch (code) {
    case 'FLAKESTORM_USAGE':
    case 'FLAKESTORM_CONFIG_NOT_FOUND':
    case 'FLAKESTORM_CONFIG_INVALID':
    case 'FLAKESTORM_CONFIG_UNSUPPORTED':
    case 'FLAKESTORM_MUTATOR_UNKNOWN':
    case 'FLAKESTORM_INVARIANT_UNKNOWN':
    case 'FLAKESTORM_PLUGIN_INVALID':
    case 'FLAKESTORM_REPORT_INVALID':
      return ExitCode.usage;
    case 'FLAKESTORM_TARGET_UNREACHABLE':
    case 'FLAKESTORM_GENERATOR_UNREACHABLE':
      return ExitCode.targetUnreachable;
    case 'FLAKESTORM_INTERRUPTED':
      return ExitCode.interrupted;
    default:
      return ExitCode.internal;
  }
}
