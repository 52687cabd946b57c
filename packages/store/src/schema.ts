/**
 * The tables. Every row belongs to a workspace and a project from the start, so teams, roles and
 * distributed workers can be added without a data migration. Timestamps are ISO-8601 UTC text (sorts
 * correctly in both databases); booleans are 0/1 integers; documents are JSON text.
 */
export interface WorkspaceTable {
  id: string;
  name: string;
  created_at: string;
}

/** A project groups the runs of one agent or service. */
export interface ProjectTable {
  id: string;
  workspace_id: string;
  name: string;
  created_at: string;
}

/** An agent and its config (validated with the same schema as the CLI). */
export interface AgentTable {
  id: string;
  workspace_id: string;
  project_id: string;
  name: string;
  config_yaml: string;
  created_at: string;
  updated_at: string;
}

/** One run: its header, its summary once finished, and a heartbeat that tells live runs from dead ones. */
export interface RunTable {
  id: string;
  workspace_id: string;
  project_id: string;
  agent_id: string | null;
  status: string;
  origin: string;
  started_at: string;
  finished_at: string | null;
  heartbeat_at: string;
  config_hash: string;
  agent_kind: string;
  agent_description: string;
  seed: number;
  total_cases: number;
  completed: number;
  passed: number;
  failed: number;
  errored: number;
  robustness: number | null;
  meta_json: string;
  summary_json: string | null;
}

/** One case result; the full result is JSON, the columns are what lists and filters need. */
export interface ResultTable {
  run_id: string;
  idx: number;
  workspace_id: string;
  project_id: string;
  case_id: string;
  golden_index: number;
  mutation_type: string;
  passed: number;
  latency_ms: number;
  error_cause: string | null;
  failed_checks: string;
  result_json: string;
}

/** An API token: only its SHA-256 hash is kept. */
export interface ApiTokenTable {
  id: string;
  workspace_id: string;
  name: string;
  role: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}

/** The whole database, for Kysely's typing. */
export interface StoreDatabase {
  workspaces: WorkspaceTable;
  projects: ProjectTable;
  agents: AgentTable;
  runs: RunTable;
  results: ResultTable;
  api_tokens: ApiTokenTable;
}
