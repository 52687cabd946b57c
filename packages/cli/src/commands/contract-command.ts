import type { Command } from 'commander';
import type { ExitSink } from '../program.js';

function usage(message: string): Error {
  return Object.assign(new Error(message), { code: 'FLAKESTORM_USAGE', issues: [] });
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Parses a contract score threshold (0..100, as the contract score is). */
export function contractScore(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw usage(`--min-score must be a number from 0 to 100 (a contract score), got "${value}".`);
  }
  return n;
}

/** Registers `flakestorm contract run|validate|score` (implementations load lazily). */
export function registerContractCommand(program: Command, setExit: ExitSink): void {
  const contract = program
    .command('contract')
    .description('behavioural contracts: invariants checked under every cell of a chaos matrix')
    .addHelpText(
      'after',
      examples(
        'flakestorm contract validate -c flakestorm.yaml',
        'flakestorm contract run -c flakestorm.yaml --json contract.json',
        'flakestorm contract score contract.json --min-score 80',
      ),
    );
  contract
    .command('run')
    .description(
      "run the config's contract: each chaos cell once, reset between cells, severity-weighted score",
    )
    .option('-c, --config <path>', 'config file', 'flakestorm.yaml')
    .option('--json <path>', 'write the contract report (JSON) here')
    .option('--out-dir <dir>', 'folder for the report (default: output.path of the config)')
    .option('--min-score <score>', 'also fail below this score (0..100)', contractScore)
    .option('-q, --quiet', 'print only the score line', false)
    .addHelpText(
      'after',
      examples(
        'flakestorm contract run -c flakestorm.yaml --json contract.json',
        'flakestorm contract run --min-score 80 -q',
      ),
    )
    .action(async (options: ContractRunCliOptions) => {
      const { contractRunCommand } = await import('./contract.js');
      setExit(await contractRunCommand(options));
    });
  contract
    .command('validate')
    .description('check the contract and say which cells and invariants it would run')
    .option('-c, --config <path>', 'config file', 'flakestorm.yaml')
    .addHelpText(
      'after',
      examples('flakestorm contract validate', 'flakestorm contract validate -c examples/contract.yaml'),
    )
    .action(async (options: { config: string }) => {
      const { contractValidateCommand } = await import('./contract.js');
      setExit(await contractValidateCommand(options));
    });
  contract
    .command('score')
    .description('score a saved contract report again (exit 1 on a critical failure or below --min-score)')
    .argument('<report>', 'contract report JSON')
    .option('--min-score <score>', 'fail below this score (0..100)', contractScore)
    .addHelpText(
      'after',
      examples(
        'flakestorm contract score reports/flakestorm-contract.json',
        'flakestorm contract score contract.json --min-score 80',
      ),
    )
    .action(async (report: string, options: { minScore?: number }) => {
      const { contractScoreCommand } = await import('./contract.js');
      setExit(await contractScoreCommand(report, options));
    });
}

/** Options of `flakestorm contract run`. */
export interface ContractRunCliOptions {
  config: string;
  json?: string;
  outDir?: string;
  minScore?: number;
  quiet: boolean;
}
