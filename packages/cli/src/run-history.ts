import type { RunRecorderFactory } from '@flakestorm/core';
import type { RunOptions as CliRunOptions } from './program.js';

/** The open history store of a CLI run, if any. */
export interface RunHistory {
  recorder: RunRecorderFactory;
  location: string;
  close(): Promise<void>;
}

/**
 * Opens the run history unless `--no-store`. A store named with `--db` (or FLAKESTORM_DATABASE_URL)
 * must open, or the run stops before it starts; the default local file is best effort: when it
 * cannot be opened the run goes on without history and says so.
 */
export async function openRunHistory(
  options: Pick<CliRunOptions, 'store' | 'db'>,
  warn: (message: string) => void,
): Promise<RunHistory | undefined> {
  if (!options.store) return undefined;
  const { createStore } = await import('@flakestorm/store');
  const explicit = options.db ?? process.env.FLAKESTORM_DATABASE_URL;
  try {
    const store = await createStore(explicit ? { url: explicit } : {});
    return {
      recorder: (meta, total) => store.startRun(meta, total, { origin: 'cli' }),
      location: store.location,
      close: () => store.close(),
    };
  } catch (error) {
    if (explicit) throw error;
    warn(`run history is off: ${(error as Error).message} (pass --no-store to silence this)`);
    return undefined;
  }
}
