/** Drift kinds of an LLM's answers after a silent model upgrade (Python Flakestorm's drift types). */
export type DriftType =
  | 'json_field_rename'
  | 'verbosity_shift'
  | 'format_change'
  | 'refusal_rephrase'
  | 'tone_shift';

/** Faults on any upstream (tools and LLMs alike), applied to the HTTP exchange. */
export type HttpFault =
  /** Adds latency before forwarding. */
  | { kind: 'latency'; delayMs: number }
  /** Never answers: the agent's own client must time out. */
  | { kind: 'hang' }
  /** Answers with an error status without calling the upstream; 429/503 carry Retry-After. */
  | { kind: 'status'; status: number; message?: string; retryAfterS?: number }
  /** Provider-shaped 429 with Retry-After (the rule's afterCalls makes it "rate limit after N calls"). */
  | { kind: 'rate-limit'; retryAfterS?: number }
  /** Destroys the connection (TCP reset) before any byte of the answer. */
  | { kind: 'reset' }
  /** Replaces the upstream body with bytes that do not parse (status and content type kept). */
  | { kind: 'malformed' }
  /** Keeps the body but lies about its media type. */
  | { kind: 'wrong-content-type'; contentType?: string }
  /** Sends only the first part of the body, then ends the connection. */
  | { kind: 'truncate-body'; fraction?: number }
  /** Plants an indirect prompt injection in the upstream's answer (a tool that lies). */
  | { kind: 'malicious'; payloads?: string[] };

/** Faults that understand the OpenAI chat-completions and Ollama wire formats, streaming included. */
export type LlmFault =
  /** Delays the first token (streams) or the whole answer (non-streaming) by delayMs. */
  | { kind: 'slow-first-token'; delayMs: number }
  /** Ends a stream mid-answer without its end marker by destroying the connection. */
  | { kind: 'stream-cut'; afterChunks?: number }
  /** Keeps only the first maxTokens words of the completion (finish_reason kept). */
  | { kind: 'truncate-completion'; maxTokens: number }
  /** An answer with empty content. */
  | { kind: 'empty-completion' }
  /** Replaces the completion with random tokens. */
  | { kind: 'garbage' }
  /** Cuts the completion and says finish_reason "length" (done_reason for Ollama). */
  | { kind: 'finish-length'; maxTokens?: number }
  /** The answer drifts as after a silent model upgrade. */
  | { kind: 'drift'; drift: DriftType; factor?: number }
  /** Tool-call arguments arrive as broken JSON. */
  | { kind: 'corrupt-tool-args' };

/** Any fault the proxy can inject. */
export type ChaosFault = HttpFault | LlmFault;

/** Which exchanges a rule applies to; every given field must match. */
export interface ChaosMatch {
  /** Route name ("llm", "tools/orders"), glob allowed ("tools/*"). */
  route?: string;
  method?: string;
  /** Glob over the request path and query as the agent sent it, e.g. "/tools/orders/*". */
  url?: string;
  /** Tool name for tool routes, "*" for every tool. */
  tool?: string;
  /** Only LLM routes ("llm") or only tool routes ("tool"). */
  kind?: 'llm' | 'tool';
}

/** One fault-injection rule of the proxy. */
export interface ChaosRule {
  /** Stable name (used for the seeded probability stream and in logs); defaults to its index. */
  id?: string;
  match?: ChaosMatch;
  fault: ChaosFault;
  /** Chance that a matching call is faulted, seeded (default 1). */
  probability?: number;
  /** Matching calls that pass untouched before the fault starts. */
  afterCalls?: number;
  /** Matching calls faulted at most, then the rule stops. */
  forCalls?: number;
}

/** Where a route forwards and how its traffic is understood. */
export interface ChaosRoute {
  /** Path prefix on the proxy, e.g. "/llm" or "/tools/orders". */
  prefix: string;
  /** Real upstream base URL the prefix maps to. */
  upstream: string;
  kind: 'llm' | 'tool';
  /** Tool name (tool routes). */
  tool?: string;
  /** Route name in exchanges and rules ("llm", "tools/orders"). */
  name: string;
}

/** Names a fault the way exchanges record it, e.g. "status:503", "drift:tone_shift". */
export function faultName(fault: ChaosFault): string {
  switch (fault.kind) {
    case 'status':
      return `status:${fault.status}`;
    case 'drift':
      return `drift:${fault.drift}`;
    default:
      return fault.kind;
  }
}

const llmKinds = new Set<string>([
  'slow-first-token',
  'stream-cut',
  'truncate-completion',
  'empty-completion',
  'garbage',
  'finish-length',
  'drift',
  'corrupt-tool-args',
]);

/** Whether a fault rewrites an LLM answer (and so needs the wire format), as opposed to plain HTTP. */
export function isLlmFault(fault: ChaosFault): fault is LlmFault {
  return llmKinds.has(fault.kind);
}
