import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The fixture file, beside this module in src/, or in src/ when this module runs from dist/ (tsc copies no .mjs). */
function fixture(name: string): string {
  const beside = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  return existsSync(beside)
    ? beside
    : fileURLToPath(new URL(`../../src/testing/fixtures/${name}`, import.meta.url));
}

/** Path of the echo module agent (default export echoes; also `structured`, `sync`, `never`, `broken`, `reset`). */
export const echoModulePath = fixture('echo-module.mjs');

/** Path of the JSON-lines echo command agent (run with `node`; argv "response" or "exit-now" change it). */
export const echoCommandPath = fixture('echo-command.mjs');
