import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { FLAKESTORM_VERSION } from '@flakestorm/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { apiComponents } from './api-schemas/api-components.js';
import { createAuthorizer } from './auth/authorize.js';
import { handleError } from './http-errors.js';
import { registerAgentRoutes } from './routes/agent-routes.js';
import { registerEventRoutes } from './routes/event-routes.js';
import { registerExportRoutes } from './routes/export-routes.js';
import { registerHealthRoutes } from './routes/health-routes.js';
import { registerInsightRoutes } from './routes/insight-routes.js';
import { registerProjectRoutes } from './routes/project-routes.js';
import { registerRunRoutes } from './routes/run-routes.js';
import type { ServerDeps } from './server-deps.js';

/** Options of the HTTP app (not of listening: see startServer). */
export interface AppOptions {
  /** Hash of FLAKESTORM_ADMIN_TOKEN, accepted besides stored tokens. */
  envTokenHash?: string;
  /** Built dashboard assets served at `/`. */
  webDir?: string;
  logger?: boolean;
}

/** Builds the Fastify app: /healthz, /readyz, the dashboard at /, and the authenticated /api. */
export async function createApp(deps: ServerDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info', redact: ['req.headers.authorization'] } : false,
    bodyLimit: 2 * 1024 * 1024,
    // Behind a proxy the operator sets this; off by default so X-Forwarded-For cannot spoof clients.
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Flakestorm API',
        version: FLAKESTORM_VERSION,
        description: 'Runs, results, trends, comparison, exports and pattern scanning.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: apiComponents,
  });
  registerHealthRoutes(app, deps);

  const authorize = createAuthorizer(deps.store, options.envTokenHash);
  await app.register(
    async (api) => {
      api.addHook('onRequest', authorize);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      registerProjectRoutes(api, deps);
      registerAgentRoutes(api, deps);
      registerRunRoutes(api, deps);
      registerEventRoutes(api, deps);
      registerExportRoutes(api, deps);
      registerInsightRoutes(api, deps);
    },
    { prefix: '/api' },
  );

  if (options.webDir && existsSync(options.webDir)) {
    await app.register(fastifyStatic, { root: options.webDir, prefix: '/', wildcard: false });
    // Client-side routes (e.g. /runs/ID) get the app shell.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.code(404).send({
        error: { code: 'FLAKESTORM_NOT_FOUND', message: `No route ${request.method} ${request.url}.` },
      });
    });
  }
  return app;
}
