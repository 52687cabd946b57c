import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

// Column types chosen to mean the same in SQLite and PostgreSQL ("double precision" has REAL affinity in SQLite).
const init: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('workspaces')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('projects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('projects_workspace_name', ['workspace_id', 'name'])
      .execute();
    await db.schema
      .createTable('agents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('config_yaml', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('agents_project_name', ['project_id', 'name'])
      .execute();
    await db.schema
      .createTable('runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
      .addColumn('agent_id', 'text', (c) => c.references('agents.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('heartbeat_at', 'text', (c) => c.notNull())
      .addColumn('config_hash', 'text', (c) => c.notNull())
      .addColumn('agent_kind', 'text', (c) => c.notNull())
      .addColumn('agent_description', 'text', (c) => c.notNull())
      .addColumn('seed', 'integer', (c) => c.notNull())
      .addColumn('total_cases', 'integer', (c) => c.notNull())
      .addColumn('completed', 'integer', (c) => c.notNull())
      .addColumn('passed', 'integer', (c) => c.notNull())
      .addColumn('failed', 'integer', (c) => c.notNull())
      .addColumn('errored', 'integer', (c) => c.notNull())
      .addColumn('robustness', 'double precision')
      .addColumn('meta_json', 'text', (c) => c.notNull())
      .addColumn('summary_json', 'text')
      .execute();
    await db.schema
      .createIndex('runs_project_started')
      .on('runs')
      .columns(['workspace_id', 'project_id', 'started_at'])
      .execute();
    await db.schema.createIndex('runs_status').on('runs').columns(['status', 'heartbeat_at']).execute();
    await db.schema
      .createTable('results')
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('idx', 'integer', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('golden_index', 'integer', (c) => c.notNull())
      .addColumn('mutation_type', 'text', (c) => c.notNull())
      .addColumn('passed', 'integer', (c) => c.notNull())
      .addColumn('latency_ms', 'double precision', (c) => c.notNull())
      .addColumn('error_cause', 'text')
      .addColumn('failed_checks', 'text', (c) => c.notNull())
      .addColumn('result_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('results_pk', ['run_id', 'idx'])
      .execute();
    await db.schema
      .createIndex('results_run_type')
      .on('results')
      .columns(['run_id', 'mutation_type'])
      .execute();
    await db.schema
      .createIndex('results_run_passed')
      .on('results')
      .columns(['run_id', 'passed', 'idx'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['results', 'runs', 'agents', 'projects', 'workspaces']) {
      await sql`drop table if exists ${sql.table(table)}`.execute(db);
    }
  },
};

// API tokens: only a SHA-256 hash is stored, never the token. Roles arrive with teams; "admin" for now.
const apiTokens: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('api_tokens').ifExists().execute();
  },
};

// The run list without a project filter (the dashboard's default) pages newest first per workspace: this
// index serves its ORDER BY and keyset cursor, so a page reads ~limit rows instead of sorting every run.
const runsByWorkspace: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('runs_workspace_started')
      .on('runs')
      .columns(['workspace_id', 'started_at', 'id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('runs_workspace_started').ifExists().execute();
  },
};

/** The one migration set both databases run, in order, on start. */
export const migrations: Record<string, Migration> = {
  '0001_init': init,
  '0002_api_tokens': apiTokens,
  '0003_runs_by_workspace': runsByWorkspace,
};
