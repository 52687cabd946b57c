import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
  api.get('/projects', { schema: { tags: ['projects'], summary: 'List projects' } }, async (request) => ({
    items: await deps.store.listProjects(request.principal?.workspace),
  }));
  api.post(
    '/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'Create a project (idempotent by name)',
        body: z.object({ name: projectName }),
      },
    },
    async (request, reply) => {
      const workspace = request.principal?.workspace;
      const id = await deps.store.projectId(workspace, request.body.name);
      const project = (await deps.store.listProjects(workspace)).find((p) => p.id === id);
      return reply.code(201).send(project);
    },
  );
}
