import type { JsonObject } from '../json.js';
import type { ChaosFault, ChaosMatch, ChaosRule, DriftType } from './chaos-rule.js';

/** A tool or LLM fault as written in a config's `chaos:` block (Python Flakestorm fields plus ours). */
interface FaultEntry {
  mode?: string;
  tool?: string;
  route?: string;
  match_url?: string;
  method?: string;
  delay_ms?: number;
  error_code?: number;
  message?: string;
  probability?: number;
  after_calls?: number;
  for_calls?: number;
  payload?: string;
  max_tokens?: number;
  drift_type?: string;
  factor?: number;
  after_chunks?: number;
  retry_after_s?: number;
  content_type?: string;
}

/** A context attack as written (list entry or map value). */
export interface ContextAttackEntry {
  type:
    | 'overflow'
    | 'conflicting_context'
    | 'injection_via_context'
    | 'indirect_injection'
    | 'memory_poisoning';
  enabled?: boolean;
  inject_tokens?: number;
  payloads?: string[];
  trigger_probability?: number;
  inject_at?: string | number;
  payload?: string;
  strategy?: 'prepend' | 'append' | 'replace';
}

function timeoutFault(entry: FaultEntry): ChaosFault {
  // Python's "timeout" with a delay is a very slow upstream; without one the call never returns.
  return entry.delay_ms === undefined ? { kind: 'hang' } : { kind: 'latency', delayMs: entry.delay_ms };
}

function statusFault(entry: FaultEntry, fallback: number): ChaosFault {
  return {
    kind: 'status',
    status: entry.error_code ?? fallback,
    ...(entry.message === undefined ? {} : { message: entry.message }),
    ...(entry.retry_after_s === undefined ? {} : { retryAfterS: entry.retry_after_s }),
  };
}

function toolFault(entry: FaultEntry): ChaosFault {
  switch (entry.mode) {
    case 'timeout':
      return timeoutFault(entry);
    case 'hang':
      return { kind: 'hang' };
    case 'slow':
      return { kind: 'latency', delayMs: entry.delay_ms ?? 2000 };
    case 'malformed':
      return { kind: 'malformed' };
    case 'malicious_response':
      return { kind: 'malicious', ...(entry.payload === undefined ? {} : { payloads: [entry.payload] }) };
    case 'rate_limit':
      return {
        kind: 'rate-limit',
        ...(entry.retry_after_s === undefined ? {} : { retryAfterS: entry.retry_after_s }),
      };
    case 'reset':
      return { kind: 'reset' };
    case 'truncated_body':
      return { kind: 'truncate-body' };
    case 'wrong_content_type':
      return {
        kind: 'wrong-content-type',
        ...(entry.content_type === undefined ? {} : { contentType: entry.content_type }),
      };
    default:
      return statusFault(entry, 500);
  }
}

function llmFault(entry: FaultEntry): ChaosFault {
  switch (entry.mode) {
    case 'timeout':
      return timeoutFault(entry);
    case 'truncated_response':
      return { kind: 'truncate-completion', maxTokens: entry.max_tokens ?? 10 };
    case 'rate_limit':
      return {
        kind: 'rate-limit',
        ...(entry.retry_after_s === undefined ? {} : { retryAfterS: entry.retry_after_s }),
      };
    case 'empty':
      return { kind: 'empty-completion' };
    case 'garbage':
      return { kind: 'garbage' };
    case 'response_drift':
      return {
        kind: 'drift',
        drift: (entry.drift_type ?? 'json_field_rename') as DriftType,
        ...(entry.factor === undefined ? {} : { factor: entry.factor }),
      };
    case 'slow_first_token':
      return { kind: 'slow-first-token', delayMs: entry.delay_ms ?? 3000 };
    case 'stream_cut':
      return {
        kind: 'stream-cut',
        ...(entry.after_chunks === undefined ? {} : { afterChunks: entry.after_chunks }),
      };
    case 'finish_length':
      return {
        kind: 'finish-length',
        ...(entry.max_tokens === undefined ? {} : { maxTokens: entry.max_tokens }),
      };
    case 'tool_args_corrupted':
      return { kind: 'corrupt-tool-args' };
    case 'reset':
      return { kind: 'reset' };
    default:
      return statusFault(entry, 500);
  }
}

function toRule(entry: FaultEntry, id: string, match: ChaosMatch, fault: ChaosFault): ChaosRule {
  if (entry.route !== undefined) match.route = entry.route.replace(/^\/+|\/\*$|\/+$/g, '');
  if (entry.match_url !== undefined) match.url = entry.match_url;
  if (entry.method !== undefined) match.method = entry.method;
  return {
    id,
    match,
    fault,
    ...(entry.probability === undefined ? {} : { probability: entry.probability }),
    ...(entry.after_calls === undefined ? {} : { afterCalls: entry.after_calls }),
    ...(entry.for_calls === undefined ? {} : { forCalls: entry.for_calls }),
  };
}

/** The context attacks of a `chaos:` block, list or map form, enabled ones only. */
export function contextAttacksOf(chaos: JsonObject): ContextAttackEntry[] {
  const raw = chaos.context_attacks;
  if (Array.isArray(raw)) return (raw as unknown as ContextAttackEntry[]).filter((a) => a.enabled !== false);
  if (typeof raw !== 'object' || raw === null) return [];
  return Object.entries(raw)
    .map(([type, body]) => ({ ...(body as object), type }) as ContextAttackEntry)
    .filter((a) => a.enabled !== false);
}

/**
 * Turns a validated `chaos:` block (Python Flakestorm's tool_faults / llm_faults / context_attacks, plus
 * Flakestorm's extra modes) into proxy rules. `tool_faults` apply to tool routes, `llm_faults` to LLM
 * routes, and `indirect_injection` becomes a malicious-body rule on every tool route.
 */
export function chaosRulesFromConfig(chaos: JsonObject): ChaosRule[] {
  const rules: ChaosRule[] = [];
  const tools = (chaos.tool_faults ?? []) as unknown as FaultEntry[];
  tools.forEach((entry, i) => {
    rules.push(
      toRule(entry, `tool_faults.${i}`, { kind: 'tool', tool: entry.tool ?? '*' }, toolFault(entry)),
    );
  });
  const llms = (chaos.llm_faults ?? []) as unknown as FaultEntry[];
  llms.forEach((entry, i) => {
    rules.push(toRule(entry, `llm_faults.${i}`, { kind: 'llm' }, llmFault(entry)));
  });
  for (const attack of contextAttacksOf(chaos)) {
    if (attack.type !== 'indirect_injection') continue;
    const payloads = attack.payloads ?? (attack.payload === undefined ? undefined : [attack.payload]);
    rules.push({
      id: 'context_attacks.indirect_injection',
      match: { kind: 'tool', tool: '*' },
      fault: { kind: 'malicious', ...(payloads ? { payloads } : {}) },
      ...(attack.trigger_probability === undefined ? {} : { probability: attack.trigger_probability }),
    });
  }
  return rules;
}
