import type { Command } from 'commander';
import type { ExitSink } from '../program.js';

function usage(message: string): Error {
  return Object.assign(new Error(message), { code: 'FLAKESTORM_USAGE', issues: [] });
}
const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const ratio = (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw usage(`--tolerance must be a number from 0 to 1, got "${value}".`);
  return n;
};
const port = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw usage(`--port must be an integer from 0 to 65535, got "${value}".`);
  return n;
};
const positiveInt = (name: string, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw usage(`${name} must be an integer from 1 to ${max}, got "${value}".`);
  return n;
};
const positive = positiveInt('--limit', 500);
const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
const dbHelp =
  'store: a SQLite file or postgres:// URL (default FLAKESTORM_DATABASE_URL, else ./.flakestorm/flakestorm.db)';

/** Registers report, compare, certificate, serve and runs (implementations load lazily). */
export function registerPlatformCommands(program: Command, setExit: ExitSink): void {
  program
    .command('report')
    .description('re-render a JSON report in other formats (html, json, junit, md, csv, pdf)')
    .argument('<run.json>', 'a report written by `flakestorm run --json`')
    .option('--format <list>', 'formats, comma-separated', list, ['html'])
    .option('--out-dir <dir>', 'folder for the reports', 'flakestorm-reports')
    .option('--no-redact', 'keep PII and secrets in responses (redacted by default)')
    .addHelpText(
      'after',
      examples(
        'flakestorm report run.json --format html,md',
        'flakestorm report run.json --format pdf --out-dir out',
      ),
    )
    .action(async (path: string, options: { format: string[]; outDir: string; redact: boolean }) => {
      const { reportCommand } = await import('./report-commands.js');
      setExit(await reportCommand(path, options));
    });

  program
    .command('compare')
    .description('compare two runs; exit 1 when HEAD is less robust than BASE beyond the tolerance')
    .argument('<base.json>', 'the baseline run (e.g. from main)')
    .argument('<head.json>', 'the run to judge (e.g. from the pull request)')
    .option('--tolerance <ratio>', 'allowed drop in robustness', ratio, 0.02)
    .option('--format <fmt>', 'md, html or json', 'md')
    .option('--out <file>', 'write to a file instead of stdout')
    .addHelpText(
      'after',
      examples(
        'flakestorm compare main.json pr.json',
        'flakestorm compare main.json pr.json --format html --out compare.html --tolerance 0.05',
      ),
    )
    .action(
      async (base: string, head: string, options: { tolerance: number; format: string; out?: string }) => {
        if (!['md', 'markdown', 'html', 'json'].includes(options.format))
          throw usage(`--format must be md, html or json, got "${options.format}".`);
        const { compareCommand } = await import('./report-commands.js');
        setExit(await compareCommand(base, head, options));
      },
    );

  const certificate = program
    .command('certificate')
    .description('write a signed resilience certificate (Ed25519) for a run, or verify one offline')
    .argument('[run.json]', 'the run to certify')
    .option('--key <private.pem>', 'Ed25519 private key (see `certificate keygen`)')
    .option('--out <file>', 'certificate file', 'flakestorm-certificate.json')
    .option('--html <file>', 'also write a printable HTML rendering')
    .addHelpText(
      'after',
      examples(
        'flakestorm certificate keygen --out-dir keys',
        'flakestorm certificate run.json --key keys/flakestorm-signing.key --html certificate.html',
        'flakestorm certificate verify flakestorm-certificate.json --public-key keys/flakestorm-signing.pub',
      ),
    )
    .action(async (path: string | undefined, options: { key?: string; out: string; html?: string }) => {
      if (!path) throw usage('Name the run to certify: flakestorm certificate RUN.json --key KEY.');
      if (!options.key) throw usage('--key is required: the Ed25519 private key that signs the certificate.');
      const { certificateCommand } = await import('./report-commands.js');
      setExit(
        await certificateCommand(path, {
          key: options.key,
          out: options.out,
          ...(options.html ? { html: options.html } : {}),
        }),
      );
    });
  certificate
    .command('verify')
    .description('check a certificate offline; exit 1 on any tampering')
    .argument('<certificate.json>')
    .option('--public-key <public.pem>', 'also require this signer (pins the key)')
    .addHelpText('after', examples('flakestorm certificate verify flakestorm-certificate.json'))
    .action(async (path: string, options: { publicKey?: string }) => {
      const { verifyCertificateCommand } = await import('./report-commands.js');
      setExit(await verifyCertificateCommand(path, options));
    });
  certificate
    .command('keygen')
    .description('create an Ed25519 signing key pair')
    .option('--out-dir <dir>', 'folder for the key files', '.')
    .addHelpText('after', examples('flakestorm certificate keygen --out-dir keys'))
    .action(async (options: { outDir: string }) => {
      const { keygenCommand } = await import('./report-commands.js');
      setExit(await keygenCommand(options));
    });

  program
    .command('serve')
    .description('serve the API and dashboard (binds 127.0.0.1 unless told otherwise)')
    .option('--port <n>', 'port', port, 8787)
    .option('--host <host>', 'address to bind; others than loopback need FLAKESTORM_ADMIN_TOKEN', '127.0.0.1')
    .option('--db <url>', dbHelp)
    .option(
      '--allow-code',
      'let configs sent over the API run code here (module/command agents, custom invariants, plugins)',
      false,
    )
    .option(
      '--allow-env <names>',
      'comma-separated environment variables configs sent over the API may read ($NAME references, api_key_env)',
      (value: string, previous: string[]) => [
        ...previous,
        ...value
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean),
      ],
      [] as string[],
    )
    .option(
      '--max-queued-runs <n>',
      'runs waiting or running at once before new ones get 429',
      positiveInt('--max-queued-runs', 10_000),
      100,
    )
    .addHelpText(
      'after',
      examples(
        'flakestorm serve',
        'OPENAI_API_KEY=... flakestorm serve --allow-env OPENAI_API_KEY',
        'FLAKESTORM_ADMIN_TOKEN=$(openssl rand -hex 32) flakestorm serve --host 0.0.0.0 --db postgres://ci@db/flakestorm',
      ),
    )
    .action(
      async (options: {
        port: number;
        host: string;
        db?: string;
        allowCode: boolean;
        allowEnv: string[];
        maxQueuedRuns: number;
      }) => {
        const { serveCommand } = await import('./platform-commands.js');
        setExit(await serveCommand(options));
      },
    );

  const runs = program
    .command('runs')
    .description('list past runs from the store')
    .option('--db <url>', dbHelp)
    .option('--json', 'print JSON')
    .option('--status <status>', 'only runs with this status (completed, interrupted, failed...)')
    .option('--project <name>', 'only runs of this project')
    .option('--limit <n>', 'how many', positive, 20)
    .addHelpText(
      'after',
      examples(
        'flakestorm runs',
        'flakestorm runs --json --status completed',
        'flakestorm runs export 01JD... --format html,csv',
      ),
    )
    .action(
      async (options: { db?: string; json?: boolean; status?: string; project?: string; limit: number }) => {
        const { runsCommand } = await import('./platform-commands.js');
        setExit(await runsCommand({ ...options, json: options.json === true }));
      },
    );
  runs
    .command('export')
    .description('render a stored run in report formats')
    .argument('<run-id>')
    .option('--format <list>', 'formats, comma-separated', list, ['json'])
    .option('--out-dir <dir>', 'folder for the reports', 'flakestorm-reports')
    .option('--no-redact', 'keep PII and secrets in responses')
    .addHelpText('after', examples('flakestorm runs export 01JD... --format html,junit --out-dir out'))
    .action(async (id: string, _options: unknown, command: Command) => {
      // `--db` may be parsed by `runs` or by `export`, depending on where it stands.
      const options = command.optsWithGlobals<{
        db?: string;
        format: string[];
        outDir: string;
        redact: boolean;
      }>();
      const { runsExportCommand } = await import('./platform-commands.js');
      setExit(await runsExportCommand(id, options));
    });
}
