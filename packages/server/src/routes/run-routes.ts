import { createRunId, FLAKESTORM_VERSION, maskUrl, type RunMeta, type RunPlan } from '@flakestorm/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../api-schemas/common-schemas.js';
import {
  cancelRunAnswerSchema,
  resultPageSchema,
  runDetailSchema,
  runPageSchema,
  startRunAnswerSchema,
} from '../api-schemas/run-schemas.js';
import { loadApiConfig } from '../config-policy.js';
import { notFound } from '../http-errors.js';
import type { ServerDeps } from '../server-deps.js';

const runStatus = z.enum(['queued', 'running', 'completed', 'interrupted', 'cancelled', 'failed']);

const startBody = z
  .object({
    agentId: z.string().optional(),
    configYaml: z.string().min(1).max(1_000_000).optional(),
    project: z.string().trim().min(1).max(100).default('default'),
  })
  .refine((b) => (b.agentId === undefined) !== (b.configYaml === undefined), {
    message: 'Send either agentId (a stored agent) or configYaml (an inline config), not both.',
  });

// Stored and listed as is: credentials in the URL (user:pass@, ?api_key=) are masked like the runner does.
function describeTarget(plan: RunPlan): string {
  const t = plan.target;
  switch (t.kind) {
    case 'http':
      return `${t.method} ${maskUrl(t.url)}`;
    case 'openai':
      return `openai ${maskUrl(t.baseUrl)} (${t.model})`;
    case 'module':
      return `module ${t.path}#${t.exportName}`;
    case 'command':
      return `command ${t.command}`;
  }
}

/** The header a queued run shows until a worker starts it and writes the real one. */
function queuedMeta(runId: string, plan: RunPlan): RunMeta {
  return {
    runId,
    status: 'queued',
    startedAt: new Date().toISOString(),
    tool: { name: 'flakestorm', version: FLAKESTORM_VERSION },
    configHash: '',
    configSource: plan.source,
    agent: { kind: plan.target.kind, description: describeTarget(plan) },
    seed: plan.settings.seed,
    mutationTypes: plan.mutations.map((m) => m.type),
    invariants: plan.invariants.map(({ id, type, severity }) => ({ id, type, severity })),
    warnings: plan.warnings,
  };
}

