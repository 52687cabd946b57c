import { scan } from '@flakestorm/patterns';
import { compareRuns } from '@flakestorm/reporters';
import { storedReportInput } from '@flakestorm/store';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../api-schemas/common-schemas.js';
import { runComparisonSchema, scanResultSchema, trendsSchema } from '../api-schemas/insight-schemas.js';
import { notFound } from '../http-errors.js';
import type { ServerDeps } from '../server-deps.js';

/** Trends, comparison of two runs, and pattern scanning. */
export function registerInsightRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/trends',
    {
      schema: {
        tags: ['insights'],
        summary: 'Score over time per project or agent, with per-type and per-invariant rates',
        querystring: z.object({
          projectId: z.string().optional(),
          agentId: z.string().optional(),
          agent: z.string().max(500).optional(),
          since: z.string().datetime().optional(),
          limit: z.coerce.number().int().min(1).max(2000).default(200),
        }),
        response: { 200: trendsSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const q = request.query;
      return {
        points: await deps.store.trends({
          ...(request.principal ? { workspace: request.principal.workspace } : {}),
          ...(q.projectId ? { projectId: q.projectId } : {}),
          ...(q.agentId ? { agentId: q.agentId } : {}),
          ...(q.agent ? { agentDescription: q.agent } : {}),
          ...(q.since ? { since: q.since } : {}),
          limit: q.limit,
        }),
      };
    },
  );

  api.get(
    '/compare',
    {
      schema: {
        tags: ['insights'],
        summary: 'Compare two runs: score deltas, newly failing and passing cases, latency change',
        querystring: z.object({
          base: z.string(),
          head: z.string(),
          tolerance: z.coerce.number().min(0).max(1).default(0.02),
        }),
        response: { 200: runComparisonSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const workspace = request.principal?.workspace;
      const base = await storedReportInput(deps.store, request.query.base, workspace);
      if (!base) return notFound(reply, `Run ${request.query.base}`);
      const head = await storedReportInput(deps.store, request.query.head, workspace);
      if (!head) return notFound(reply, `Run ${request.query.head}`);
      return compareRuns(base, head, { tolerance: request.query.tolerance });
    },
  );

  api.post(
    '/scan',
    {
      schema: {
        tags: ['patterns'],
        summary: 'Scan text for prompt injection, PII and secrets',
        body: z.object({
          text: z.string().max(1_000_000),
          // An empty list would scan for nothing and call every text clean.
          kinds: z
            .array(z.enum(['injection', 'pii', 'secret']))
            .min(1)
            .optional(),
        }),
        response: { 200: scanResultSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const result = scan(request.body.text, request.body.kinds ? { kinds: request.body.kinds } : {});
      return { injection: result.injection, findings: [...result.findings] };
    },
  );
}
