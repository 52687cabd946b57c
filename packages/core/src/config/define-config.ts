import type { FlakestormConfigInput } from './config-schema.js';

/** Typed identity for configs written in TypeScript (flakestorm.config.ts): editors complete every key. */
export function defineConfig(config: FlakestormConfigInput): FlakestormConfigInput {
  return config;
}
