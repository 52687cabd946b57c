import { configHash } from '../config/redact-config.js';
import type { RunPlan } from './plan.js';

/**
 * The config hash recorded in RunMeta: the config module's `configHash` (sha256 of the canonical,
 * redacted plan), kept under this name so earlier callers get the same value as reports.
 */
export function hashRunPlan(plan: RunPlan): string {
  return configHash(plan);
}
