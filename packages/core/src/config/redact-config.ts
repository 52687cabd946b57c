import { createHash } from 'node:crypto';
import type { JsonObject, JsonValue } from '../json.js';
import type { RunPlan } from '../run/plan.js';
import { isSecretName } from './secret-fields.js';

/** What replaces a secret value in reports, logs and hashes. */
export const REDACTED = '[REDACTED]';

// Values read from secret-named environment variables while loading each plan. A WeakMap keeps them
// out of the plan object itself, so that no serialisation of the plan can carry them.
const planSecrets = new WeakMap<RunPlan, readonly string[]>();

/** Remembers secret values that went into a plan (from `${SECRET_VAR}`), for redaction. */
export function registerPlanSecrets(plan: RunPlan, values: Iterable<string>): void {
  const known = new Set(planSecrets.get(plan) ?? []);
  for (const value of values) if (value.length >= 4) known.add(value);
  // Longest first, so that a secret containing another is replaced whole.
  planSecrets.set(
    plan,
    [...known].sort((a, b) => b.length - a.length),
  );
}

/**
 * The plan as JSON with every secret replaced by `[REDACTED]`: values of secret-named headers, query
 * parameters and env entries, URL passwords, and anything read from a secret-named env variable.
 * Safe to put in reports and logs.
 */
export function redactedConfig(plan: RunPlan): JsonObject {
  const secrets = planSecrets.get(plan) ?? [];
  const scrub = (text: string): string => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join(REDACTED);
    return out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, `$1${REDACTED}@`);
  };
  const walk = (value: unknown, key: string | undefined, inSecretMap: boolean): JsonValue => {
    if (typeof value === 'string')
      return inSecretMap && key !== undefined && isSecretName(key) ? REDACTED : scrub(value);
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value === 'boolean' || value === null) return value;
    if (Array.isArray(value)) return value.map((item) => walk(item, undefined, false));
    if (typeof value === 'object') {
      const out: JsonObject = {};
      const secretMap = key === 'headers' || key === 'query' || key === 'env';
      for (const [childKey, child] of Object.entries(value)) {
        if (child === undefined) continue;
        out[childKey] = walk(child, childKey, secretMap);
      }
      return out;
    }
    return null;
  };
  return walk(plan, undefined, false) as JsonObject;
}

/**
 * A stable SHA-256 (hex) of the normalised, redacted config: the same settings give the same hash on
 * any machine (the file's own path and folder and the warnings are left out), and rotating a secret
 * does not change it.
 */
export function configHash(plan: RunPlan): string {
  const { source: _source, baseDir: _baseDir, warnings: _warnings, ...rest } = redactedConfig(plan);
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** JSON with object keys sorted at every level, so equal data gives equal text. */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
