#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/ in sequence (never in parallel: they measure speed)
// and prints their figures. Helper files (agents, probes, files starting with "_") are skipped.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(`${root}bench`)
  .filter((f) => f.endsWith('.mjs') && !f.startsWith('_') && !/agent|probe|fixture|util/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== bench/${file}`);
  const run = spawnSync(process.execPath, [`bench/${file}`], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.log(`bench/${file} failed (exit ${run.status ?? run.signal})`);
  }
}
console.log(`\n${benches.length - failed} benchmarks ran, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
