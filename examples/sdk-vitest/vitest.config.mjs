import { defineConfig } from 'vitest/config';

// This example's own Vitest config: `npx vitest run --config examples/sdk-vitest/vitest.config.mjs`.
export default defineConfig({
  test: { include: ['examples/sdk-vitest/**/*.test.ts'], testTimeout: 60_000 },
});
