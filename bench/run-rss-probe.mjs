// Preloaded with `node --import` into a CLI child process by bench/run.mjs: on exit, writes the
// process's peak resident set size (VmHWM, kB) and, when started with --expose-gc, the live heap after
// a full GC (MB) to the file named by FLAKESTORM_RSS_FILE, as "peakKb liveHeapMb".
import { readFileSync, writeFileSync } from 'node:fs';

const out = process.env.FLAKESTORM_RSS_FILE;
if (out) {
  process.on('exit', () => {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    const kb = hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS;
    let live = -1;
    if (typeof globalThis.gc === 'function') {
      globalThis.gc();
      live = process.memoryUsage().heapUsed / 1048576;
    }
    writeFileSync(out, `${kb} ${live.toFixed(1)}`);
  });
}
