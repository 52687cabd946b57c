import { z } from 'zod';
import { runStatusSchema, severitySchema } from './common-schemas.js';

// Mirrors of the engine's and the store's types (core run/*.ts, store run-queries.ts). The serializer strips
// unknown keys, so a field missing here would vanish from answers: api-schemas.test.ts checks real runs
// survive a round trip unchanged.

/** One page of a list; `nextCursor` is null on the last page. */
function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
}

const runRecordShape = {
  id: z.string(),
  workspaceId: z.string(),
  projectId: z.string(),
  agentId: z.string().nullable(),
  status: runStatusSchema,
  origin: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  configHash: z.string(),
  agentKind: z.string(),
  agentDescription: z.string(),
  seed: z.number(),
  totalCases: z.number(),
  completed: z.number(),
  passed: z.number(),
  failed: z.number(),
  errored: z.number(),
  robustness: z.number().nullable(),
};

/** A run as listed: header columns, no results. */
export const runRecordSchema = z.object(runRecordShape).meta({ id: 'RunRecord' });

/** GET /api/runs. */
export const runPageSchema = pageOf(runRecordSchema, 'RunPage');

/** Why a call produced no usable answer, with what the target said. */
export const caseErrorSchema = z
  .object({
    cause: z.enum([
      'timeout',
      'connection',
      'http_status',
      'invalid_response',
      'too_large',
      'aborted',
      'target_error',
    ]),
    message: z.string(),
    status: z.number().optional(),
  })
  .meta({ id: 'CaseError' });

/** The unmutated answer of one golden prompt (settings.baseline). */
const baselineSchema = z
  .object({
    goldenIndex: z.number(),
    response: z.string(),
    latencyMs: z.number(),
    error: caseErrorSchema.nullable(),
  })
  .meta({ id: 'BaselineRecord' });

/** A run's header as the engine wrote it. */
export const runMetaSchema = z
  .object({
    runId: z.string(),
    status: runStatusSchema,
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    tool: z.object({ name: z.literal('flakestorm'), version: z.string() }),
    configHash: z.string(),
    configSource: z.string(),
    agent: z.object({ kind: z.string(), description: z.string() }),
    seed: z.number(),
    mutationTypes: z.array(z.string()),
    invariants: z.array(z.object({ id: z.string(), type: z.string(), severity: z.string() })),
    warnings: z.array(z.string()),
    command: z.string().optional(),
    baselines: z.array(baselineSchema).optional(),
  })
  .meta({ id: 'RunMeta' });

/** Pass counts of one slice of a run. */
const passBreakdownShape = { total: z.number(), passed: z.number(), rate: z.number() };

/** Latency distribution in milliseconds. */
export const latencyStatsSchema = z
  .object({
    count: z.number(),
    mean: z.number(),
    min: z.number(),
    max: z.number(),
    p50: z.number(),
    p95: z.number(),
    p99: z.number(),
    histogram: z.array(z.object({ le: z.number(), count: z.number() })),
  })
  .meta({ id: 'LatencyStats' });

/** The scores of a finished run. */
export const runSummarySchema = z
  .object({
    robustness: z.number(),
    band: z.enum(['excellent', 'good', 'fair', 'poor']),
    total: z.number(),
    passed: z.number(),
    failed: z.number(),
    errored: z.number(),
    weightedPassed: z.number(),
    weightedTotal: z.number(),
    byType: z.record(
      z.string(),
      z.object({ ...passBreakdownShape, weight: z.number(), robustness: z.number() }),
    ),
    byInvariant: z.record(
      z.string(),
      z.object({ ...passBreakdownShape, type: z.string(), severity: severitySchema }),
    ),
    bySeverity: z.record(severitySchema, z.object({ checks: z.number(), failed: z.number() })),
    latency: latencyStatsSchema,
    flaky: z.array(
      z.object({
        id: z.string(),
        mutationType: z.string(),
        passRate: z.number(),
        low: z.number(),
        high: z.number(),
      }),
    ),
    errorsByCause: z.record(z.string(), z.number()),
    durationMs: z.number(),
  })
  .meta({ id: 'RunSummary' });

