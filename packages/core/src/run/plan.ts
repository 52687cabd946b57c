import type { InvariantSpec } from '../invariant/invariant.js';
import type { JsonObject } from '../json.js';
import type { TargetSpec } from '../target/spec.js';

/** A golden prompt: text that the agent must handle, with optional structured variables. */
export interface GoldenPrompt {
  text: string;
  vars: Record<string, string>;
  /** Optional expected answer (used by similarity when it has no `expected` of its own). */
  expected?: string;
}

/** One mutation type as configured. */
export interface MutationSpec {
  /** Type name, e.g. "noise"; for layered types the layers joined by "+". */
  type: string;
  /** For composed types: the types applied in order (`layer: [base64, prompt_injection]`). */
  layer?: string[];
  count: number;
  weight: number;
  /** How variants are generated: offline rules (default) or an LLM. */
  generator: 'rules' | 'llm';
  options: JsonObject;
}

/** Settings of the runner. */
export interface RunSettings {
  concurrency: number;
  /** Requests per second across the whole run; undefined means unlimited. */
  rateLimit?: number;
  retries: number;
  /** Base delay of the exponential backoff. */
  retryBaseMs: number;
  timeoutMs: number;
  /** Trials per case. */
  repeat: number;
  seed: number;
  /** Whether to call each golden prompt unmutated first (baseline for behavior_unchanged). */
  baseline: boolean;
  /** Fail the run (exit 1) below this robustness. */
  minScore?: number;
}

/** The LLM used to generate mutations (never to judge). */
export interface GeneratorModelSpec {
  provider: 'ollama' | 'openai';
  name: string;
  baseUrl: string;
  apiKeyEnv?: string;
  temperature: number;
}

/** Where and how reports are written. */
export interface OutputSpec {
  formats: string[];
  dir: string;
}

/** Everything a run needs, validated and normalised from a config file (or built in code via the SDK). */
export interface RunPlan {
  /** Config file path, or "inline". */
  source: string;
  /** Folder that relative paths resolve against. */
  baseDir: string;
  target: TargetSpec;
  timeoutMs: number;
  goldenPrompts: GoldenPrompt[];
  mutations: MutationSpec[];
  invariants: InvariantSpec[];
  settings: RunSettings;
  model?: GeneratorModelSpec;
  output: OutputSpec;
  /** A system prompt canary for no_system_prompt_leak, when the config plants one. */
  canary?: string;
  /** Chaos, contract, replay and scoring sections, kept as validated data for the phases that use them. */
  chaos?: JsonObject;
  contract?: JsonObject;
  replays?: JsonObject;
  scoring?: JsonObject;
  /** Plugin module paths from the config (relative to baseDir), loaded by the caller into the registry. */
  plugins?: string[];
  /** Problems that do not stop the run (unknown legacy keys, fields with no effect yet), said once. */
  warnings: string[];
}
