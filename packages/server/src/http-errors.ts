import { type FlakestormErrorCode, isFlakestormError } from '@flakestorm/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

// The only place FlakestormError codes become HTTP statuses.
const statusByCode: Partial<Record<FlakestormErrorCode, number>> = {
  FLAKESTORM_USAGE: 400,
  FLAKESTORM_CONFIG_INVALID: 400,
  FLAKESTORM_CONFIG_UNSUPPORTED: 400,
  FLAKESTORM_CONFIG_NOT_FOUND: 404,
  FLAKESTORM_MUTATOR_UNKNOWN: 400,
  FLAKESTORM_INVARIANT_UNKNOWN: 400,
  FLAKESTORM_REPORT_INVALID: 400,
  FLAKESTORM_TARGET_UNREACHABLE: 502,
  FLAKESTORM_CHROMIUM_MISSING: 501,
  FLAKESTORM_STORE_FAILED: 503,
};

/** The JSON error body every route answers with. */
export interface ApiErrorBody {
  error: { code: string; message: string; hint?: string; issues?: unknown[] };
}

/** Sends a not-found answer in the API's error shape. */
export function notFound(reply: FastifyReply, what: string): FastifyReply {
  return reply
    .code(404)
    .send({ error: { code: 'FLAKESTORM_NOT_FOUND', message: `${what} not found.` } } satisfies ApiErrorBody);
}

/** Maps failures to answers: never a stack trace, always a code and a message that says what to do. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(error)) {
    void reply.code(400).send({
      error: {
        code: 'FLAKESTORM_REQUEST_INVALID',
        message: 'The request does not match the API schema.',
        issues: error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
      },
    } satisfies ApiErrorBody);
    return;
  }
  if (isFlakestormError(error)) {
    void reply.code(statusByCode[error.code] ?? 500).send({
      error: {
        code: error.code,
        message: error.message,
        ...(error.hint ? { hint: error.hint } : {}),
        ...(error.issues.length ? { issues: [...error.issues] } : {}),
      },
    } satisfies ApiErrorBody);
    return;
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  void reply.code(status).send({
    error: {
      code: status >= 500 ? 'FLAKESTORM_INTERNAL' : 'FLAKESTORM_REQUEST_INVALID',
      message: status >= 500 ? 'Internal error; see the server log.' : error.message,
    },
  } satisfies ApiErrorBody);
}
