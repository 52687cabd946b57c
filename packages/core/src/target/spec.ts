/** How to reach an HTTP agent. */
export interface HttpTargetSpec {
  kind: 'http';
  url: string;
  method: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  /**
   * Request body template. `{{prompt}}` / `{prompt}` and other `{{name}}` placeholders are replaced with
   * values escaped for the template's context (JSON string escaping inside JSON templates).
   * Undefined means `{"prompt": "..."}`.
   */
  bodyTemplate?: string;
  /** `$.a.b[0]`, `a.b`, `results.0`; undefined means auto-detection. */
  responsePath?: string;
  /** Response stream format; "auto" reads SSE/NDJSON when the content type says so. */
  stream: 'auto' | 'none' | 'sse' | 'ndjson';
  /** Statuses counted as answers rather than errors (default 2xx). */
  okStatuses?: number[];
  /** Largest body read before the case fails as too large. */
  maxResponseBytes: number;
  /** Key: Value lines in a prompt become placeholders (Python Flakestorm's parse_structured_input). */
  parseStructuredInput: boolean;
  /** How multi-turn conversations are sent: whole history in a `messages` field, or a session id. */
  session: { mode: 'history' | 'session-id' | 'none'; field?: string; header?: string };
  resetUrl?: string;
}

/** An OpenAI-compatible /v1/chat/completions endpoint. */
export interface OpenAiTargetSpec {
  kind: 'openai';
  baseUrl: string;
  model: string;
  /** Name of the environment variable holding the API key (secrets never sit in config files). */
  apiKeyEnv?: string;
  systemPrompt?: string;
  temperature?: number;
  maxTokens?: number;
  stream: boolean;
  headers: Record<string, string>;
  maxResponseBytes: number;
}

/** An exported JS/TS function called in-process. */
export interface ModuleTargetSpec {
  kind: 'module';
  /** File path (resolved against the config file's folder). */
  path: string;
  /** Export name; default "default". */
  exportName: string;
  resetExport?: string;
}

/** A subprocess speaking JSON lines on stdin/stdout. */
export interface CommandTargetSpec {
  kind: 'command';
  command: string;
  args: string[];
  cwd?: string;
  env: Record<string, string>;
}

/** Any supported target. */
export type TargetSpec = HttpTargetSpec | OpenAiTargetSpec | ModuleTargetSpec | CommandTargetSpec;

/** Options every target shares. */
export interface TargetCommonSpec {
  timeoutMs: number;
}
