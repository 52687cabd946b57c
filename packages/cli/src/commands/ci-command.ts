import type { Command } from 'commander';
import type { ExitSink } from '../program.js';

/** Options of `flakestorm ci`. */
export interface CiCliOptions {
  config: string;
  minScore?: number;
  outDir?: string;
  json?: string;
  quiet: boolean;
}

/** Registers `flakestorm ci` (the implementation loads lazily). */
export function registerCiCommand(program: Command, setExit: ExitSink): void {
  program
    .command('ci')
    .description(
      'run every phase the config defines (mutation, chaos, contract, replay) and score them together',
    )
    .option('-c, --config <path>', 'config file', 'flakestorm.yaml')
    .option('--min-score <score>', 'exit 1 when the overall score is below this (0..1)', (value: string) => {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
        throw Object.assign(
          new Error(`--min-score must be a number from 0 to 1 (e.g. 0.8), got "${value}".`),
          {
            code: 'FLAKESTORM_USAGE',
            issues: [],
          },
        );
      }
      return n;
    })
    .option('--out-dir <dir>', 'folder for every report (default: output.path of the config)')
    .option('--json <path>', 'write the CI summary (phase scores, weights, report paths) here')
    .option('-q, --quiet', 'print only the overall score line', false)
    .addHelpText('after', '\nExamples:\n  $ flakestorm ci -c flakestorm.yaml --min-score 0.8\n')
    .action(async (options: CiCliOptions) => {
      const { ciCommand } = await import('./ci.js');
      setExit(await ciCommand(options));
    });
}
