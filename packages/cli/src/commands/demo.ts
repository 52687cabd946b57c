import { resolve } from 'node:path';
import { builtinPlugin, createRegistry } from '@flakestorm/core';
import { demoConfig, startDemoAgent } from '@flakestorm/demo-agent';
import type { RunOptions } from '../program.js';
import { runSession } from '../run-session.js';
import { toPlan } from '../sdk-run.js';
import { type DemoChaos, startDemoChaos, summarizeChaos, wantsChaos } from './chaos-start.js';

/** Report formats the demo writes into ./flakestorm-reports/ (those the installed renderers support). */
const DEMO_FORMATS = ['json', 'html', 'markdown', 'junit'];

/**
 * `flakestorm demo`: starts the demo agent on a free port, runs the bundled config (every mutation type,
 * several invariants) against it, writes the reports into ./flakestorm-reports/ and stops the agent.
 */
export async function demoCommand(options: RunOptions): Promise<number> {
  // With --chaos the agent calls its LLM stand-in and order tool through the chaos proxy.
  const upstream: DemoChaos | undefined = wantsChaos(options)
    ? await startDemoChaos(options, options.seed ?? 42, process.stderr)
    : undefined;
  const agent = await startDemoAgent({
    port: 0,
    host: '127.0.0.1',
    ...(upstream ? { upstreams: upstream.upstreams } : {}),
  });
  try {
    const registry = createRegistry([builtinPlugin]);
    const mutationTypes = [...registry.mutators.keys()];
    const config = demoConfig({ url: agent.url, ...(mutationTypes.length > 0 ? { mutationTypes } : {}) });
    // The agent forwards the case key on its upstream calls, so each case gets its own exchanges.
    if (upstream)
      (config.agent as Record<string, unknown>).query_params = { flakestorm_case: '{{session_id}}' };
    const plan = await toPlan(config, process.cwd(), registry);
    const { loadRenderers } = await import('../report/write-reports.js');
    const known = await loadRenderers();
    const formats = options.format ?? DEMO_FORMATS.filter((f) => known.has(f));
    return await runSession(
      { ...plan, output: { formats, dir: options.outDir ?? resolve('flakestorm-reports') } },
      { ...options, format: formats },
      undefined,
      upstream?.chaos,
    );
  } finally {
    await agent.close();
    if (upstream && !options.quiet) summarizeChaos(upstream.chaos, process.stderr);
    await upstream?.close();
  }
}
