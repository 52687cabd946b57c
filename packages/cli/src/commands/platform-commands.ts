import { FlakestormError, type RunStatus } from '@flakestorm/core';
import { startServer } from '@flakestorm/server';
import { createStore, type Store, storedReportInput } from '@flakestorm/store';
import { ExitCode } from '../exit-codes.js';
import { renderRunFiles } from './report-commands.js';

/** `flakestorm serve`: the API and dashboard until SIGINT/SIGTERM, then a graceful shutdown. */
export async function serveCommand(options: {
  port: number;
  host: string;
  db?: string;
  allowCode?: boolean;
  allowEnv?: string[];
  maxQueuedRuns?: number;
}): Promise<number> {
  const { webDir } = await import('@flakestorm/web');
  const server = await startServer({
    port: options.port,
    host: options.host,
    webDir,
    logger: false,
    ...(options.db ? { db: options.db } : {}),
    ...(options.allowCode ? { allowCode: true } : {}),
    ...(options.allowEnv?.length ? { allowEnv: options.allowEnv } : {}),
    ...(options.maxQueuedRuns ? { maxQueuedRuns: options.maxQueuedRuns } : {}),
  });
  // The only time the token is ever shown: only its hash is stored.
  if (server.adminToken) process.stdout.write(`admin token: ${server.adminToken}\n`);
  process.stdout.write(
    `flakestorm server on ${server.url} (store: ${server.store.dialect} ${server.store.location})\n`,
  );
  process.stdout.write('Press Ctrl-C to stop; running runs are marked interrupted.\n');
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stderr.write('flakestorm: shutting down\n');
      void server.close().then(done, done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return ExitCode.passed;
}

async function withStore<T>(db: string | undefined, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await createStore(db ? { url: db } : {});
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const pct = (value: number | null) =>
  value === null ? '   -  ' : `${(value * 100).toFixed(1).padStart(5)}%`;

/** `flakestorm runs`: past runs from the store, newest first. */
export async function runsCommand(options: {
  db?: string;
  json: boolean;
  status?: string;
  limit: number;
  project?: string;
}): Promise<number> {
  return withStore(options.db, async (store) => {
    const projectId = options.project ? await store.projectId(undefined, options.project) : undefined;
    const page = await store.listRuns({
      limit: options.limit,
      ...(options.status ? { status: options.status as RunStatus } : {}),
      ...(projectId ? { projectId } : {}),
    });
    if (store.recoveredRuns > 0) {
      process.stderr.write(
        `note: ${store.recoveredRuns} run(s) whose process died were marked interrupted\n`,
      );
    }
    if (options.json) {
      process.stdout.write(`${JSON.stringify(page.items, null, 2)}\n`);
      return ExitCode.passed;
    }
    if (page.items.length === 0) {
      process.stdout.write(
        `No runs in ${store.location} yet. Run \`flakestorm run\` or \`flakestorm demo\` first.\n`,
      );
      return ExitCode.passed;
    }
    process.stdout.write(
      'RUN ID                      STARTED              STATUS       SCORE   CASES  AGENT\n',
    );
    for (const run of page.items) {
      process.stdout.write(
        `${run.id.padEnd(27)} ${run.startedAt.slice(0, 19).replace('T', ' ')}  ${run.status.padEnd(11)} ${pct(run.robustness)} ${String(run.completed).padStart(6)}  ${run.agentDescription}\n`,
      );
    }
    if (page.nextCursor) process.stdout.write(`(more: --limit ${options.limit * 2})\n`);
    return ExitCode.passed;
  });
}

/** `flakestorm runs export ID`: a stored run rendered in any report format, streamed from the store. */
export async function runsExportCommand(
  id: string,
  options: { db?: string; format: string[]; outDir: string; redact: boolean },
): Promise<number> {
  return withStore(options.db, async (store) => {
    const input = await storedReportInput(store, id);
    if (!input) {
      throw new FlakestormError('FLAKESTORM_USAGE', `No run ${id} in ${store.location}.`, {
        hint: 'List runs with `flakestorm runs` (and the same --db).',
      });
    }
    return renderRunFiles(input, options);
  });
}
