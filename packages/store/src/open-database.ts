import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FlakestormError } from '@flakestorm/core';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { StoreDatabase } from './schema.js';

/** Which database a store talks to. */
export type StoreDialect = 'sqlite' | 'postgres';

/** The default local store, relative to the working folder. */
export const DEFAULT_SQLITE_PATH = './.flakestorm/flakestorm.db';

/** True when a store URL names PostgreSQL rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** A connected Kysely instance and its dialect. */
export interface OpenDatabase {
  db: Kysely<StoreDatabase>;
  dialect: StoreDialect;
  /** Where it is, with any password masked (for messages and logs). */
  location: string;
}

function maskUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}

/**
 * Opens SQLite (a file path, `sqlite:PATH`, or `:memory:`) or PostgreSQL (`postgres://...`).
 * Driver modules are imported lazily so a SQLite user never loads pg and vice versa.
 */
export async function openDatabase(
  url: string,
  options: { searchPath?: string } = {},
): Promise<OpenDatabase> {
  if (isPostgresUrl(url)) {
    const pg = await import('pg');
    const pool = new pg.default.Pool({
      connectionString: url,
      max: 10,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new FlakestormError(
        'FLAKESTORM_STORE_FAILED',
        `Cannot connect to PostgreSQL at ${maskUrl(url)}.`,
        {
          cause: error,
          hint: 'Check that the server runs and the URL (user, password, database) is right, or omit --db to use the local SQLite store.',
        },
      );
    }
    return {
      db: new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
      location: maskUrl(url),
    };
  }
  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  const { default: Database } = await import('better-sqlite3');
  let sqlite: import('better-sqlite3').Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    sqlite = new Database(file);
    // WAL lets a server read while a CLI run writes; NORMAL sync is durable at every commit in WAL mode
    // except on power loss, which is the trade every local tool makes.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    throw new FlakestormError('FLAKESTORM_STORE_FAILED', `Cannot open the SQLite store at ${file}.`, {
      cause: error,
      hint: 'Check that the folder is writable, or pass --no-store to run without history.',
    });
  }
  return {
    db: new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: sqlite }) }),
    dialect: 'sqlite',
    location: file,
  };
}
