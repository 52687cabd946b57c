import { ApiError } from './api-error.js';

/** Query parameters; undefined and empty values are left out. */
export type Query = Record<string, string | number | boolean | undefined | null>;

/** A small fetch wrapper that sends the token and turns error answers into ApiError. */
export interface ApiClient {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  /** A raw authenticated request (streams, downloads). */
  raw(path: string, init?: RequestInit): Promise<Response>;
}

/** Builds `path?query` with only the parameters that have a value. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Creates a client; `onUnauthorized` runs on any 401 (token revoked or mistyped). */
export function createApiClient(token: string, onUnauthorized: () => void, baseUrl = ''): ApiClient {
  const raw = async (path: string, init: RequestInit = {}) => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      });
    } catch (cause) {
      throw new ApiError(0, undefined, `Cannot reach the server (${(cause as Error).message}).`);
    }
    if (response.status === 401) onUnauthorized();
    return response;
  };
  const json = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await raw(path, init);
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      throw new ApiError(
        response.status,
        body as never,
        `The server answered ${response.status} ${response.statusText}.`,
      );
    }
    return body as T;
  };
  return {
    get: (path, query) => json(withQuery(path, query)),
    post: (path, body) => json(path, { method: 'POST', body: JSON.stringify(body) }),
    put: (path, body) => json(path, { method: 'PUT', body: JSON.stringify(body) }),
    raw,
  };
}
