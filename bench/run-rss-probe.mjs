// Preloaded with `node --import` into a CLI child process by bench/run.mjs: on exit, writes the
// process's peak resident set size (VmHWM) to the file named by FLAKESTORM_RSS_FILE.
import { readFileSync, writeFileSync } from 'node:fs';

const out = process.env.FLAKESTORM_RSS_FILE;
if (out) {
  process.on('exit', () => {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    const kb = hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS;
    writeFileSync(out, String(kb));
  });
}