/** Start, cancel, list and read runs and their results. */
export function registerRunRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/runs',
    {
      schema: {
        tags: ['runs'],
        summary: 'Start a run (queued, executed by a worker)',
        body: startBody,
        response: { 202: startRunAnswerSchema, ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const workspace = request.principal?.workspace ?? 'default';
      const { agentId, project } = request.body;
      let configYaml = request.body.configYaml;
      if (agentId) {
        const agent = await deps.store.getAgent(agentId, workspace);
        if (!agent) return notFound(reply, `Agent ${agentId}`);
        configYaml = agent.configYaml;
      }
      const { plan } = loadApiConfig(configYaml ?? '', agentId ? `agent ${agentId}` : 'inline config', deps);
      // An unbounded queue would let one client exhaust memory and starve everyone else's runs.
      const limit = deps.maxQueuedRuns ?? 100;
      if (deps.queue.size() >= limit) {
        return reply
          .code(429)
          .header('retry-after', '30')
          .send({
            error: {
              code: 'FLAKESTORM_QUEUE_FULL',
              message: `${limit} runs are already queued or running; try again later.`,
              hint: 'Cancel runs you no longer need, or start the server with a larger --max-queued-runs.',
            },
          });
      }
      const runId = createRunId();
      await deps.store.queueRun(queuedMeta(runId, plan), {
        workspace,
        project,
        origin: 'server',
        ...(agentId ? { agentId } : {}),
      });
      await deps.queue.enqueue({
        runId,
        configYaml: configYaml ?? '',
        baseDir: deps.baseDir,
        workspace,
        project,
        ...(agentId ? { agentId } : {}),
      });
      return reply.code(202).send({ runId, status: 'queued' });
    },
  );

  api.post(
    '/runs/:id/cancel',
    {
      schema: {
        tags: ['runs'],
        summary: 'Cancel a queued or running run',
        params: z.object({ id: z.string() }),
        response: { 202: cancelRunAnswerSchema, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const run = await deps.store.getRun(request.params.id, request.principal?.workspace);
      if (!run) return notFound(reply, `Run ${request.params.id}`);
      if (run.status !== 'queued' && run.status !== 'running') {
        return reply.code(409).send({
          error: {
            code: 'FLAKESTORM_RUN_FINISHED',
            message: `Run ${run.id} has already ended (${run.status}).`,
          },
        });
      }
      const wasQueued = run.status === 'queued' && deps.queue.cancel(run.id);
      if (!wasQueued) deps.queue.cancel(run.id);
      if (wasQueued) await deps.store.setRunStatus(run.id, 'cancelled');
      return reply.code(202).send({ runId: run.id, status: wasQueued ? 'cancelled' : 'cancelling' });
    },
  );

  api.get(
    '/runs',
    {
      schema: {
        tags: ['runs'],
        summary: 'List runs, newest first, with filters and cursor pagination',
        querystring: z.object({
          projectId: z.string().optional(),
          agentId: z.string().optional(),
          status: runStatus.optional(),
          search: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          cursor: z.string().max(500).optional(),
        }),
        response: { 200: runPageSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { projectId, agentId, status, search, limit, cursor } = request.query;
      return deps.store.listRuns({
        ...(request.principal ? { workspace: request.principal.workspace } : {}),
        ...(projectId ? { projectId } : {}),
        ...(agentId ? { agentId } : {}),
        ...(status ? { status } : {}),
        ...(search ? { search } : {}),
        ...(cursor ? { cursor } : {}),
        limit,
      });
    },
  );

  api.get(
    '/runs/:id',
    {
      schema: {
        tags: ['runs'],
        summary: 'One run with its summary',
        params: z.object({ id: z.string() }),
        response: { 200: runDetailSchema, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const run = await deps.store.getRun(request.params.id, request.principal?.workspace);
      return run ?? notFound(reply, `Run ${request.params.id}`);
    },
  );

  api.get(
    '/runs/:id/results',
    {
      schema: {
        tags: ['runs'],
        summary: "A run's results in case order, with filters and cursor pagination",
        params: z.object({ id: z.string() }),
        querystring: z.object({
          passed: z.enum(['true', 'false']).optional(),
          mutationType: z.string().max(100).optional(),
          invariant: z.string().max(100).optional(),
          cause: z.string().max(50).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          cursor: z.string().max(20).optional(),
        }),
        // Documented only: a JSON string with a JSON content type skips the serializer (see below).
        response: { 200: resultPageSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const workspace = request.principal?.workspace;
      const run = await deps.store.getRun(request.params.id, workspace);
      if (!run) return notFound(reply, `Run ${request.params.id}`);
      const q = request.query;
      const page = await deps.store.listResultsJson(run.id, {
        ...(workspace ? { workspace } : {}),
        ...(q.passed ? { passed: q.passed === 'true' } : {}),
        ...(q.mutationType ? { mutationType: q.mutationType } : {}),
        ...(q.invariant ? { failedInvariant: q.invariant } : {}),
        ...(q.cause ? { errorCause: q.cause } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
        limit: q.limit,
      });
      // Stored results are already JSON: splice them in rather than parse and re-encode each one. Fastify
      // sends a string with a JSON content type as is, so the response schema is not re-checked here.
      const json = `{"items":[${page.items.join(',')}],"nextCursor":${JSON.stringify(page.nextCursor)}}`;
      return reply
        .type('application/json; charset=utf-8')
        .send(json as unknown as z.input<typeof resultPageSchema>);
    },
  );

  api.delete(
    '/runs/:id',
    {
      schema: {
        tags: ['runs'],
        summary: 'Delete a finished run',
        params: z.object({ id: z.string() }),
        response: { 204: z.null().describe('Deleted.'), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const run = await deps.store.getRun(request.params.id, request.principal?.workspace);
      if (!run) return notFound(reply, `Run ${request.params.id}`);
      if (run.status === 'queued' || run.status === 'running') {
        return reply
          .code(409)
          .send({ error: { code: 'FLAKESTORM_RUN_ACTIVE', message: 'Cancel the run before deleting it.' } });
      }
      await deps.store.deleteRun(run.id, request.principal?.workspace);
      return reply.code(204).send(null);
    },
  );
}
