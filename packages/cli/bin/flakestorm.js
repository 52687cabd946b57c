#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the root's prepare script runs `tsc -b`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'flakestorm: the CLI is not built yet. Run `npm install` (or `npm run build`) at the repository root.\n',
  );
  process.exit(2);
}
await import(entry.href);
