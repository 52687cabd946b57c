import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FlakestormError } from '../errors.js';
import type { ChatMessage } from '../message.js';
import { autoDetectAnswer, valueToText } from './extract.js';
import type { ModuleTargetSpec, TargetSpec } from './spec.js';
import type { Target } from './target.js';
import { createCallSignal, targetError, wrongKind } from './target-error.js';
import type { TargetContext, TargetFactory } from './target-factory.js';

/** What a module target's exported function receives besides the prompt. */
export interface ModuleAgentContext {
  messages: ChatMessage[];
  vars: Record<string, string>;
  sessionId: string;
  signal: AbortSignal;
}

/** The shape of an agent function exported by a module target. */
export type ModuleAgentFunction = (prompt: string, context: ModuleAgentContext) => unknown;

/** Imports a module file; `.ts` files go through tsx when it is installed. */
async function importModule(path: string): Promise<Record<string, unknown>> {
  const url = path.startsWith('file:') ? path : pathToFileURL(path).href;
  if (/\.(c|m)?tsx?$/.test(path)) {
    let api: { tsImport(specifier: string, parent: string): Promise<unknown> };
    try {
      api = (await import('tsx/esm/api' as string)) as typeof api;
    } catch (error) {
      throw new FlakestormError(
        'FLAKESTORM_CONFIG_INVALID',
        `Cannot load TypeScript module ${path}: tsx is not installed.`,
        {
          hint: 'Compile the agent to JavaScript and point the target at the .js file, or run `npm i -D tsx`.',
          details: { cause: 'target_error', path },
          cause: error,
        },
      );
    }
    return (await api.tsImport(url, import.meta.url)) as Record<string, unknown>;
  }
  return (await import(url)) as Record<string, unknown>;
}

/** The agent's answer as text: strings as they are, objects by auto-detection like HTTP bodies. */
function answerText(value: unknown): string {
  if (typeof value === 'string') return value;
  const detected = autoDetectAnswer(value);
  return valueToText(detected === undefined ? value : detected);
}

/** Creates a target that calls an exported function in this process. */
export function createModuleTarget(spec: ModuleTargetSpec, context: TargetContext): Target {
  const path =
    spec.path.startsWith('file:') || isAbsolute(spec.path) ? spec.path : resolve(context.baseDir, spec.path);
  const exportName = spec.exportName || 'default';
  let loaded: Promise<Record<string, unknown>> | undefined;
  const load = () => {
    loaded ??= importModule(path).catch((error: unknown) => {
      loaded = undefined;
      if (error instanceof FlakestormError) throw error;
      throw new FlakestormError(
        'FLAKESTORM_TARGET_UNREACHABLE',
        `Cannot import ${path}: ${error instanceof Error ? error.message : String(error)}`,
        {
          hint: 'Check the module path (relative to the config file) and that the file runs with plain Node.',
          details: { cause: 'target_error', path },
          cause: error,
        },
      );
    });
    return loaded;
  };
  const exported = async (name: string): Promise<ModuleAgentFunction> => {
    const module = await load();
    const fn = module[name];
    if (typeof fn !== 'function') {
      throw new FlakestormError(
        'FLAKESTORM_TARGET_UNREACHABLE',
        `${path} has no exported function "${name}".`,
        {
          hint: `Export the agent as a function: export ${name === 'default' ? 'default' : `const ${name} =`} async (prompt, ctx) => '...'.`,
          details: { cause: 'target_error', path, export: name, found: Object.keys(module).join(', ') },
        },
      );
    }
    return fn as ModuleAgentFunction;
  };
  const where = `${path}#${exportName}`;

  async function call(
    name: string,
    args: unknown[],
    timeoutMs: number,
    callSignal: ReturnType<typeof createCallSignal>,
  ): Promise<unknown> {
    const fn = await exported(name);
    // Racing the call lets a function that never returns still time out (it cannot be killed in-process).
    return await new Promise<unknown>((resolvePromise, reject) => {
      const onAbort = () =>
        reject(
          callSignal.state.timedOut
            ? targetError('timeout', `${where} did not return within ${timeoutMs} ms.`, {
                details: { timeoutMs },
              })
            : targetError('aborted', `Call to ${where} was cancelled.`),
        );
      if (callSignal.signal.aborted) return onAbort();
      callSignal.signal.addEventListener('abort', onAbort, { once: true });
      Promise.resolve()
        .then(() => (fn as (...a: unknown[]) => unknown)(...args))
        .then(resolvePromise, (error: unknown) =>
          reject(
            targetError(
              'target_error',
              `${where} threw: ${error instanceof Error ? error.message : String(error)}`,
              {
                hint: 'The agent function threw; see its stack in the error cause.',
                cause: error,
              },
            ),
          ),
        )
        .finally(() => callSignal.signal.removeEventListener('abort', onAbort));
    });
  }

  return {
    kind: 'module',
    description: where,
    supportsWire: false,
    async preflight() {
      await exported(exportName);
    },
    async send(request) {
      const timeoutMs = request.timeoutMs || context.timeoutMs;
      const callSignal = createCallSignal(request.signal, timeoutMs);
      const startedAt = performance.now();
      try {
        const value = await call(
          exportName,
          [
            request.prompt,
            {
              messages: request.messages,
              vars: request.vars,
              sessionId: request.sessionId,
              signal: callSignal.signal,
            },
          ],
          timeoutMs,
          callSignal,
        );
        return {
          text: answerText(value),
          ...(value !== null && typeof value === 'object' ? { body: value } : {}),
          latencyMs: performance.now() - startedAt,
        };
      } finally {
        callSignal.dispose();
      }
    },
    ...(spec.resetExport === undefined
      ? {}
      : {
          async reset(signal: AbortSignal) {
            const name = spec.resetExport as string;
            const callSignal = createCallSignal(signal, context.timeoutMs);
            try {
              await call(name, [{ signal: callSignal.signal }], context.timeoutMs, callSignal);
            } finally {
              callSignal.dispose();
            }
          },
        }),
    async close() {
      loaded = undefined;
    },
  };
}

/** The `module` target kind: an exported JS (or, with tsx, TS) function. */
export const moduleTargetFactory: TargetFactory = {
  kind: 'module',
  description: 'An exported function of a JavaScript module, called in-process.',
  create(spec: TargetSpec, context: TargetContext): Target {
    if (spec.kind !== 'module') throw wrongKind('module', spec.kind);
    return createModuleTarget(spec, context);
  },
};
