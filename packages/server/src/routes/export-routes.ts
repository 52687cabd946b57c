import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { renderReport } from '@flakestorm/reporters';
import { storedReportInput } from '@flakestorm/store';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../api-schemas/common-schemas.js';
import { notFound } from '../http-errors.js';
import type { ServerDeps } from '../server-deps.js';

const contentTypes = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  junit: 'application/xml; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
} as const;

const extensions = { json: 'json', csv: 'csv', junit: 'xml', md: 'md', html: 'html', pdf: 'pdf' } as const;

/** Exports of a finished run in any report format, streamed from the store (PII and secrets redacted by default). */
export function registerExportRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/runs/:id/export',
    {
      schema: {
        tags: ['runs'],
        summary: 'Export a run as json, csv, junit, md, html or pdf',
        params: z.object({ id: z.string() }),
        querystring: z.object({
          format: z.enum(['json', 'csv', 'junit', 'md', 'html', 'pdf']).default('json'),
          redact: z.enum(['true', 'false']).default('true'),
        }),
        response: {
          200: z.string().describe('The report file (streamed; content type per format, as an attachment).'),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const input = await storedReportInput(deps.store, request.params.id, request.principal?.workspace);
      if (!input) return notFound(reply, `Finished run ${request.params.id}`);
      const { format, redact } = request.query;
      const body = new PassThrough();
      const rendering = renderReport(
        format === 'md' ? 'markdown' : format,
        input,
        { write: (chunk) => (body.write(chunk) ? undefined : once(body, 'drain').then(() => undefined)) },
        { redact: redact === 'true' },
      );
      // Render first for PDF (a failure must become an error answer, not a truncated file).
      if (format === 'pdf') await rendering;
      else
        rendering.then(
          () => body.end(),
          (error: unknown) => body.destroy(error as Error),
        );
      if (format === 'pdf') body.end();
      return (
        reply
          .header('content-type', contentTypes[format])
          .header(
            'content-disposition',
            `attachment; filename="flakestorm-${input.meta.runId}.${extensions[format]}"`,
          )
          // A stream skips the serializer; the string schema above only documents the answer.
          .send(body as unknown as string)
      );
    },
  );
}
