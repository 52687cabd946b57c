import { createServer } from 'node:net';
import type { HttpTargetSpec } from './spec.js';
import type { TargetContext } from './target-factory.js';

/** A spec for an echo agent with the defaults the config loader produces. */
export function httpSpec(url: string, overrides: Partial<HttpTargetSpec> = {}): HttpTargetSpec {
  return {
    kind: 'http',
    url,
    method: 'POST',
    headers: {},
    query: {},
    stream: 'auto',
    maxResponseBytes: 10 * 1024 * 1024,
    parseStructuredInput: false,
    session: { mode: 'history' },
    ...overrides,
  };
}

/** A port nothing listens on: bound then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 9;
}

/** A target context for tests. */
export const testContext: TargetContext = { baseDir: process.cwd(), timeoutMs: 5000, env: {} };
