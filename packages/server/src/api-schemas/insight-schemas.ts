import { decodedFromKinds } from '@flakestorm/patterns';
import { z } from 'zod';
import { severitySchema } from './common-schemas.js';

/** One point of a trend: a finished run's score, overall and per slice. */
export const trendPointSchema = z
  .object({
    runId: z.string(),
    startedAt: z.string(),
    agentDescription: z.string(),
    robustness: z.number(),
    byType: z.record(z.string(), z.number()),
    byInvariant: z.record(z.string(), z.number()),
  })
  .meta({ id: 'TrendPoint' });

/** GET /api/trends. */
export const trendsSchema = z.object({ points: z.array(trendPointSchema) }).meta({ id: 'Trends' });

/** A before/after number (null when one side has no such slice). */
const deltaShape = { base: z.number().nullable(), head: z.number().nullable(), delta: z.number().nullable() };

/** A before/after number. */
export const deltaSchema = z.object(deltaShape).meta({ id: 'Delta' });

/** One side of a comparison, as a headline. */
const comparedRunSchema = z
  .object({
    runId: z.string(),
    startedAt: z.string(),
    agent: z.string(),
    robustness: z.number(),
    band: z.enum(['excellent', 'good', 'fair', 'poor']),
    total: z.number(),
    passed: z.number(),
  })
  .meta({ id: 'ComparedRun' });

/** A case whose outcome changed between the runs. */
const caseChangeSchema = z
  .object({ id: z.string(), mutationType: z.string(), label: z.string(), reason: z.string() })
  .meta({ id: 'CaseChange' });

/** GET /api/compare: the reporters' RunComparison. */
export const runComparisonSchema = z
  .object({
    base: comparedRunSchema,
    head: comparedRunSchema,
    tolerance: z.number(),
    delta: z.number(),
    regressed: z.boolean(),
    byType: z.array(z.object({ type: z.string(), ...deltaShape })),
    byInvariant: z.array(z.object({ id: z.string(), ...deltaShape })),
    latency: z.object({ p50: deltaSchema, p95: deltaSchema, p99: deltaSchema }),
    newlyFailing: z.array(caseChangeSchema),
    newlyPassing: z.array(caseChangeSchema),
    counts: z.object({
      matched: z.number(),
      newlyFailing: z.number(),
      newlyPassing: z.number(),
      stillFailing: z.number(),
      onlyInBase: z.number(),
      onlyInHead: z.number(),
    }),
  })
  .meta({ id: 'RunComparison' });

/** One match of a pattern scan. */
const findingSchema = z
  .object({
    kind: z.enum(['injection', 'pii', 'secret']),
    id: z.string(),
    category: z.string(),
    severity: severitySchema,
    start: z.number(),
    end: z.number(),
    validated: z.boolean(),
    confidence: z.number(),
    decodedFrom: z.enum(decodedFromKinds).optional(),
  })
  .meta({ id: 'Finding' });

/** POST /api/scan: the patterns' ScanResult. */
export const scanResultSchema = z
  .object({
    injection: z.object({ flagged: z.boolean(), score: z.number() }),
    findings: z.array(findingSchema),
  })
  .meta({ id: 'ScanResult' });
