import * as z from 'zod';
import { invariantSchema } from './invariant-schema.js';

const probability = z.number().min(0).max(1);
const afterCalls = z.int().min(0).describe('Calls that succeed before the fault starts.');

/** A fault on the agent's tool calls (Python Flakestorm's tool_faults). */
export const toolFaultSchema = z.strictObject({
  tool: z.string().min(1).optional().describe('Tool name or "*" (default "*").'),
  mode: z.enum([
    'timeout',
    'error',
    'malformed',
    'slow',
    'malicious_response',
    // Flakestorm additions (the chaos proxy's HTTP faults).
    'hang',
    'rate_limit',
    'reset',
    'truncated_body',
    'wrong_content_type',
  ]),
  match_url: z.string().optional(),
  route: z.string().min(1).optional().describe('A key of `chaos.routes` this fault is limited to.'),
  method: z.string().min(1).optional(),
  for_calls: z.int().min(1).optional().describe('Calls faulted at most, then the fault stops.'),
  retry_after_s: z.int().min(0).optional(),
  content_type: z.string().optional(),
  delay_ms: z.int().min(0).optional(),
  error_code: z.int().min(100).max(599).optional(),
  message: z.string().optional(),
  probability: probability.optional(),
  after_calls: afterCalls.optional(),
  payload: z.string().optional(),
});

/** A fault on the agent's LLM calls (Python Flakestorm's llm_faults). */
export const llmFaultSchema = z.strictObject({
  mode: z.enum([
    'timeout',
    'truncated_response',
    'rate_limit',
    'empty',
    'garbage',
    'response_drift',
    // Flakestorm additions (the chaos proxy's LLM wire faults).
    'slow_first_token',
    'stream_cut',
    'finish_length',
    'tool_args_corrupted',
    'error',
    'reset',
  ]),
  route: z.string().min(1).optional().describe('A key of `chaos.routes` this fault is limited to.'),
  match_url: z.string().optional(),
  for_calls: z.int().min(1).optional().describe('Calls faulted at most, then the fault stops.'),
  after_chunks: z.int().min(0).optional().describe('stream_cut: content chunks sent before the cut.'),
  error_code: z.int().min(100).max(599).optional(),
  retry_after_s: z.int().min(0).optional(),
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

const upstreamUrl = z.url({ protocol: /^https?$/ }).describe('The real upstream base URL.');

/** Environment chaos applied during a run: the proxy's routes, the faults, and an optional profile. */
export const chaosSchema = z
  .strictObject({
    routes: z
      .record(
        z.string().regex(/^\/[^\s]+$/, 'a route is a path prefix such as /llm or /tools/orders'),
        upstreamUrl,
      )
      .optional()
      .describe('Proxy path prefix ("/llm", "/tools/orders") to the real upstream base URL.'),
    profile: z.string().min(1).optional().describe('A built-in chaos profile merged under these faults.'),
    port: z.int().min(0).max(65535).optional().describe('Port of the chaos proxy (default: a free one).'),
    ...faultSet,
  })
  .superRefine((chaos, context) => {
    // A fault aimed at a route or tool that no route serves would never fire: a "route to nowhere".
    const routes = Object.keys(chaos.routes ?? {}).map((key) => key.replace(/\/\*$/, '').replace(/\/+$/, ''));
    if (routes.length === 0) return;
    const check = (
      kind: 'tool_faults' | 'llm_faults',
      index: number,
      fault: { route?: string | undefined; tool?: string | undefined },
    ) => {
      if (
        fault.route !== undefined &&
        !routes.includes(fault.route.replace(/\/\*$/, '').replace(/\/+$/, ''))
      ) {
        context.addIssue({
          code: 'custom',
          path: [kind, index, 'route'],
          message: `route \`${fault.route}\` is not one of chaos.routes (${routes.join(', ')})`,
        });
      }
      if (fault.tool !== undefined && fault.tool !== '*' && !fault.tool.includes('*')) {
        const served = routes.some(
          (route) => route === `/tools/${fault.tool}` || route.endsWith(`/${fault.tool}`),
        );
        if (!served) {
          context.addIssue({
            code: 'custom',
            path: [kind, index, 'tool'],
            message: `no route serves tool \`${fault.tool}\`: add "/tools/${fault.tool}" to chaos.routes`,
          });
        }
      }
    };
    chaos.tool_faults?.forEach((fault, index) => {
      check('tool_faults', index, fault);
    });
    chaos.llm_faults?.forEach((fault, index) => {
      check('llm_faults', index, fault);
    });
  });

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
