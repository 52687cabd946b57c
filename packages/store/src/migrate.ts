import { FlakestormError } from '@flakestorm/core';
import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { migrations } from './migrations.js';
import type { StoreDatabase } from './schema.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; runs on every start (a no-op when current). */
export async function migrateToLatest(db: Kysely<StoreDatabase>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'flakestorm_migrations',
    migrationLockTableName: 'flakestorm_migration_lock',
    // With a non-default PostgreSQL search_path the migrator must be told where its own tables live.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new FlakestormError('FLAKESTORM_STORE_FAILED', `Database migration ${failed} failed.`, {
      cause: error,
      hint: 'The store may have been written by a newer Flakestorm; upgrade, or point --db at another database.',
    });
  }
}
