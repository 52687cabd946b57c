/**
 * A change to how a request travels on the wire, made by the system/network mutation types.
 * HTTP targets apply it; other targets cannot, and the runner falls back to the variant's text
 * (the result then says `wireApplied: false`).
 */
export type WireMutation =
  /** Extra or spoofed headers, appended in order; a name may repeat (duplicated headers). */
  | { kind: 'headers'; headers: Array<[string, string]> }
  /** Send with another HTTP method (GET, PUT, DELETE, OPTIONS, TRACE, a made-up verb...). */
  | { kind: 'method'; method: string }
  /** Re-encode the body as form, text or XML, or keep JSON under a lying Content-Type. */
  | { kind: 'content-type'; encodeAs: 'json' | 'form' | 'text' | 'xml'; contentType: string }
  /** Polluted or duplicated query parameters, appended in order. */
  | { kind: 'query'; params: Array<[string, string]> }
  /** Pad the prompt so the whole body reaches this many bytes (1 MB to 20 MB). */
  | { kind: 'payload-size'; bytes: number }
  /** Wrap the request body in this many levels of nested JSON arrays/objects. */
  | { kind: 'nesting'; depth: number; shape: 'array' | 'object' }
  /** Fire this many identical requests at once; the answers must agree. */
  | { kind: 'burst'; size: number }
  /** Send the body slowly, chunkBytes every intervalMs. */
  | { kind: 'trickle'; chunkBytes: number; intervalMs: number }
  /** Abort the request after this many ms, then send it again normally to see the agent recovered. */
  | { kind: 'abort'; afterMs: number }
  /** Raw protocol edge cases sent over a plain socket. */
  | {
      kind: 'protocol';
      variant: 'http1.0' | 'chunked-odd-sizes' | 'chunked-extensions' | 'pipelined' | 'lowercase-method-line';
    };

/** What was actually sent for a case, recorded on its result (bodies are previewed, never stored whole). */
export interface WireRecord {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  bodyBytes: number;
  bodyPreview: string;
  protocol?: string;
  /** For bursts: how many requests were sent and how many distinct answers came back. */
  burst?: { size: number; distinctAnswers: number };
  note?: string;
}
