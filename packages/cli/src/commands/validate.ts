import { resolve } from 'node:path';
import type { RunPlan, TargetSpec } from '@flakestorm/core';
import { toPlan } from '../sdk-run.js';
import { createColors, shouldColor } from '../terminal/colors.js';

/** A target spec safe to print: header and query values are masked (they often hold tokens). */
export function describeTarget(spec: TargetSpec): string {
  switch (spec.kind) {
    case 'http':
      return `${spec.method} ${spec.url}`;
    case 'openai':
      return `openai ${spec.baseUrl} model ${spec.model}`;
    case 'module':
      return `module ${spec.path}#${spec.exportName}`;
    case 'command':
      return `command ${[spec.command, ...spec.args].join(' ')}`;
  }
}

function masked(plan: RunPlan): RunPlan {
  const target = { ...plan.target } as TargetSpec & {
    headers?: Record<string, string>;
    query?: Record<string, string>;
  };
  const mask = (record: Record<string, string> | undefined) =>
    record ? Object.fromEntries(Object.keys(record).map((k) => [k, '***'])) : record;
  if ('headers' in target && target.headers) target.headers = mask(target.headers) ?? {};
  if ('query' in target && target.query) target.query = mask(target.query) ?? {};
  return { ...plan, target };
}

/** `flakestorm validate`: loads the config and says what it would run (or prints the plan as JSON). */
export async function validateCommand(options: { config: string; json: boolean }): Promise<number> {
  const plan = await toPlan(resolve(options.config));
  if (options.json) {
    process.stdout.write(`${JSON.stringify(masked(plan), null, 2)}\n`);
    return 0;
  }
  const c = createColors(shouldColor(process.stdout));
  const variants = plan.mutations.reduce((n, m) => n + m.count, 0);
  const cases = plan.goldenPrompts.length * variants;
  const lines = [
    `${c.green('✓')} ${options.config} is valid`,
    `  target      ${describeTarget(plan.target)} (timeout ${plan.timeoutMs} ms)`,
    `  golden      ${plan.goldenPrompts.length} prompts`,
    `  mutations   ${plan.mutations.map((m) => `${m.type}×${m.count}`).join(', ')}`,
    `  invariants  ${plan.invariants.map((i) => i.id).join(', ')}`,
    `  cases       ${cases}${plan.settings.repeat > 1 ? ` × ${plan.settings.repeat} trials` : ''}, concurrency ${plan.settings.concurrency}, seed ${plan.settings.seed}`,
  ];
  for (const warning of plan.warnings) lines.push(`${c.yellow('warning')} ${warning}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
