import type { Kysely } from 'kysely';
import { newId, nowIso } from './ids.js';
import type { StoreDatabase } from './schema.js';

/** A project as listed by the store. */
export interface ProjectRecord {
  id: string;
  workspaceId: string;
  name: string;
  createdAt: string;
}

/** An agent and its config. */
export interface AgentRecord {
  id: string;
  workspaceId: string;
  projectId: string;
  name: string;
  configYaml: string;
  createdAt: string;
  updatedAt: string;
}

/** Returns the workspace's id, creating it on first use (idempotent under concurrent callers). */
export async function ensureWorkspace(db: Kysely<StoreDatabase>, name: string): Promise<string> {
  const found = await db.selectFrom('workspaces').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  const id = name === 'default' ? 'ws_default' : newId('ws');
  await db
    .insertInto('workspaces')
    .values({ id, name, created_at: nowIso() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}

/** Returns the project's id within a workspace, creating it on first use. */
export async function ensureProject(
  db: Kysely<StoreDatabase>,
  workspaceId: string,
  name: string,
): Promise<string> {
  const existing = await db
    .selectFrom('projects')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (existing) return existing.id;
  await db
    .insertInto('projects')
    .values({ id: newId('prj'), workspace_id: workspaceId, name, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
    .execute();
  const created = await db
    .selectFrom('projects')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return created.id;
}

/** Lists a workspace's projects by name. */
export async function listProjects(db: Kysely<StoreDatabase>, workspaceId: string): Promise<ProjectRecord[]> {
  const rows = await db
    .selectFrom('projects')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, workspaceId: r.workspace_id, name: r.name, createdAt: r.created_at }));
}

function toAgent(r: StoreDatabase['agents']): AgentRecord {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    projectId: r.project_id,
    name: r.name,
    configYaml: r.config_yaml,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Creates or replaces an agent's config by (project, name). The caller validates the config first. */
export async function upsertAgent(
  db: Kysely<StoreDatabase>,
  input: { workspaceId: string; projectId: string; name: string; configYaml: string },
): Promise<AgentRecord> {
  const now = nowIso();
  await db
    .insertInto('agents')
    .values({
      id: newId('agt'),
      workspace_id: input.workspaceId,
      project_id: input.projectId,
      name: input.name,
      config_yaml: input.configYaml,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['project_id', 'name']).doUpdateSet({ config_yaml: input.configYaml, updated_at: now }),
    )
    .execute();
  const row = await db
    .selectFrom('agents')
    .selectAll()
    .where('project_id', '=', input.projectId)
    .where('name', '=', input.name)
    .executeTakeFirstOrThrow();
  return toAgent(row);
}

/** Lists the agents of a project (or of the whole workspace). */
export async function listAgents(
  db: Kysely<StoreDatabase>,
  workspaceId: string,
  projectId?: string,
): Promise<AgentRecord[]> {
  let query = db.selectFrom('agents').selectAll().where('workspace_id', '=', workspaceId);
  if (projectId) query = query.where('project_id', '=', projectId);
  return (await query.orderBy('name').execute()).map(toAgent);
}

/** One agent by id, scoped to its workspace. */
export async function getAgent(
  db: Kysely<StoreDatabase>,
  workspaceId: string,
  id: string,
): Promise<AgentRecord | undefined> {
  const row = await db
    .selectFrom('agents')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toAgent(row) : undefined;
}
