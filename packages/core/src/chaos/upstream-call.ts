/** One call the agent made to an upstream, as the proxy's `serve` and `onRecord` hooks see it. */
export interface UpstreamCall {
  /** Route name, e.g. "llm" or "tools/orders". */
  route: string;
  method: string;
  /** Path and query after the route prefix, e.g. "/chat/completions". */
  path: string;
  /** Request body as text ("" when none). */
  body: string;
  /** The case it was attributed to, when known. */
  caseKey: string | null;
}

/** An upstream's answer: what the proxy records (`onRecord`) or serves instead of forwarding (`serve`). */
export interface UpstreamAnswer {
  status: number;
  /** Response headers, lower-case names (hop-by-hop ones are dropped when served). */
  headers: Record<string, string>;
  /** Response body as text (a stream's whole text for SSE/NDJSON). */
  body: string;
}

/** Flattens undici's header values to one string per name. */
export function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
