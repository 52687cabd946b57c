import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests run against the TypeScript sources, so a change is tested without a build step.
export default defineConfig({
  resolve: {
    alias: {
      '@flakestorm/patterns': src('patterns'),
      '@flakestorm/core': src('core'),
      '@flakestorm/reporters': src('reporters'),
      '@flakestorm/store': src('store'),
      '@flakestorm/server': src('server'),
      '@flakestorm/demo-agent': src('demo-agent'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
