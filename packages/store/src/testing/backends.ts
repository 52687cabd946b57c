import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createStore, type Store, type StoreOptions } from '../store.js';

/** PostgreSQL used by tests: FLAKESTORM_TEST_PG_URL, else the CI machine's local server. */
export const TEST_PG_URL = process.env.FLAKESTORM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A backend the shared store suite runs against. */
export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** Why it is skipped, or undefined when it runs. */
  skip?: string;
  /** Opens a fresh, isolated store (a new file, or a new PostgreSQL schema). */
  open(extra?: StoreOptions): Promise<Store>;
  /** Reopens the same database (to test recovery on next start). */
  reopen(extra?: StoreOptions): Promise<Store>;
  /** How another process reaches the database opened last. */
  connection(): { url: string; searchPath?: string };
}

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** SQLite always; PostgreSQL when reachable, and required when CI=true (a missing server then fails the suite). */
export async function testBackends(): Promise<TestBackend[]> {
  let lastSqlite = '';
  const sqlite: TestBackend = {
    name: 'sqlite',
    open: (extra = {}) => {
      lastSqlite = join(mkdtempSync(join(tmpdir(), 'fs-store-')), 'flakestorm.db');
      return createStore({ ...extra, url: lastSqlite });
    },
    reopen: (extra = {}) => createStore({ ...extra, url: lastSqlite }),
    connection: () => ({ url: lastSqlite }),
  };
  const reachable = await pgReachable();
  let schema = '';
  const postgres: TestBackend = {
    name: 'postgres',
    ...(reachable || process.env.CI
      ? {}
      : {
          skip: `PostgreSQL is not reachable at ${TEST_PG_URL}; start it or set FLAKESTORM_TEST_PG_URL (CI runs these).`,
        }),
    async open(extra = {}) {
      schema = `fs_test_${randomBytes(5).toString('hex')}`;
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      await client.query(`create schema ${schema}`);
      await client.end();
      return createStore({ ...extra, url: TEST_PG_URL, searchPath: schema });
    },
    reopen: (extra = {}) => createStore({ ...extra, url: TEST_PG_URL, searchPath: schema }),
    connection: () => ({ url: TEST_PG_URL, searchPath: schema }),
  };
  return [sqlite, postgres];
}
