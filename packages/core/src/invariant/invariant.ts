import type { JsonObject } from '../json.js';
import type { Observation } from '../run/observation.js';
import type { Severity } from '../severity.js';
import type { InvariantContext } from './invariant-context.js';

/** The outcome of one invariant on one observation: data, never an exception. */
export interface Verdict {
  passed: boolean;
  /** A sentence a person can read: what was expected and what was seen. */
  reason: string;
  details?: JsonObject;
}

/** When an invariant applies. Python Flakestorm's `when` values plus mutation-type filters. */
export interface InvariantCondition {
  /** always | tool_faults_active | llm_faults_active | any_chaos_active | no_chaos */
  chaos: 'always' | 'tool_faults_active' | 'llm_faults_active' | 'any_chaos_active' | 'no_chaos';
  /** Only these mutation types (undefined: all). */
  mutationTypes?: string[];
  /** Not these mutation types. */
  exceptMutationTypes?: string[];
}

/** An invariant as configured: its type, shared fields and type-specific parameters. */
export interface InvariantSpec {
  type: string;
  /** Stable id (defaults to type plus index) used in per-invariant breakdowns. */
  id: string;
  severity: Severity;
  negate: boolean;
  when: InvariantCondition;
  description?: string;
  /** Contract probes replacing the golden prompts for this invariant. */
  probes?: string[];
  params: JsonObject;
}

/** A ready-to-run check created from a spec. */
export type InvariantCheck = (observation: Observation) => Verdict | Promise<Verdict>;

/** An invariant type: validates its params and creates checks. */
export interface InvariantType {
  readonly type: string;
  readonly description: string;
  /** Example params for catalogues and `init`. */
  readonly example: JsonObject;
  /**
   * Whether checks also run on observations whose call failed (`observation.error`). When not set,
   * the evaluator reports "no answer" instead of running a content check on an empty response.
   */
  readonly acceptsErrors?: boolean;
  /** Validates params; returns human-readable problems (empty when fine). */
  validate(params: JsonObject): string[];
  create(spec: InvariantSpec, context?: InvariantContext): InvariantCheck;
  /**
   * Asynchronous creation for types that read files or warm up a back-end; the evaluator prefers it
   * to `create`, so that failures surface once, at config time, instead of on every case.
   */
  load?(spec: InvariantSpec, context: InvariantContext): Promise<InvariantCheck>;
  /** Whether the invariant means anything for this observation; false omits it from the case's checks. */
  applies?(spec: InvariantSpec, observation: Observation, context: InvariantContext): boolean;
}

/** Author-facing factory for an invariant type (identity, for type inference). */
export function defineInvariant(invariant: InvariantType): InvariantType {
  return invariant;
}
