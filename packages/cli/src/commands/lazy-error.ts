import type { FlakestormError } from '@flakestorm/core';

/**
 * A FlakestormError, with the core package loaded only when one is raised. `scan` and `patterns` need
 * nothing else from core, whose import (HTTP client, config schemas) takes about 240 ms: loading it up
 * front tripled the start-up time of a one-line scan.
 */
export async function flakestormError(
  ...args: ConstructorParameters<typeof FlakestormError>
): Promise<FlakestormError> {
  const core = await import('@flakestorm/core');
  return new core.FlakestormError(...args);
}
