import type { ChatMessage } from '../message.js';
import type { WireMutation, WireRecord } from './wire.js';

/** One call to the agent under test. */
export interface TargetRequest {
  /** The case this call belongs to (for logs and session keys). */
  caseId: string;
  /** The last user message: the (mutated) prompt. */
  prompt: string;
  /**
   * The whole conversation, last user turn included (single-turn cases hold one user message).
   * Targets that keep history server-side send only the last turn plus `sessionId`.
   */
  messages: ChatMessage[];
  /** Named values for template placeholders other than `prompt` (structured input). */
  vars: Record<string, string>;
  /** A wire-level change for system/network mutation types; only HTTP targets apply it. */
  wire?: WireMutation;
  /** Stable per case and trial, for agents that keep sessions. */
  sessionId: string;
  timeoutMs: number;
  signal: AbortSignal;
}

/** What the agent answered. Errors (timeouts, refused connections, bad status) are thrown as FlakestormError. */
export interface TargetResponse {
  /** The answer as text (extracted by response path or auto-detection). */
  text: string;
  /** The parsed body when it was JSON, else undefined. */
  body?: unknown;
  status?: number;
  latencyMs: number;
  /** Time to first byte, when known (streaming). */
  firstByteMs?: number;
  /** What went on the wire (HTTP targets). */
  sent?: WireRecord;
  /** True when the target applied `wire`; false when it fell back to sending the text only. */
  wireApplied?: boolean;
  /** Oddities that did not fail the call (invalid UTF-8 replaced, a stream without its end marker). */
  warnings?: string[];
}

/**
 * The agent under test, behind one small interface. Every adapter (http, openai, module, command)
 * passes the same conformance suite.
 */
export interface Target {
  /** Adapter kind, e.g. "http". */
  readonly kind: string;
  /** Human-readable address, e.g. "POST http://localhost:8000/invoke" (never contains secrets). */
  readonly description: string;
  /** Whether the adapter can apply wire mutations. */
  readonly supportsWire: boolean;
  /** Checks the target is reachable; throws FLAKESTORM_TARGET_UNREACHABLE naming the address and cause. */
  preflight(signal: AbortSignal): Promise<void>;
  /** Sends one request and reads the whole answer (streams are read to the end). */
  send(request: TargetRequest): Promise<TargetResponse>;
  /** Resets the agent's state (reset endpoint or function), between contract cells. */
  reset?(signal: AbortSignal): Promise<void>;
  /** Releases sockets, subprocesses and timers. */
  close(): Promise<void>;
}
