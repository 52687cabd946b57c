import { resolve } from 'node:path';
import type { RunOptions } from '../program.js';
import { runSession } from '../run-session.js';
import { toPlan } from '../sdk-run.js';

/** `flakestorm run`: loads the config and runs it. */
export async function runCommand(options: RunOptions): Promise<number> {
  const plan = await toPlan(resolve(options.config));
  return runSession(plan, options);
}
