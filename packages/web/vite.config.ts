import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The pattern engine is pure TypeScript: bundle it from source so the scan playground needs no build step.
const patterns = fileURLToPath(new URL('../patterns/src/index.ts', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  resolve: { alias: { '@flakestorm/patterns': patterns } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // TanStack Query marks modules "use client" for React Server Components; irrelevant in a SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // `npm run dev -w @flakestorm/web` against `flakestorm serve` on the default port.
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
