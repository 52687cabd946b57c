import * as z from 'zod';
import { invariantSchema } from './invariant-schema.js';

const probability = z.number().min(0).max(1);
const afterCalls = z.int().min(0).describe('Calls that succeed before the fault starts.');

/** A fault on the agent's tool calls (Python Flakestorm's tool_faults). */
export const toolFaultSchema = z.strictObject({
  tool: z.string().min(1).optional().describe('Tool name or "*" (default "*").'),
  mode: z.enum(['timeout', 'error', 'malformed', 'slow', 'malicious_response']),
  match_url: z.string().optional(),
  delay_ms: z.int().min(0).optional(),
  error_code: z.int().min(100).max(599).optional(),
  message: z.string().optional(),
  probability: probability.optional(),
  after_calls: afterCalls.optional(),
  payload: z.string().optional(),
});

/** A fault on the agent's LLM calls (Python Flakestorm's llm_faults). */
export const llmFaultSchema = z.strictObject({
  mode: z.enum(['timeout', 'truncated_response', 'rate_limit', 'empty', 'garbage', 'response_drift']),
  max_tokens: z.int().min(0).optional(),
  delay_ms: z.int().min(0).optional(),
  probability: probability.optional(),
  after_calls: afterCalls.optional(),
  drift_type: z
    .enum(['json_field_rename', 'verbosity_shift', 'format_change', 'refusal_rephrase', 'tone_shift'])
    .optional(),
  severity: z.string().optional(),
  direction: z.string().optional(),
  factor: z.number().optional(),
});

const contextAttackTypes = [
  'overflow',
  'conflicting_context',
  'injection_via_context',
  'indirect_injection',
  'memory_poisoning',
] as const;

const contextAttackFields = {
  enabled: z.boolean().optional(),
  inject_tokens: z.int().min(0).optional(),
  payloads: z.array(z.string()).optional(),
  trigger_probability: probability.optional(),
  inject_at: z.union([z.string(), z.int()]).optional(),
  payload: z.string().optional(),
  strategy: z.enum(['prepend', 'append', 'replace']).optional(),
};

/** Context attacks: a list of `{type, ...}` or, as in the built-in profiles, a map keyed by type. */
export const contextAttacksSchema = z.union([
  z.array(z.strictObject({ type: z.enum(contextAttackTypes), ...contextAttackFields })),
  z.partialRecord(z.enum(contextAttackTypes), z.strictObject(contextAttackFields)),
]);

const faultSet = {
  tool_faults: z.array(toolFaultSchema).optional(),
  llm_faults: z.array(llmFaultSchema).optional(),
  context_attacks: contextAttacksSchema.optional(),
};

/** Environment chaos applied during a run. */
export const chaosSchema = z.strictObject(faultSet);

/** A behavioural contract: invariants checked under each cell of a chaos matrix. */
export const contractSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  invariants: z.array(invariantSchema).min(1).optional(),
  chaos_matrix: z.array(z.strictObject({ name: z.string().min(1), ...faultSet })).optional(),
});

const replaySessionSchema = z.strictObject({
  id: z.string().min(1).optional(),
  name: z.string().optional(),
  source: z.string().optional(),
  captured_at: z.string().optional(),
  input: z.string().optional(),
  context: z.json().optional(),
  tool_responses: z
    .array(
      z.strictObject({
        tool: z.string().min(1),
        response: z.json().optional(),
        status: z.int().optional(),
        latency_ms: z.number().min(0).optional(),
      }),
    )
    .optional(),
  expected_failure: z.boolean().optional(),
  contract: z.string().optional(),
  file: z.string().optional().describe('A recorded session file, relative to the config file.'),
});

const replaySourceSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('langsmith'),
    project: z.string().min(1),
    filter: z
      .strictObject({
        status: z.string().optional(),
        date_range: z.json().optional(),
        min_latency_ms: z.number().min(0).optional(),
      })
      .optional(),
  }),
  z.strictObject({ type: z.literal('langsmith_run'), run_id: z.string().min(1) }),
]);

/** Recorded sessions replayed as regression tests. */
export const replaysSchema = z.strictObject({
  sessions: z.array(replaySessionSchema).optional(),
  sources: z.array(replaySourceSchema).optional(),
});

/** Python Flakestorm's default phase weights of the overall score. */
export const defaultScoringWeights = { mutation: 0.2, chaos: 0.35, contract: 0.35, replay: 0.1 } as const;

/** Weights of each phase in the overall score; with the defaults filled in they must sum to 1. */
export const scoringSchema = z
  .strictObject({
    mutation: probability.optional(),
    chaos: probability.optional(),
    contract: probability.optional(),
    replay: probability.optional(),
  })
  .superRefine((weights, context) => {
    const sum = (Object.keys(defaultScoringWeights) as Array<keyof typeof defaultScoringWeights>).reduce(
      (total, phase) => total + (weights[phase] ?? defaultScoringWeights[phase]),
      0,
    );
    if (Math.abs(sum - 1) > 1e-6) {
      context.addIssue({
        code: 'custom',
        message: `scoring weights must sum to 1 (they sum to ${Number(sum.toFixed(6))}, counting defaults mutation 0.2, chaos 0.35, contract 0.35, replay 0.1 for phases not given)`,
      });
    }
  });
