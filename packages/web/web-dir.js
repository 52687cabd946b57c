import { fileURLToPath } from 'node:url';

/** Absolute path of the built dashboard (`packages/web/dist`), for `startServer({ webDir })`. */
export const webDir = fileURLToPath(new URL('./dist/', import.meta.url));
