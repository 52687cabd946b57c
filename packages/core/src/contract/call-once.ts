import type { ChatMessage } from '../message.js';
import type { Case } from '../run/case.js';
import { classifyError } from '../run/case-error.js';
import type { Observation } from '../run/observation.js';
import type { Target } from '../target/target.js';

/** What one direct call needs: the target, the prompt (or conversation) and the limits. */
export interface CallOnceInput {
  target: Target;
  /** Case id: exchanges through the chaos proxy are grouped by it. */
  caseId: string;
  /** Label in reports, e.g. "contract cell: tools down". */
  label: string;
  /** Kind recorded as the case's mutation type ("contract", "replay"). */
  kind: string;
  prompt: string;
  messages?: ChatMessage[];
  timeoutMs: number;
  signal?: AbortSignal;
  chaos: Observation['chaos'];
  canary?: string;
}

/**
 * Sends one prompt to the target once (contract cells and replays run each call exactly once: no
 * retries, no repeats) and returns the observation invariants look at. Failed calls are data.
 */
export async function callOnce(input: CallOnceInput): Promise<Observation> {
  const messages: ChatMessage[] = input.messages ?? [{ role: 'user', content: input.prompt }];
  const c: Case = {
    id: input.caseId,
    index: 0,
    seed: 0,
    goldenIndex: 0,
    goldenPrompt: input.prompt,
    mutationType: input.kind,
    variantIndex: 0,
    weight: 1,
    prompt: input.prompt,
    messages,
    vars: {},
    label: input.label,
    trials: 1,
  };
  const signals = [AbortSignal.timeout(input.timeoutMs), ...(input.signal ? [input.signal] : [])];
  const started = performance.now();
  const observation: Observation = {
    case: c,
    response: '',
    latencyMs: 0,
    exchanges: [],
    chaos: input.chaos,
    ...(input.canary === undefined ? {} : { canary: input.canary }),
  };
  try {
    const response = await input.target.send({
      caseId: c.id,
      prompt: input.prompt,
      messages,
      vars: {},
      sessionId: `${c.id}-0`,
      timeoutMs: input.timeoutMs,
      signal: AbortSignal.any(signals),
    });
    observation.response = response.text;
    observation.latencyMs = response.latencyMs;
    if (response.body !== undefined) observation.body = response.body;
    if (response.status !== undefined) observation.status = response.status;
  } catch (thrown) {
    observation.error = classifyError(thrown).error;
    observation.latencyMs = Math.round(performance.now() - started);
  }
  return observation;
}
