import type { ApiErrorBody, ConfigIssue } from './types.js';

/** An API answer that was not a success: status, stable code, and a message meant for people. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly hint: string | undefined;
  readonly issues: ConfigIssue[];

  constructor(status: number, body: Partial<ApiErrorBody> | undefined, fallback: string) {
    super(body?.error?.message ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.error?.code ?? (status === 0 ? 'NETWORK' : `HTTP_${status}`);
    this.hint = body?.error?.hint;
    this.issues = body?.error?.issues ?? [];
  }
}

/** True for the error a rejected token produces (the app then returns to the login screen). */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
