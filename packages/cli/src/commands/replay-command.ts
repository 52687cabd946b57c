import type { Command } from 'commander';
import type { ExitSink } from '../program.js';

/** Options of `flakestorm replay run`. */
export interface ReplayRunCliOptions {
  config: string;
  json?: string;
  outDir?: string;
  quiet: boolean;
}

/** Registers `flakestorm replay record|run|export|import` (implementations load lazily). */
export function registerReplayCommand(program: Command, setExit: ExitSink): void {
  const replay = program
    .command('replay')
    .description('record sessions through the proxy and replay them offline as regression tests');
  replay
    .command('run')
    .description("replay session files (or the config's replays.sessions) with recorded upstream answers")
    .argument('[paths...]', 'session files (YAML or JSON)')
    .option('-c, --config <path>', 'config file', 'flakestorm.yaml')
    .option('--json <path>', 'write the replay report (JSON) here')
    .option('--out-dir <dir>', 'folder for the report (default: output.path of the config)')
    .option('-q, --quiet', 'print only the score line', false)
    .addHelpText(
      'after',
      '\nExamples:\n  $ flakestorm replay run sessions/incident-42.yaml\n  $ flakestorm replay run -c flakestorm.yaml\n',
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
    .action(async (options: { fromReport: string; outDir: string }) => {
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
    .action(async (options: { langsmith?: string; otel?: string; config?: string; outDir: string }) => {
      const { replayImportCommand } = await import('./replay.js');
      setExit(await replayImportCommand(options));
    });
}
