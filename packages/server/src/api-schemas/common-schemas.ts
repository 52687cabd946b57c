import { z } from 'zod';

// Response schemas carry an OpenAPI component id (`.meta({ id })`) so the dashboard's generated types get
// one named type per shape instead of anonymous inline copies.

/** Impact of a failed check. */
export const severitySchema = z.enum(['critical', 'high', 'medium', 'low']).meta({ id: 'Severity' });

/** How a run ended (or that it has not yet). */
export const runStatusSchema = z
  .enum(['queued', 'running', 'completed', 'interrupted', 'cancelled', 'failed'])
  .meta({ id: 'RunStatus' });

/** One problem of a config or a request, located for editors when it comes from a file. */
export const issueSchema = z
  .object({
    message: z.string(),
    path: z.string().optional(),
    location: z.object({ file: z.string().optional(), line: z.number(), column: z.number() }).optional(),
    hint: z.string().optional(),
  })
  .meta({ id: 'ConfigIssue' });

/** The JSON error body every /api route answers with (see http-errors.ts). */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      hint: z.string().optional(),
      issues: z.array(issueSchema).optional(),
    }),
  })
  .meta({ id: 'ApiError' });

/** The error answers of every /api route: 401 always; add 400, 404 or 409 where the route can send them. */
export function errorResponses<const S extends 400 | 404 | 409 | 429>(...statuses: S[]) {
  const out = { 401: apiErrorSchema } as { 401: typeof apiErrorSchema } & Record<S, typeof apiErrorSchema>;
  for (const status of statuses) (out as Record<number, typeof apiErrorSchema>)[status] = apiErrorSchema;
  return out;
}
