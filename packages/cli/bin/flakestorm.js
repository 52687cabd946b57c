#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the root's prepare script runs `tsc -b`).
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
// Fast path: `--version` answers without loading the command parser (start time is a budget).
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
  process.exit(0);
}
const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'flakestorm: the CLI is not built yet. Run `npm install` (or `npm run build`) at the repository root.\n',
  );
  process.exit(2);
}
await import(entry.href);
