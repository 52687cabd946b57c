import { CommanderError } from 'commander';
import { isPrintableError } from './error-shape.js';
import { ExitCode, exitCodeForErrorCode } from './exit-codes.js';
import { buildProgram } from './program.js';
import { createColors, shouldColor } from './terminal/colors.js';
import { dashTextHint } from './terminal/dash-text-hint.js';
import { formatError, formatUnexpected } from './terminal/format-error.js';
import { readVersion } from './version.js';

/** Runs the CLI with the given arguments and returns the exit code (never throws). */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.passed;
  const program = buildProgram(readVersion(), (code) => {
    exitCode = code;
  });
  const debug = process.env.FLAKESTORM_DEBUG === '1';
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with code 0; anything else commander rejects is a usage error (commander
      // has printed it).
      if (error.exitCode === 0) return ExitCode.passed;
      const hint = dashTextHint(error.code, error.message, argv);
      if (hint !== undefined) process.stderr.write(hint);
      return ExitCode.usage;
    }
    const colors = createColors(shouldColor(process.stderr));
    if (isPrintableError(error)) {
      process.stderr.write(formatError(error, colors, debug));
      return exitCodeForErrorCode(error.code);
    }
    process.stderr.write(formatUnexpected(error, colors, debug));
    return ExitCode.internal;
  }
}
