import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../api-schemas/common-schemas.js';
import { notFound } from '../http-errors.js';
import type { LiveRunEvent } from '../runs/run-event-hub.js';
import type { ServerDeps } from '../server-deps.js';

const terminal = new Set(['completed', 'interrupted', 'cancelled', 'failed']);

/** Live run progress as server-sent events; ends when the run does. */
export function registerEventRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/runs/:id/events',
    {
      schema: {
        tags: ['runs'],
        summary: 'Live progress (text/event-stream): progress, status and warning events',
        params: z.object({ id: z.string() }),
        response: {
          200: z
            .string()
            .describe('text/event-stream: `event:` is the type and `data:` the JSON of a LiveRunEvent.'),
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      const run = await deps.store.getRun(request.params.id, request.principal?.workspace);
      if (!run) return notFound(reply, `Run ${request.params.id}`);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (event: LiveRunEvent) =>
        res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      let closed = false;
      const finish = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(keepAlive);
        res.end();
      };
      const unsubscribe = deps.hub.subscribe(run.id, (event) => {
        send(event);
        if (event.type === 'status' && terminal.has(event.status)) finish();
      });
      // Comments keep proxies from closing an idle stream.
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      request.raw.on('close', finish);
      // A client that left before the listener existed would otherwise keep its subscription until the run ends.
      if (request.raw.destroyed || res.destroyed) finish();
      const snapshot = deps.hub.snapshot(run.id);
      if (snapshot.length > 0) for (const e of snapshot) send(e);
      else
        send({
          type: 'progress',
          runId: run.id,
          completed: run.completed,
          total: run.totalCases,
          passed: run.passed,
          failed: run.failed,
        });
      // The run may have ended between reading it and subscribing: the hub then knows before the store.
      if (snapshot.some((e) => e.type === 'status' && terminal.has(e.status))) finish();
      else if (terminal.has(run.status)) {
        send({
          type: 'status',
          runId: run.id,
          status: run.status,
          ...(run.robustness !== null ? { robustness: run.robustness } : {}),
        });
        finish();
      }
    },
  );
}
