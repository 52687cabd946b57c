import { fileURLToPath } from 'node:url';

/** Path of the echo module agent (default export echoes; also `structured`, `sync`, `never`, `broken`, `reset`). */
export const echoModulePath = fileURLToPath(new URL('./fixtures/echo-module.mjs', import.meta.url));

/** Path of the JSON-lines echo command agent (run with `node`; argv "response" or "exit-now" change it). */
export const echoCommandPath = fileURLToPath(new URL('./fixtures/echo-command.mjs', import.meta.url));
