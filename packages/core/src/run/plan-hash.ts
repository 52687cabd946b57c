import { createHash } from 'node:crypto';
import type { RunPlan } from './plan.js';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

/**
 * sha256 of the plan's canonical JSON (sorted keys) without what may hold secrets or differs between
 * machines: target headers and environment, the source path and base folder, and warnings.
 */
export function hashRunPlan(plan: RunPlan): string {
  const { source: _source, baseDir: _baseDir, warnings: _warnings, ...rest } = plan;
  const target: Record<string, unknown> = { ...plan.target };
  delete target.headers;
  delete target.env;
  const json = JSON.stringify(canonical({ ...rest, target }));
  return createHash('sha256').update(json).digest('hex');
}
