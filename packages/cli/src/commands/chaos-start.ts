import type { ChaosRun, RunPlan } from '@flakestorm/core';
import type { DemoUpstreams } from '@flakestorm/demo-agent';
import type { RunOptions } from '../program.js';

function usage(message: string): Error {
  return Object.assign(new Error(message), { code: 'FLAKESTORM_USAGE', issues: [] });
}

/** Whether `run`/`demo` was asked for chaos. */
export function wantsChaos(options: Pick<RunOptions, 'chaos' | 'chaosProfile'>): boolean {
  return options.chaos === true || options.chaosProfile !== undefined;
}

/** Says where the proxy listens and what it forwards (stderr: stdout carries the summary). */
export function describeProxy(chaos: ChaosRun, stream: NodeJS.WritableStream): void {
  stream.write(
    `flakestorm chaos proxy on ${chaos.proxy.url} (${chaos.rules.length} rules, ${chaos.attacks.length} context attacks)\n`,
  );
  for (const route of chaos.proxy.routes)
    stream.write(`  ${chaos.proxy.url}${route.prefix} -> ${route.upstream}\n`);
}

/** One line on what the chaos did: calls through the proxy and the faults injected, most frequent first. */
export function summarizeChaos(chaos: ChaosRun, stream: NodeJS.WritableStream): void {
  const { calls, faults } = chaos.tally();
  const entries = Object.entries(faults).sort((a, b) => b[1] - a[1]);
  const faulted = entries.reduce((n, [, count]) => n + count, 0);
  const detail = entries.map(([fault, count]) => `${fault} ${count}`).join(', ');
  stream.write(
    `chaos: ${calls} upstream calls through the proxy, ${faulted} faulted${detail ? ` (${detail})` : ''}\n`,
  );
}

/** Starts the chaos phase of `run --chaos` / `--chaos-profile` from the plan's `chaos:` block. */
export async function startChaosForRun(
  plan: RunPlan,
  options: RunOptions,
  stream: NodeJS.WritableStream,
): Promise<ChaosRun> {
  if (plan.chaos === undefined && options.chaosProfile === undefined) {
    throw usage('--chaos needs a `chaos:` block in the config (routes and faults), or --chaos-profile NAME.');
  }
  const { startChaosRun } = await import('@flakestorm/core');
  const chaos = await startChaosRun({
    ...(plan.chaos ? { chaos: plan.chaos } : {}),
    ...(options.chaosProfile ? { profile: options.chaosProfile } : {}),
    seed: plan.settings.seed,
  });
  if (!options.quiet) describeProxy(chaos, stream);
  return chaos;
}

/** The demo's local upstreams (LLM stand-in, order API) behind a chaos proxy, for `demo --chaos`. */
export interface DemoChaos {
  chaos: ChaosRun;
  upstreams: DemoUpstreams;
  close(): Promise<void>;
}

/** Starts the LLM stand-in and the order API, and the proxy in front of them with the demo's chaos. */
export async function startDemoChaos(
  options: RunOptions,
  seed: number,
  stream: NodeJS.WritableStream,
): Promise<DemoChaos> {
  const { startChaosRun } = await import('@flakestorm/core');
  const { demoChaos, startLlmStandIn, startOrderApi } = await import('@flakestorm/demo-agent');
  const llm = await startLlmStandIn();
  const orders = await startOrderApi();
  try {
    const chaos = await startChaosRun({
      chaos: (options.chaosProfile ? {} : demoChaos) as NonNullable<RunPlan['chaos']>,
      ...(options.chaosProfile ? { profile: options.chaosProfile } : {}),
      routes: { '/llm': `${llm.url}/v1`, '/tools/orders': `${orders.url}/orders` },
      seed,
    });
    if (!options.quiet) describeProxy(chaos, stream);
    return {
      chaos,
      upstreams: { llmUrl: `${chaos.proxy.url}/llm`, ordersUrl: `${chaos.proxy.url}/tools/orders` },
      close: async () => {
        await chaos.close();
        await llm.close();
        await orders.close();
      },
    };
  } catch (error) {
    await llm.close();
    await orders.close();
    throw error;
  }
}
