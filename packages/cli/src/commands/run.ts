import { resolve } from 'node:path';
import type { RunOptions } from '../program.js';
import { runSession } from '../run-session.js';
import { toPlan } from '../sdk-run.js';
import { startChaosForRun, summarizeChaos, wantsChaos } from './chaos-start.js';

/** `flakestorm run`: loads the config and runs it. */
export async function runCommand(options: RunOptions): Promise<number> {
  const plan = await toPlan(resolve(options.config));
  if (!wantsChaos(options)) return runSession(plan, options);
  const chaos = await startChaosForRun(plan, options, process.stderr);
  try {
    return await runSession(plan, options, undefined, chaos);
  } finally {
    if (!options.quiet) summarizeChaos(chaos, process.stderr);
    await chaos.close();
  }
}
