/**
 * The chaos `flakestorm demo --chaos` applies to the demo agent's own upstream calls (a `chaos:` block
 * in the flakestorm.yaml format, without routes: the demo adds its local upstreams). A mix the agent
 * copes with (503 then retry, 429 with Retry-After, slow tools, corrupted tool arguments) and faults
 * it does not (cut streams, empty and drifted completions, injected tool output).
 */
export const demoChaos: Record<string, unknown> = {
  tool_faults: [
    { tool: 'orders', mode: 'error', error_code: 503, probability: 0.25 },
    { tool: 'orders', mode: 'slow', delay_ms: 600, probability: 0.15 },
    { tool: 'orders', mode: 'malicious_response', probability: 0.15 },
    { tool: 'orders', mode: 'malformed', probability: 0.1 },
  ],
  llm_faults: [
    { mode: 'rate_limit', probability: 0.1, retry_after_s: 0 },
    { mode: 'stream_cut', probability: 0.1 },
    { mode: 'empty', probability: 0.05 },
    { mode: 'response_drift', drift_type: 'tone_shift', probability: 0.05 },
    { mode: 'tool_args_corrupted', probability: 0.1 },
  ],
};
