import type { ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';

/** Shown while something loads. */
export function Loading(props: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {props.label ?? 'Loading…'}
    </div>
  );
}

/** Shown when a list has nothing in it; says what to do next. */
export function Empty(props: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <strong>{props.title}</strong>
      {props.children ? <div>{props.children}</div> : null}
    </div>
  );
}

/** Shown when a request failed: the server's message and hint, and a retry button. */
export function ErrorBox(props: { error: unknown; onRetry?: () => void; title?: string }) {
  const error = props.error;
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof ApiError ? error.hint : undefined;
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <div className="state state-error" role="alert">
      <strong>{props.title ?? 'Something went wrong'}</strong>
      <div>{message}</div>
      {hint ? <div className="muted">{hint}</div> : null}
      {code ? <div className="muted mono">{code}</div> : null}
      {props.onRetry ? (
        <button type="button" onClick={props.onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
