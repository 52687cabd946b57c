import type { Kysely } from 'kysely';
import { newId, nowIso } from './ids.js';
import type { StoreDatabase } from './schema.js';

/** A stored API token (its hash, never the token). */
export interface ApiTokenRecord {
  id: string;
  workspaceId: string;
  name: string;
  role: string;
  createdAt: string;
}

/** Stores a token's hash. */
export async function insertApiToken(
  db: Kysely<StoreDatabase>,
  input: { workspaceId: string; name: string; role: string; tokenHash: string },
): Promise<ApiTokenRecord> {
  const record = {
    id: newId('tok'),
    workspaceId: input.workspaceId,
    name: input.name,
    role: input.role,
    createdAt: nowIso(),
  };
  await db
    .insertInto('api_tokens')
    .values({
      id: record.id,
      workspace_id: record.workspaceId,
      name: record.name,
      role: record.role,
      token_hash: input.tokenHash,
      created_at: record.createdAt,
      last_used_at: null,
    })
    .execute();
  return record;
}

/** Finds the token with this hash. */
export async function findApiToken(
  db: Kysely<StoreDatabase>,
  tokenHash: string,
): Promise<ApiTokenRecord | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row
    ? { id: row.id, workspaceId: row.workspace_id, name: row.name, role: row.role, createdAt: row.created_at }
    : undefined;
}

/** How many tokens have a role (e.g. whether an admin token exists yet). */
export async function countApiTokens(db: Kysely<StoreDatabase>, role: string): Promise<number> {
  const row = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
