import type { JsonValue } from '../json.js';
import type { ChatMessage } from '../message.js';

/** One upstream response the agent received while the session was recorded, served back on replay. */
export interface RecordedExchange {
  /** The proxy route prefix the call went through, e.g. "/llm" or "/tools/orders". */
  route: string;
  /** HTTP method, or "*" for any (Python `tool_responses` do not say). */
  method: string;
  /** Path and query after the route prefix, e.g. "/v1/chat/completions"; "*" for any. */
  path: string;
  status: number;
  /** Response headers worth replaying (content type, retry-after); never request headers or secrets. */
  headers: Record<string, string>;
  /** Response body as text, or base64 when `encoding` says so. */
  body: string;
  encoding?: 'base64';
  /** Time from request to the complete response, as recorded (served again on replay, scaled by speed). */
  latencyMs?: number;
  /** For a streamed body (SSE, NDJSON): when each event arrived, in ms after the request. */
  streamMs?: number[];
}

/** A recorded session: the input the agent got and what its upstreams answered (replayed offline). */
export interface ReplaySession {
  id: string;
  name?: string;
  /** Where it came from: "flakestorm record", "report", "langsmith", "otel", or the Python tool's value. */
  source?: string;
  capturedAt?: string;
  /** The user's message (last turn). */
  input: string;
  /** The whole conversation when there were earlier turns. */
  messages?: ChatMessage[];
  context?: JsonValue;
  /** What the agent answered when the session was recorded, for comparison on replay. */
  response?: string;
  exchanges: RecordedExchange[];
  /** Python Flakestorm's field: the session is a known failure (reported as such, still scored). */
  expectedFailure?: boolean;
  /** The contract whose invariants judge this session (default: the config's invariants). */
  contract?: string;
  /** Where it was read from, for messages. */
  file?: string;
}
