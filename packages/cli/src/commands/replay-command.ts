import type { Command } from 'commander';
import type { ExitSink } from '../program.js';

/** Options of `flakestorm replay run`. */
export interface ReplayRunCliOptions {
  config: string;
  json?: string;
  outDir?: string;
  quiet: boolean;
  /** Recorded upstream latency is divided by this (default 1; 0 = no delay). */
  speed?: number;
}

/** Parses --speed: a number of 0 or more (1 = recorded latency, 2 = twice as fast, 0 = no delay). */
export function replaySpeed(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw Object.assign(
      new Error(
        `--speed must be a number of 0 or more (1 = recorded latency, 2 = twice as fast, 0 = no delay), got "${value}".`,
      ),
      { code: 'FLAKESTORM_USAGE', issues: [] },
    );
  }
  return n;
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Registers `flakestorm replay record|run|export|import` (implementations load lazily). */
export function registerReplayCommand(program: Command, setExit: ExitSink): void {
  const replay = program
    .command('replay')
    .description('record sessions through the proxy and replay them offline as regression tests')
    .addHelpText(
      'after',
      examples(
        'flakestorm replay record -i "Where is my order ORD-7?" --id incident-42',
        'flakestorm replay run sessions/incident-42.yaml --speed 0',
        'flakestorm replay import --langsmith run-export.json -c flakestorm.yaml',
      ),
    );
  replay
    .command('run')
    .description("replay session files (or the config's replays.sessions) with recorded upstream answers")
    .argument('[paths...]', 'session files (YAML or JSON)')
    .option('-c, --config <path>', 'config file', 'flakestorm.yaml')
    .option('--json <path>', 'write the replay report (JSON) here')
    .option('--out-dir <dir>', 'folder for the report (default: output.path of the config)')
    .option('-q, --quiet', 'print only the score line', false)
    .option(
      '--speed <n>',
      'serve recorded upstream latency divided by N (1 = as recorded, 0 = no delay)',
      replaySpeed,
    )
    .addHelpText(
      'after',
      examples(
        'flakestorm replay run sessions/incident-42.yaml',
        'flakestorm replay run -c flakestorm.yaml --json replay.json',
        'flakestorm replay run sessions/*.yaml --speed 0      # recorded answers, no recorded delays',
        'flakestorm replay run sessions/slow.yaml --speed 4   # latency and streams 4x faster',
      ),
    )
    .action(async (paths: string[], options: ReplayRunCliOptions) => {
      const { replayRunCommand } = await import('./replay.js');
      setExit(await replayRunCommand(paths, options));
    });
  replay
    .command('record')
    .description(
      'send one input through the proxy (chaos.port, chaos.routes) and save what the upstreams answered',
    )
    .requiredOption('-i, --input <text>', 'the user message to send')
    .option('-c, --config <path>', 'config file', 'flakestorm.yaml')
    .option('--id <id>', 'session id')
    .option('--name <name>', 'session name')
    .option('-o, --output <path>', 'session file to write (default: sessions/<id>.yaml)')
    .addHelpText(
      'after',
      examples(
        'flakestorm replay record -i "Where is my order ORD-7?"',
        'flakestorm replay record -c flakestorm.yaml -i "Cancel ORD-9" --id cancel-9 -o sessions/cancel-9.yaml',
      ),
    )
    .action(
      async (options: { input: string; config: string; id?: string; name?: string; output?: string }) => {
        const { replayRecordCommand } = await import('./replay.js');
        setExit(await replayRecordCommand(options));
      },
    );
  replay
    .command('export')
    .description("write a run report's failing cases (the mutated requests) as session files")
    .requiredOption('--from-report <path>', 'JSON report of a run')
    .option('-o, --out-dir <dir>', 'folder for the session files', 'sessions')
    .option('--force', 'overwrite session files that already exist', false)
    .addHelpText(
      'after',
      examples(
        'flakestorm replay export --from-report reports/flakestorm-run.json',
        'flakestorm replay export --from-report report.json -o sessions/failures',
      ),
    )
    .action(async (options: { fromReport: string; outDir: string; force: boolean }) => {
      const { replayExportCommand } = await import('./replay.js');
      setExit(await replayExportCommand(options));
    });
  replay
    .command('import')
    .description('turn a LangSmith run export or OpenTelemetry GenAI spans (local files) into session files')
    .option('--langsmith <path>', 'LangSmith run export (JSON or JSON lines)')
    .option('--otel <path>', 'OTLP/JSON span file with gen_ai.* attributes')
    .option('-c, --config <path>', 'config whose chaos.routes name the tool routes')
    .option('-o, --out-dir <dir>', 'folder for the session files', 'sessions')
    .option('--force', 'overwrite session files that already exist', false)
    .addHelpText(
      'after',
      examples(
        'flakestorm replay import --langsmith run-export.json -c flakestorm.yaml',
        'flakestorm replay import --otel spans.json -o sessions/otel',
      ),
    )
    .action(
      async (options: {
        langsmith?: string;
        otel?: string;
        config?: string;
        outDir: string;
        force: boolean;
      }) => {
        const { replayImportCommand } = await import('./replay.js');
        setExit(await replayImportCommand(options));
      },
    );
}
