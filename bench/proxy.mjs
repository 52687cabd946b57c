#!/usr/bin/env node
// Chaos proxy benchmark (`npm run bench -- proxy`): latency the proxy adds when no fault fires, measured
// against direct calls to the same upstream. Upstream, proxy and client run in three processes; calls
// are sequential (one in flight) and direct/proxied batches alternate so that drift hits both alike.
// Target: p99 added latency < 1 ms. Uses the built packages (npm install builds them). Option: --calls N.
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';

const root = fileURLToPath(new URL('..', import.meta.url));
const i = process.argv.indexOf('--calls');
const CALLS = i >= 0 ? Number(process.argv[i + 1]) : 6000;
const WARMUP = 500;

function start(file, args = []) {
  const child = spawn(process.execPath, [`${root}bench/${file}`, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (url) => resolve({ url: url.trim(), child }));
  });
}

const payload = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'Where is my order?' }] });

async function call(pool, path) {
  const started = process.hrtime.bigint();
  const { statusCode, body } = await pool.request({
    path,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: payload,
  });
  await body.text();
  if (statusCode !== 200) throw new Error(`status ${statusCode} on ${path}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const upstream = await start('_proxy-upstream.mjs');
const proxy = await start('_proxy-server.mjs', [upstream.url]);
const direct = new Pool(upstream.url, { connections: 1, pipelining: 1 });
const viaProxy = new Pool(proxy.url, { connections: 1, pipelining: 1 });
try {
  for (let n = 0; n < WARMUP; n++) {
    await call(direct, '/v1/chat/completions');
    await call(viaProxy, '/llm/v1/chat/completions');
  }
  const times = { direct: [], proxy: [] };
  for (let n = 0; n < CALLS; n++) {
    times.direct.push(await call(direct, '/v1/chat/completions'));
    times.proxy.push(await call(viaProxy, '/llm/v1/chat/completions'));
  }
  const d = times.direct.sort((a, b) => a - b);
  const p = times.proxy.sort((a, b) => a - b);
  const fmt = (x) => `${x.toFixed(3)} ms`;
  console.log(`calls: ${d.length} direct, ${p.length} through the proxy (sequential, 4 non-firing rules)`);
  for (const q of [50, 90, 99]) {
    console.log(
      `p${q}: direct ${fmt(percentile(d, q))}  proxy ${fmt(percentile(p, q))}  added ${fmt(percentile(p, q) - percentile(d, q))}`,
    );
  }
  const added = percentile(p, 99) - percentile(d, 99);
  const [load] = loadavg();
  console.log(`p99 added latency: ${fmt(added)} (target < 1 ms) ${added < 1 ? 'OK' : 'OVER BUDGET'}`);
  if (load > cpus().length) {
    console.log(
      `note: load average ${load.toFixed(1)} on ${cpus().length} cores; tail latencies include waits for a CPU`,
    );
  }
  process.exitCode = added < 1 ? 0 : 1;
} finally {
  await direct.close();
  await viaProxy.close();
  for (const { child } of [upstream, proxy]) {
    child.removeAllListeners('exit');
    child.kill();
  }
}
