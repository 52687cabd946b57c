import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FlakestormError } from '../errors.js';
import type { RunPlan } from '../run/plan.js';
import type { ConfigEnv } from './interpolate.js';
import { type ResolveConfigOptions, resolveLocated } from './resolve-config.js';
import { parseYamlSource } from './yaml-source.js';

/** A loaded config: the plan, its warnings, and the parsed YAML as written (before `${VAR}`). */
export interface LoadedConfig {
  plan: RunPlan;
  warnings: string[];
  raw: unknown;
}

/** Options of loadConfigFile: the registry's knowledge and the environment. */
export type LoadConfigOptions = Omit<ResolveConfigOptions, 'source' | 'baseDir'>;

/** Options of loadConfigText: where the text came from, for messages and relative paths. */
export interface LoadConfigTextOptions extends LoadConfigOptions {
  /** Shown in messages and used as the plan's source (default "inline"). */
  file?: string;
  /** Folder that relative paths resolve against (default: the file's folder, else the current one). */
  baseDir?: string;
  env?: ConfigEnv;
}

/**
 * Reads, validates and normalises a flakestorm.yaml (or .json, or a .js/.mjs module whose default
 * export is the config, e.g. `export default defineConfig({...})`). Missing: FLAKESTORM_CONFIG_NOT_FOUND.
 */
export async function loadConfigFile(path: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const absolute = resolve(path);
  if (/\.m?js$/.test(absolute)) return loadConfigModule(path, absolute, options);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new FlakestormError('FLAKESTORM_CONFIG_NOT_FOUND', `No config file at ${path}.`, {
        cause,
        hint: 'Run `flakestorm init` to write a starter flakestorm.yaml, or pass another file with --config.',
        details: { file: path },
      });
    }
    throw new FlakestormError(
      'FLAKESTORM_CONFIG_INVALID',
      `Could not read ${path} (${code ?? 'unknown error'}).`,
      {
        cause,
        hint:
          code === 'EISDIR' ? 'Pass the YAML file itself, not its folder.' : 'Check the file permissions.',
        details: { file: path },
      },
    );
  }
  return loadConfigText(text, { ...options, file: path, baseDir: dirname(absolute) });
}

async function loadConfigModule(
  path: string,
  absolute: string,
  options: LoadConfigOptions,
): Promise<LoadedConfig> {
  let exported: unknown;
  try {
    // A JS config is the user's own code, like vitest.config.js: running it is what they asked for.
    const module = (await import(pathToFileURL(absolute).href)) as { default?: unknown };
    exported = await module.default;
  } catch (cause) {
    const missing =
      (cause as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && !(await exists(absolute));
    throw new FlakestormError(
      missing ? 'FLAKESTORM_CONFIG_NOT_FOUND' : 'FLAKESTORM_CONFIG_INVALID',
      missing
        ? `No config file at ${path}.`
        : `Could not load ${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
        hint: missing
          ? 'Run `flakestorm init` to write a starter flakestorm.yaml, or pass another file with --config.'
          : 'Fix the error in the module; it must `export default defineConfig({...})`.',
        details: { file: path },
      },
    );
  }
  const plan = resolveLocated(exported, { ...options, source: path, baseDir: dirname(absolute) }, undefined);
  return { plan, warnings: plan.warnings, raw: exported };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Validates and normalises config text (YAML or JSON); errors point at the text's lines and columns. */
export function loadConfigText(text: string, options: LoadConfigTextOptions = {}): LoadedConfig {
  const file = options.file ?? 'inline';
  const source = parseYamlSource(text.replace(/^\uFEFF/, ''), file);
  const plan = resolveLocated(
    source.data,
    {
      ...options,
      source: file,
      baseDir: options.baseDir ?? (options.file ? dirname(resolve(options.file)) : process.cwd()),
    },
    source.locate,
  );
  return { plan, warnings: plan.warnings, raw: source.data };
}
