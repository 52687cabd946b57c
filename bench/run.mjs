#!/usr/bin/env node
// Run benchmark (`npm run bench`): a full flakestorm run against a fast local echo agent in another
// process, compared with a bare undici request loop on the same agent; the CLI's start time; and the
// peak RSS of a 100,000-case run. Targets: run >= 80% of the bare loop, --version < 150 ms, RSS < 200 MB.
// Uses the built packages (npm install builds them). Options: --cases N (full run size), --big N.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'packages/cli/bin/flakestorm.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CONCURRENCY = 32;
const CASES = arg('--cases', 12_000);
const BIG = arg('--big', 100_000);
const ROUNDS = arg('--rounds', 3);
// --ratio-only: just the full-run / bare-loop comparison (skips the start-time and RSS measures).
const RATIO_ONLY = process.argv.includes('--ratio-only');
const TYPES = [
  'noise',
  'paraphrase',
  'tone_shift',
  'prompt_injection',
  'encoding_attacks',
  'length_extremes',
];
const INVARIANTS = [
  { type: 'completes' },
  { type: 'output_not_empty' },
  { type: 'latency', max_ms: 5000 },
  { type: 'contains', value: 'You said' },
  { type: 'excludes_pattern', patterns: ['FS-CANARY-[0-9a-f]+'] },
];

if (!existsSync(join(root, 'packages/cli/dist/index.js'))) {
  console.error('bench/run: build first (npm install, or npm run build).');
  process.exit(2);
}
const { run } = await import(join(root, 'packages/cli/dist/index.js'));

function startEcho() {
  const child = spawn(process.execPath, [join(root, 'bench/echo-agent.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    createInterface({ input: child.stdout }).once('line', (line) =>
      resolve({ url: JSON.parse(line).url, child }),
    );
  });
}

/** A config of about `cases` cases: golden prompts x mutation types x count. */
function benchConfig(url, cases, extra = {}) {
  const count = 10; // per type
  const goldens = Math.max(1, Math.ceil(cases / (TYPES.length * count)));
  return {
    agent: { endpoint: `${url}/invoke`, type: 'http', timeout: 10_000 },
    golden_prompts: Array.from(
      { length: goldens },
      (_, i) => `Book flight number ${i} to Paris for next Monday`,
    ),
    mutations: { types: TYPES.map((type) => ({ type, count })) },
    invariants: INVARIANTS,
    run: { concurrency: CONCURRENCY, seed: 1, retries: 0, baseline: false },
    ...extra,
  };
}

/**
 * The baseline: a bare undici loop at the same concurrency on the same agent, sending the very request
 * bodies the full run sent (mutated prompts, long ones included), so both move the same bytes.
 */
async function bareLoop(url, total, bodies) {
  const dispatcher = new Agent({ connections: CONCURRENCY });
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const body = bodies[i % bodies.length];
      bytes += Buffer.byteLength(body);
      const res = await request(`${url}/invoke`, {
        method: 'POST',
        dispatcher,
        headers: { 'content-type': 'application/json' },
        body,
      });
      await res.body.json();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  await dispatcher.close();
  return { rate: total / seconds, bodyBytes: bytes / total };
}

async function fullRun(url, cases, onResult) {
  // Results stream to a JSONL file as they complete (as the CLI spools them); nothing is kept in memory.
  const out = join(tmpdir(), `flakestorm-bench-${process.pid}.jsonl`);
  const lines = [];
  let flushed = 0;
  let bytes = 0;
  const onEvent = (event) => {
    if (event.type !== 'case.result') return;
    bytes += event.result.sent?.bodyBytes ?? 0;
    onResult?.(event.result);
    lines.push(JSON.stringify(event.result));
    if (lines.length >= 500) {
      writeFileSync(out, `${lines.join('\n')}\n`, { flag: flushed++ === 0 ? 'w' : 'a' });
      lines.length = 0;
    }
  };
  const started = performance.now();
  const outcome = await run(benchConfig(url, cases), { onEvent, collectResults: false });
  const seconds = (performance.now() - started) / 1000;
  rmSync(out, { force: true });
  return {
    rate: outcome.summary.total / seconds,
    total: outcome.summary.total,
    robustness: outcome.summary.robustness,
    bodyBytes: bytes / outcome.summary.total,
  };
}

