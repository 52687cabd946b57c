import { isFlakestormError } from '@flakestorm/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../api-schemas/common-schemas.js';
import { agentListSchema, agentSchema, validationResultSchema } from '../api-schemas/scope-schemas.js';
import { loadApiConfig } from '../config-policy.js';
import { notFound } from '../http-errors.js';
import type { ServerDeps } from '../server-deps.js';

const agentBody = z.object({
  name: z.string().trim().min(1).max(100),
  project: z.string().trim().min(1).max(100).default('default'),
  configYaml: z.string().min(1).max(1_000_000),
});

/** Agents and their configs, validated with the same schema as the CLI before they are stored. */
export function registerAgentRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/config/validate',
    {
      schema: {
        tags: ['agents'],
        summary: 'Validate a config; answers its problems with line and column, for editors',
        body: z.object({ configYaml: z.string().max(1_000_000) }),
        response: { 200: validationResultSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      try {
        const loaded = loadApiConfig(request.body.configYaml, 'flakestorm.yaml', deps);
        return { valid: true, warnings: loaded.plan.warnings, issues: [] };
      } catch (error) {
        // Config problems are the answer here, not a failure of the request.
        if (isFlakestormError(error) && error.issues.length > 0)
          return { valid: false, warnings: [], issues: [...error.issues], message: error.message };
        throw error;
      }
    },
  );

  api.get(
    '/agents',
    {
      schema: {
        tags: ['agents'],
        summary: 'List agents',
        querystring: z.object({ projectId: z.string().optional() }),
        response: { 200: agentListSchema, ...errorResponses(400) },
      },
    },
    async (request) => ({
      items: await deps.store.listAgents(request.principal?.workspace, request.query.projectId),
    }),
  );

  api.get(
    '/agents/:id',
    {
      schema: {
        tags: ['agents'],
        summary: 'One agent with its config',
        params: z.object({ id: z.string() }),
        response: { 200: agentSchema, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const agent = await deps.store.getAgent(request.params.id, request.principal?.workspace);
      return agent ?? notFound(reply, `Agent ${request.params.id}`);
    },
  );

  api.put(
    '/agents',
    {
      schema: {
        tags: ['agents'],
        summary: 'Create or replace an agent by project and name',
        body: agentBody,
        response: { 200: agentSchema, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      // Throws FLAKESTORM_CONFIG_INVALID with line/column issues: answered as 400 by the error handler.
      loadApiConfig(request.body.configYaml, `${request.body.name}.yaml`, deps);
      const agent = await deps.store.upsertAgent({
        ...(request.principal ? { workspace: request.principal.workspace } : {}),
        project: request.body.project,
        name: request.body.name,
        configYaml: request.body.configYaml,
      });
      return reply.code(200).send(agent);
    },
  );
}
