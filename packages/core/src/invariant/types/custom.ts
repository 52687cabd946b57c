import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JsonObject } from '../../json.js';
import type { Observation } from '../../run/observation.js';
import { defineInvariant, type InvariantCheck, type Verdict } from '../invariant.js';
import { ParamProblems, stringParam } from '../params.js';

/** The signature of a custom check: true/false, or a verdict with a reason; may be async. */
export type CustomCheckFunction = (
  response: string,
  observation: Observation,
) => boolean | { passed: boolean; reason?: string; details?: JsonObject } | Promise<unknown>;

const MAX_REASON = 300;
const clip = (text: string) => (text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}…` : text);

/** Loads the configured function once; throws a plain Error with what to fix when it cannot. */
async function loadFunction(params: JsonObject, baseDir: string): Promise<CustomCheckFunction> {
  const module = stringParam(params, 'module') ?? '';
  const name = stringParam(params, 'export') ?? 'default';
  const path = isAbsolute(module) ? module : resolve(baseDir, module);
  if (!existsSync(path)) throw new Error(`custom module "${module}" not found (looked at ${path}).`);
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`custom module "${module}" failed to load: ${clip((error as Error).message)}`);
  }
  const fn = loaded[name];
  if (typeof fn !== 'function') {
    const exported = Object.keys(loaded).join(', ') || 'nothing';
    throw new Error(`custom module "${module}" has no function export "${name}" (it exports: ${exported}).`);
  }
  return fn as CustomCheckFunction;
}

/** Turns whatever the user's function returned into a verdict; odd values are failures that say why. */
function toVerdict(value: unknown, label: string): Verdict {
  if (typeof value === 'boolean') {
    return { passed: value, reason: value ? `${label} returned true.` : `${label} returned false.` };
  }
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { passed?: unknown }).passed === 'boolean'
  ) {
    const v = value as { passed: boolean; reason?: unknown; details?: unknown };
    const reason =
      typeof v.reason === 'string' && v.reason !== ''
        ? clip(v.reason)
        : `${label} returned passed: ${v.passed}.`;
    const details =
      v.details !== null && typeof v.details === 'object' && !Array.isArray(v.details)
        ? v.details
        : undefined;
    try {
      // Details must be JSON; anything else (functions, cycles) is dropped rather than breaking the report.
      return details
        ? { passed: v.passed, reason, details: JSON.parse(JSON.stringify(details)) as JsonObject }
        : { passed: v.passed, reason };
    } catch {
      return { passed: v.passed, reason };
    }
  }
  return {
    passed: false,
    reason: `${label} returned ${clip(String(value))}; expected true/false or { passed, reason }.`,
  };
}

/** Loads the function and wraps it as a check labelled by its export name. */
async function loadCheck(params: JsonObject, baseDir: string): Promise<InvariantCheck> {
  const fn = await loadFunction(params, baseDir);
  return checkFrom(fn, `custom check ${stringParam(params, 'export') ?? 'default'}()`);
}

function checkFrom(fn: CustomCheckFunction, label: string): InvariantCheck {
  return async (observation) => {
    try {
      return toVerdict(await fn(observation.response, observation), label);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { passed: false, reason: `${label} threw: ${clip(message)}` };
    }
  };
}

/**
 * `custom {module, export: default}`: a JavaScript function from a file (relative to the config's
 * folder) judges the answer: `(response, observation) => boolean | {passed, reason}` (async allowed).
 * The module is loaded once, at config time; a function that throws fails the check, it never
 * stops the run.
 */
export const customInvariant = defineInvariant({
  type: 'custom',
  description:
    'A JavaScript function (module, export) returns true/false or { passed, reason } for each answer.',
  example: { module: './checks/no-refund-promise.mjs', export: 'default' },
  validate(params) {
    const p = new ParamProblems(params);
    p.requireString('module');
    p.optionalString('export');
    const module = stringParam(params, 'module');
    if (module && !/\.(?:m?js|cjs)$/.test(module))
      p.add('"module" must be a .js, .mjs or .cjs file (compile TypeScript first).');
    return p.problems;
  },
  load: (spec, context) => loadCheck(spec.params, context.baseDir),
  create(spec, context) {
    // Without the evaluator's eager load the module is imported on first use, once.
    let pending: Promise<InvariantCheck> | undefined;
    return async (observation) => {
      pending ??= loadCheck(spec.params, context?.baseDir ?? process.cwd());
      try {
        return await (await pending)(observation);
      } catch (error) {
        return { passed: false, reason: clip((error as Error).message) };
      }
    };
  },
});
