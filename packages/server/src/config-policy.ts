import {
  type ConfigEnv,
  configOptionsFromRegistry,
  type ErrorIssue,
  FlakestormError,
  isFlakestormError,
  type LoadedConfig,
  loadConfigText,
  type RunPlan,
} from '@flakestorm/core';
import type { ServerDeps } from './server-deps.js';

/**
 * What configs sent over the API may do. A config is data from an API client, not the operator's code:
 * by default it may not run code on the server (module and command targets, custom invariants, plugins)
 * nor read the server's environment (`${VAR}`, `api_key_env`) beyond the variables the operator allows.
 */
export interface ApiConfigPolicy {
  /** `flakestorm serve --allow-code`: module/command targets, custom invariants and plugins are accepted. */
  allowCode: boolean;
  /** `flakestorm serve --allow-env NAME`: the only server variables a config may read. */
  allowEnv: readonly string[];
  /** The server's environment, filtered through allowEnv before a config sees it. */
  env: ConfigEnv;
}

const CODE_HINT =
  'Configs sent over the API cannot run code on the server. Use an http or openai agent and built-in invariants, or start the server with `flakestorm serve --allow-code` if every API client may run code on this machine.';

/** The part of the server's environment a config sent over the API may read. */
export function apiConfigEnv(policy: ApiConfigPolicy): ConfigEnv {
  const visible: Record<string, string | undefined> = {};
  for (const name of policy.allowEnv) visible[name] = policy.env[name];
  return visible;
}

/** Problems of a plan under the policy: code it would run, variables it would read. */
export function policyIssues(
  plan: RunPlan,
  policy: ApiConfigPolicy,
): { code: ErrorIssue[]; env: ErrorIssue[] } {
  const code: ErrorIssue[] = [];
  if (!policy.allowCode) {
    if (plan.target.kind === 'module' || plan.target.kind === 'command') {
      code.push({ path: 'agent.type', message: `a ${plan.target.kind} agent runs code on the server` });
    }
    plan.invariants.forEach((spec, i) => {
      if (spec.type === 'custom') {
        code.push({ path: `invariants[${i}]`, message: 'a custom invariant imports a module on the server' });
      }
    });
    if (plan.plugins && plan.plugins.length > 0) {
      code.push({ path: 'plugins', message: 'plugins are modules imported on the server' });
    }
  }
  const env: ErrorIssue[] = [];
  const allowed = new Set(policy.allowEnv);
  const keyEnvs: Array<[string, string | undefined]> = [
    ['agent.api_key_env', plan.target.kind === 'openai' ? plan.target.apiKeyEnv : undefined],
    ['model.api_key_env', plan.model?.apiKeyEnv],
  ];
  for (const [path, name] of keyEnvs) {
    if (name !== undefined && !allowed.has(name)) {
      env.push({ path, message: `the server does not let configs read environment variable ${name}` });
    }
  }
  return { code, env };
}

/**
 * Loads config text sent over the API: validated like the CLI's, then held to the policy. Throws
 * FLAKESTORM_CONFIG_INVALID for config problems and FLAKESTORM_CONFIG_UNSUPPORTED for policy refusals.
 */
export function loadApiConfig(
  text: string,
  file: string,
  deps: Pick<ServerDeps, 'baseDir' | 'registry' | 'policy'>,
): LoadedConfig {
  let loaded: LoadedConfig;
  try {
    loaded = loadConfigText(text, {
      file,
      baseDir: deps.baseDir,
      env: apiConfigEnv(deps.policy),
      ...configOptionsFromRegistry(deps.registry),
    });
  } catch (error) {
    // "X is not set" is true for the config, but the fix may be on the server: say so.
    if (
      isFlakestormError(error) &&
      error.issues.some((i) => /^environment variable \w+ is not set/.test(i.message))
    ) {
      throw new FlakestormError(error.code, error.message, {
        cause: error,
        issues: [...error.issues],
        details: error.details,
        hint: 'Configs sent over the API read only the variables the server allows (`flakestorm serve --allow-env NAME`); give the reference a default (NAME:-value) or ask the operator to allow the variable.',
      });
    }
    throw error;
  }
  const { code, env } = policyIssues(loaded.plan, deps.policy);
  if (code.length > 0) {
    throw new FlakestormError(
      'FLAKESTORM_CONFIG_UNSUPPORTED',
      `${file}: ${code.map((i) => i.message).join('; ')}.`,
      { hint: CODE_HINT, issues: code },
    );
  }
  if (env.length > 0) {
    throw new FlakestormError(
      'FLAKESTORM_CONFIG_UNSUPPORTED',
      `${file}: ${env.map((i) => i.message).join('; ')}.`,
      {
        hint: 'Start the server with `flakestorm serve --allow-env NAME` for each variable API configs may use (never the admin token or database URL).',
        issues: env,
      },
    );
  }
  return loaded;
}