/** GET /api/runs/:id: one run with its header and (once finished) its summary. */
export const runDetailSchema = z
  .object({ ...runRecordShape, meta: runMetaSchema, summary: runSummarySchema.nullable() })
  .meta({ id: 'RunDetail' });

/** One invariant's verdict on a case. */
export const checkResultSchema = z
  .object({
    type: z.string(),
    id: z.string(),
    passed: z.boolean(),
    reason: z.string(),
    severity: severitySchema,
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'CheckResult' });

/** What was actually sent for a case. */
export const wireRecordSchema = z
  .object({
    method: z.string(),
    url: z.string(),
    headers: z.array(z.tuple([z.string(), z.string()])),
    bodyBytes: z.number(),
    bodyPreview: z.string(),
    protocol: z.string().optional(),
    burst: z.object({ size: z.number(), distinctAnswers: z.number() }).optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'WireRecord' });

/** One upstream call the agent made through the chaos proxy. */
const exchangeSchema = z
  .object({
    route: z.string(),
    method: z.string(),
    url: z.string(),
    status: z.number(),
    latencyMs: z.number(),
    fault: z.string().nullable(),
  })
  .meta({ id: 'Exchange' });

/** The result of one case: what was sent, what came back, and every check. */
export const caseResultSchema = z
  .object({
    id: z.string(),
    index: z.number(),
    goldenIndex: z.number(),
    goldenPrompt: z.string(),
    mutationType: z.string(),
    variantIndex: z.number(),
    label: z.string(),
    weight: z.number(),
    mutated: z.string(),
    messages: z
      .array(z.object({ role: z.enum(['system', 'user', 'assistant', 'tool']), content: z.string() }))
      .optional(),
    response: z.string(),
    status: z.number().optional(),
    latencyMs: z.number(),
    passed: z.boolean(),
    checks: z.array(checkResultSchema),
    error: caseErrorSchema.nullable(),
    sent: wireRecordSchema.optional(),
    wireApplied: z.boolean().optional(),
    exchanges: z.array(exchangeSchema),
    trials: z
      .object({
        count: z.number(),
        passed: z.number(),
        passRate: z.number(),
        low: z.number(),
        high: z.number(),
        flaky: z.boolean(),
        runs: z.array(
          z.object({
            passed: z.boolean(),
            latencyMs: z.number(),
            error: caseErrorSchema.nullable(),
            failedChecks: z.array(z.string()),
          }),
        ),
      })
      .optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'CaseResult' });

/** GET /api/runs/:id/results (sent as pre-serialised JSON: documented, not re-validated). */
export const resultPageSchema = pageOf(caseResultSchema, 'ResultPage');

/** POST /api/runs. */
export const startRunAnswerSchema = z
  .object({ runId: z.string(), status: z.literal('queued') })
  .meta({ id: 'StartRunAnswer' });

/** POST /api/runs/:id/cancel. */
export const cancelRunAnswerSchema = z
  .object({ runId: z.string(), status: z.enum(['cancelled', 'cancelling']) })
  .meta({ id: 'CancelRunAnswer' });

/** An event of GET /api/runs/:id/events (text/event-stream; `event:` is its type, `data:` its JSON). */
export const liveRunEventSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('progress'),
      runId: z.string(),
      completed: z.number(),
      total: z.number(),
      passed: z.number(),
      failed: z.number(),
    }),
    z.object({
      type: z.literal('status'),
      runId: z.string(),
      status: z.string(),
      robustness: z.number().optional(),
    }),
    z.object({ type: z.literal('warning'), runId: z.string(), message: z.string() }),
  ])
  .meta({ id: 'LiveRunEvent' });
