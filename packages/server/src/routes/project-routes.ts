import { FlakestormError } from '@flakestorm/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../api-schemas/common-schemas.js';
import { projectListSchema, projectSchema } from '../api-schemas/scope-schemas.js';
import type { ServerDeps } from '../server-deps.js';

const projectName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w.-]+$/, 'letters, digits, "_", "." and "-" only');

/** Projects of the caller's workspace. */
export function registerProjectRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'List projects',
        response: { 200: projectListSchema, ...errorResponses() },
      },
    },
    async (request) => ({
      items: await deps.store.listProjects(request.principal?.workspace),
    }),
  );
  api.post(
    '/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'Create a project (idempotent by name)',
        body: z.object({ name: projectName }),
        response: { 201: projectSchema, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const workspace = request.principal?.workspace;
      const id = await deps.store.projectId(workspace, request.body.name);
      const project = (await deps.store.listProjects(workspace)).find((p) => p.id === id);
      if (!project) {
        throw new FlakestormError('FLAKESTORM_STORE_FAILED', `Project ${request.body.name} was not saved.`, {
          hint: 'Check the database is writable, then retry.',
        });
      }
      return reply.code(201).send(project);
    },
  );
}