/** Median wall time of 10 spawns (after one warm-up spawn that fills the file cache). */
function medianSpawn(args) {
  const times = [];
  for (let i = 0; i < 11; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    if (i > 0) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return (times[4] + times[5]) / 2;
}

/** Runs the CLI on a `cases`-case config in a child process; returns its peak RSS and live heap. */
async function bigRunRss(url, cases, nodeFlags = []) {
  const config = join(tmpdir(), `flakestorm-bench-big-${process.pid}.json`);
  const report = join(tmpdir(), `flakestorm-bench-big-${process.pid}.report.json`);
  const rssFile = join(tmpdir(), `flakestorm-bench-big-${process.pid}.rss`);
  writeFileSync(config, JSON.stringify(benchConfig(url, cases)));
  const started = performance.now();
  const args = [...nodeFlags, '--expose-gc', '--import', join(root, 'bench/run-rss-probe.mjs'), cli];
  const child = spawnSync(
    process.execPath,
    [...args, 'run', '-c', config, '--no-store', '--json', report, '--quiet', '--ci'],
    {
      encoding: 'utf8',
      env: { ...process.env, FLAKESTORM_RSS_FILE: rssFile },
      maxBuffer: 1 << 26,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(`${cases}-case run failed (${child.status}): ${child.stderr.slice(-2000)}`);
  }
  const [kb, live] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  const reportMb = statSync(report).size / 1048576;
  for (const f of [config, report, rssFile]) rmSync(f, { force: true });
  return { mb: kb / 1024, liveMb: live, seconds, reportMb };
}

const echo = await startEcho();
try {
  // Warm-up (JIT and sockets), which also records the bodies the run sends for the bare loop to replay.
  const bodies = [];
  await fullRun(echo.url, CASES, (result) => {
    const prompt = result.mutated;
    bodies.push(JSON.stringify({ prompt, messages: [{ role: 'user', content: prompt }] }));
  });
  await bareLoop(echo.url, 2000, bodies);
  // Other processes may share this machine: alternate the two measures and keep the best of each.
  let bareRun = { rate: 0, bodyBytes: 0 };
  let full = { rate: 0, total: 0, robustness: 0, bodyBytes: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const b = await bareLoop(echo.url, CASES, bodies);
    if (b.rate > bareRun.rate) bareRun = b;
    const f = await fullRun(echo.url, CASES);
    if (f.rate > full.rate) full = f;
  }
  const bare = bareRun.rate;
  const ratio = full.rate / bare;
  if (RATIO_ONLY) {
    console.log(
      `bare ${bare.toFixed(0)} req/s, full ${full.rate.toFixed(0)} cases/s (${full.total} cases), ratio ${(ratio * 100).toFixed(0)}%, mean body ${bareRun.bodyBytes.toFixed(0)} B / ${full.bodyBytes.toFixed(0)} B, load ${loadavg()[0]?.toFixed(1)}`,
    );
    echo.child.kill('SIGTERM');
    process.exit(0);
  }
  const nodeMs = medianSpawn(['-e', '0']);
  const startMs = medianSpawn([cli, '--version']);
  const big = await bigRunRss(echo.url, BIG);
  // The same run with V8's old space capped: how much of the peak is GC headroom rather than live data.
  const capped = await bigRunRss(echo.url, BIG, ['--max-old-space-size=128']);

  const cpu = cpus()[0]?.model ?? 'unknown cpu';
  const row = (name, value, target = '', ok = true) =>
    `| ${name} | ${value} | ${target} | ${target ? (ok ? 'yes' : 'NO') : ''} |`;
  const n = BIG.toLocaleString('en');
  const lines = [
    `Machine: ${cpu}, ${cpus().length} cores, Node ${process.version}, ${process.platform}, load average ${loadavg()[0]?.toFixed(1)}`,
    `Echo agent in another process; concurrency ${CONCURRENCY}; five invariants; ${TYPES.length} mutation types; best of ${ROUNDS} rounds.`,
    '',
    '| measure | value | target | met |',
    '|---|---|---|---|',
    row(
      `bare undici request loop (same bodies, mean ${bareRun.bodyBytes.toFixed(0)} B)`,
      `${bare.toFixed(0)} req/s`,
    ),
    row(
      `full run (${full.total} cases, mean body ${full.bodyBytes.toFixed(0)} B, results streamed to JSONL)`,
      `${full.rate.toFixed(0)} cases/s`,
    ),
    row('full run / bare loop', `${(ratio * 100).toFixed(0)}%`, '>= 80%', ratio >= 0.8),
    row(
      '`flakestorm --version` (median of 10 spawns)',
      `${startMs.toFixed(0)} ms`,
      '< 150 ms',
      startMs < 150,
    ),
    row('`node -e 0` on the same machine (median of 10)', `${nodeMs.toFixed(0)} ms`),
    row(
      `peak RSS, ${n}-case run to a ${big.reportMb.toFixed(0)} MB JSON report (${big.seconds.toFixed(0)} s)`,
      `${big.mb.toFixed(0)} MB`,
      '< 200 MB',
      big.mb < 200,
    ),
    row('live heap after that run (after a full GC)', `${big.liveMb.toFixed(0)} MB`),
    row(
      `same run with NODE_OPTIONS=--max-old-space-size=128 (${capped.seconds.toFixed(0)} s)`,
      `${capped.mb.toFixed(0)} MB`,
      '< 200 MB',
      capped.mb < 200,
    ),
  ];
  console.log(`\n${lines.join('\n')}`);
} finally {
  echo.child.kill('SIGTERM');
}
