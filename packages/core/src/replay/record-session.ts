import { type ChaosRoutesInput, toChaosRoutes } from '../chaos/routes.js';
import { callOnce } from '../contract/call-once.js';
import { FlakestormError } from '../errors.js';
import type { ChatMessage } from '../message.js';
import type { Registry } from '../plugin/registry.js';
import { stableId } from '../random.js';
import type { RunPlan } from '../run/plan.js';
import { createPlanTarget } from '../run/plan-target.js';
import type { Target } from '../target/target.js';
import { startReplayProxy } from './replay-proxy.js';
import { createReplayUpstream } from './replay-upstream.js';
import type { ReplaySession } from './session.js';

/** Options of recordSession. */
export interface RecordSessionOptions {
  registry: Registry;
  input: string;
  messages?: ChatMessage[];
  id?: string;
  name?: string;
  target?: Target;
  signal?: AbortSignal;
}

/**
 * Records a session: starts the proxy where the agent expects it (`chaos.port`) with every route
 * forwarded to its real upstream (`chaos.routes`), sends the input once, and keeps every upstream
 * response and the agent's answer. Replaying it later needs none of the upstreams.
 */
export async function recordSession(plan: RunPlan, options: RecordSessionOptions): Promise<ReplaySession> {
  const routes = (plan.chaos?.routes ?? {}) as ChaosRoutesInput;
  if (Object.keys(routes).length === 0 || typeof plan.chaos?.port !== 'number') {
    throw new FlakestormError(
      'FLAKESTORM_CONFIG_INVALID',
      `Recording needs chaos.routes and chaos.port in ${plan.source}.`,
      {
        hint: 'Set chaos.port (where the agent reaches its upstreams) and chaos.routes (prefix to real upstream URL), and point the agent at http://127.0.0.1:<port>/<prefix>.',
        details: { file: plan.source, path: 'chaos' },
      },
    );
  }
  const upstream = await createReplayUpstream();
  upstream.record(toChaosRoutes(routes));
  const proxy = await startReplayProxy(plan, upstream);
  const owned = options.target === undefined;
  const target = options.target ?? createPlanTarget(plan, options.registry);
  try {
    if (target.reset) await target.reset(AbortSignal.timeout(plan.settings.timeoutMs));
    const id = options.id ?? stableId('session', options.input, new Date().toISOString());
    const observation = await callOnce({
      target,
      caseId: `record-${id}`,
      label: 'replay record',
      kind: 'replay',
      prompt: options.input,
      ...(options.messages ? { messages: options.messages } : {}),
      timeoutMs: plan.settings.timeoutMs,
      chaos: { toolFaults: false, llmFaults: false },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (observation.error) {
      throw new FlakestormError(
        'FLAKESTORM_TARGET_FAILED',
        `The agent did not answer while recording (${observation.error.cause}: ${observation.error.message}).`,
        {
          hint: 'Record a session the agent answers; failures to keep are exported with `replay export --from-report`.',
        },
      );
    }
    return {
      id,
      ...(options.name === undefined ? {} : { name: options.name }),
      source: 'flakestorm record',
      capturedAt: new Date().toISOString(),
      input: options.input,
      ...(options.messages ? { messages: options.messages } : {}),
      response: observation.response,
      exchanges: [...upstream.recorded],
    };
  } finally {
    await proxy.close();
    await upstream.close();
    if (owned) await target.close().catch(() => {});
  }
}
