import type { ErrorIssue } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { RunPlan } from '../run/plan.js';
import { coerceInterpolatedScalars } from './coerce-interpolated.js';
import { configError } from './config-issues.js';
import { formatConfigPath, valueAt } from './config-path.js';
import { configSchema } from './config-schema.js';
import { type ConfigEnv, interpolateTree } from './interpolate.js';
import { PlanContext } from './plan-context.js';
import {
  assertSupportedAgentType,
  isLegacyVersion,
  isVerbatimPath,
  withLegacyEndpointVariables,
} from './python-compat.js';
import { registerPlanSecrets } from './redact-config.js';
import { translateZodIssues } from './schema-issues.js';
import { findLiteralSecrets, isSecretName } from './secret-fields.js';
import { type PlanOptions, toPlan } from './to-plan.js';
import type { Locator } from './yaml-source.js';

/** Options of resolveConfig: where the config came from and what the registry knows. */
export interface ResolveConfigOptions {
  /** Config file path, or "inline" for configs built in code. */
  source?: string;
  /** Folder that relative paths resolve against (default: the current directory). */
  baseDir?: string;
  /** Environment for `${VAR}` (default: process.env). */
  env?: ConfigEnv;
  /** When given, unknown mutation type names are located errors with a did-you-mean hint. */
  knownMutationTypes?: Iterable<string>;
  /** When given, unknown invariant type names are located errors with a did-you-mean hint. */
  knownInvariantTypes?: Iterable<string>;
  /** The invariant type's own check of its params; problems become errors located at the entry. */
  validateInvariant?: (type: string, params: JsonObject) => readonly string[];
  /** Mutators' own default weights (after the config's, before Python Flakestorm's table). */
  defaultWeights?: Readonly<Record<string, number>>;
}

// Each pass either converts `${VAR}` text to numbers or drops one layer of legacy unknown keys.
const MAX_PASSES = 8;

/**
 * Validates a config object (parsed YAML, or an object built in code) and normalises it into a RunPlan.
 * Every problem is collected into one FLAKESTORM_CONFIG_INVALID error.
 */
export function resolveConfig(config: unknown, options: ResolveConfigOptions = {}): RunPlan {
  return resolveLocated(config, options, undefined);
}

/** resolveConfig with a way back from config paths to file positions (for YAML files). */
export function resolveLocated(
  config: unknown,
  options: ResolveConfigOptions,
  locate: Locator | undefined,
): RunPlan {
  const file = options.source ?? 'inline';
  const planOptions: PlanOptions = {
    source: file,
    baseDir: options.baseDir ?? process.cwd(),
    ...(options.knownMutationTypes === undefined ? {} : { knownMutationTypes: options.knownMutationTypes }),
    ...(options.knownInvariantTypes === undefined
      ? {}
      : { knownInvariantTypes: options.knownInvariantTypes }),
    ...(options.validateInvariant === undefined ? {} : { validateInvariant: options.validateInvariant }),
    ...(options.defaultWeights === undefined ? {} : { defaultWeights: options.defaultWeights }),
  };
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    const location = locate?.([]);
    throw configError(file, [
      {
        message: `the config must be a mapping of sections (agent, golden_prompts, ...), not ${config === null || config === undefined ? 'empty' : Array.isArray(config) ? 'a list' : `a ${typeof config}`}`,
        ...(location === undefined ? {} : { location }),
        hint: 'run `flakestorm init` to write a starter flakestorm.yaml',
      },
    ]);
  }
  assertSupportedAgentType(config, file, locate);
  const legacy = isLegacyVersion((config as Record<string, unknown>).version);
  const raw = legacy ? withLegacyEndpointVariables(config as Record<string, unknown>) : config;
  const context = new PlanContext(file, locate);
  const issues: ErrorIssue[] = findLiteralSecrets(raw, locate);
  const interpolated = interpolateTree(raw, options.env ?? process.env, isVerbatimPath);
  for (const { path, name } of interpolated.missing) {
    const location = locate?.(path);
    issues.push({
      message: `environment variable ${name} is not set`,
      path: formatConfigPath(path),
      ...(location === undefined ? {} : { location }),
      hint: `set ${name}, or give a default: \${${name}:-value}`,
    });
  }
  // A value already reported (unset variable, literal secret) is not reported again by the schema.
  const reported = new Set(issues.map((issue) => issue.path));
  const data: unknown = structuredClone(interpolated.value);
  let parsed = configSchema.safeParse(data);
  for (let pass = 0; !parsed.success; pass++) {
    const last = pass >= MAX_PASSES;
    if (!last && coerceInterpolatedScalars(parsed.error.issues, data, raw) > 0) {
      parsed = configSchema.safeParse(data);
      continue;
    }
    const translated = translateZodIssues(parsed.error.issues, configSchema, data, locate, raw);
    if (last || !legacy || translated.unknownKeys.length === 0) {
      const unknown = translated.unknownKeys.map((u) => u.issue);
      issues.push(...unknown, ...translated.errors.filter((e) => !reported.has(e.path)));
      break;
    }
    // Python Flakestorm files keep working: its unknown keys are dropped with a located warning.
    const byPosition = (u: (typeof translated.unknownKeys)[number]) =>
      (u.issue.location?.line ?? 0) * 1e6 + (u.issue.location?.column ?? 0);
    for (const { path, issue } of translated.unknownKeys.sort((a, b) => byPosition(a) - byPosition(b))) {
      const hint = issue.hint?.startsWith('did you mean') ? ` (${issue.hint})` : '';
      context.warn(`${issue.message} is ignored${hint}`, path);
      const parent = valueAt(data, path.slice(0, -1));
      if (parent !== null && typeof parent === 'object') {
        delete (parent as Record<string, unknown>)[String(path.at(-1))];
      }
    }
    parsed = configSchema.safeParse(data);
  }
  if (issues.length > 0 || !parsed.success) throw configError(file, issues);
  const plan = toPlan(parsed.data, context, planOptions);
  if (context.issues.length > 0) throw configError(file, context.issues);
  registerPlanSecrets(
    plan,
    interpolated.usedValues
      .filter(
        ({ name, path }) => isSecretName(name) || path.some((s) => typeof s === 'string' && isSecretName(s)),
      )
      .map(({ value }) => value),
  );
  return plan;
}
