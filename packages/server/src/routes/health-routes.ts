import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../server-deps.js';

/** Liveness (the process answers) and readiness (the store answers), outside /api and its auth. */
export function registerHealthRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const ok = await deps.store.ping();
    return reply.code(ok ? 200 : 503).send({
      status: ok ? 'ready' : 'store unavailable',
      store: deps.store.dialect,
      queued: deps.queue.size(),
    });
  });
}
