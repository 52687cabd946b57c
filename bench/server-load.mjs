#!/usr/bin/env node
// Load test of the server's read API (issue 7): seeds 1,000 runs and 100,000 results into a temp SQLite
// store, starts `flakestorm serve` on 127.0.0.1 in a child process, then drives it with 50 concurrent
// clients for 20 s against the run list and results endpoints. Prints requests, errors and latency
// percentiles; exits 1 when there are errors or p99 is over budget. Loopback only, bounded in time.
//
//   npm run build && npm run bench:server
//   BENCH_SECONDS=5 BENCH_CLIENTS=10 node bench/server-load.mjs   (a quick smoke run)
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const RUNS = Number(process.env.BENCH_RUNS ?? 1000);
const RESULTS = Number(process.env.BENCH_RESULTS ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 20), 120);
const P99_BUDGET_MS = 100;
const TOKEN = 'bench-admin-token-0123456789abcdef';

const types = [
  'noise',
  'paraphrase',
  'prompt_injection',
  'typo',
  'tone',
  'encoding',
  'jailbreak',
  'long_input',
];
const invariants = ['latency-1', 'contains-2', 'no_pii-3'];

if (process.argv[2] === '--serve') {
  // Child: the server under test, alone in its process so the load generator does not skew it.
  const { startServer } = await import('@flakestorm/server');
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    db: process.argv[3],
    env: { FLAKESTORM_ADMIN_TOKEN: TOKEN },
  });
  process.send?.({ url: server.url });
  process.on('message', async () => {
    await server.close();
    process.exit(0);
  });
} else {
  await main();
}

function summaryFor(passed, total) {
  const byType = Object.fromEntries(
    types.map((t) => [t, { total: 12, passed: 10, rate: 10 / 12, weight: 1, robustness: 10 / 12 }]),
  );
  const byInvariant = Object.fromEntries(
    invariants.map((id) => [
      id,
      { total, passed, rate: passed / total, type: id.split('-')[0], severity: 'medium' },
    ]),
  );
  return {
    robustness: passed / total,
    band: 'good',
    total,
    passed,
    failed: total - passed,
    errored: 0,
    weightedPassed: passed,
    weightedTotal: total,
    byType,
    byInvariant,
    bySeverity: {
      critical: { checks: 0, failed: 0 },
      high: { checks: 0, failed: 0 },
      medium: { checks: total, failed: total - passed },
      low: { checks: 0, failed: 0 },
    },
    latency: {
      count: total,
      mean: 120,
      min: 20,
      max: 900,
      p50: 100,
      p95: 400,
      p99: 800,
      histogram: [
        { le: 100, count: 50 },
        { le: 1000, count: total - 50 },
      ],
    },
    flaky: [],
    errorsByCause: {},
    durationMs: 30_000,
  };
}

function resultFor(runId, idx) {
  const type = types[idx % types.length];
  const passed = idx % 5 !== 0;
  const goldenPrompt = `Golden prompt number ${idx % 10}: what is the status of my order?`;
  const mutated = `${goldenPrompt} (${type} variant ${idx}) ${'lorem ipsum '.repeat(8)}`;
  return {
    id: `${runId}-c${idx}`,
    index: idx,
    goldenIndex: idx % 10,
    goldenPrompt,
    mutationType: type,
    variantIndex: idx % 3,
    label: `${type} #${idx % 3}`,
    weight: 1,
    mutated,
    response: `Your order is on its way. ${'details '.repeat(20)}`,
    status: 200,
    latencyMs: 20 + (idx % 300),
    passed,
    checks: invariants.map((id) => ({
      type: id.split('-')[0],
      id,
      passed: passed || id !== 'contains-2',
      reason: passed ? 'ok' : 'Expected the response to contain "refund"; it does not.',
      severity: 'medium',
    })),
    error: null,
    sent: {
      method: 'POST',
      url: 'http://127.0.0.1:9/invoke',
      headers: [['content-type', 'application/json']],
      bodyBytes: 200,
      bodyPreview: '{"prompt":"…"}',
    },
    exchanges: [],
  };
}

/** Creates the schema through the store, then bulk-inserts rows with better-sqlite3 in one transaction. */
async function seed(dbPath) {
  const { createStore } = await import('@flakestorm/store');
  const store = await createStore({ url: dbPath });
  const projectId = await store.projectId();
  const workspaceId =
    (await store.listProjects()).find((p) => p.id === projectId)?.workspaceId ?? 'ws_default';
  await store.close();

  const { default: Database } = await import('better-sqlite3');
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  const insertRun =
    db.prepare(`insert into runs (id, workspace_id, project_id, agent_id, status, origin, started_at,
    finished_at, heartbeat_at, config_hash, agent_kind, agent_description, seed, total_cases, completed, passed, failed,
    errored, robustness, meta_json, summary_json) values (?, ?, ?, null, ?, 'cli', ?, ?, ?, ?, 'http', ?, 1, ?, ?, ?, ?, 0, ?, ?, ?)`);
  const insertResult =
    db.prepare(`insert into results (run_id, idx, workspace_id, project_id, case_id, golden_index,
    mutation_type, passed, latency_ms, error_cause, failed_checks, result_json) values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?)`);
  const perRun = Math.floor(RESULTS / RUNS);
  const runIds = [];
  const start = Date.parse('2025-01-01T00:00:00.000Z');
  db.transaction(() => {
    for (let r = 0; r < RUNS; r++) {
      const id = `01BENCH${String(r).padStart(8, '0')}`;
      runIds.push(id);
      const startedAt = new Date(start + r * 3_600_000).toISOString();
      const total = perRun + (r < RESULTS % RUNS ? 1 : 0);
      const passed = total - Math.ceil(total / 5);
      const status = r % 50 === 7 ? 'interrupted' : 'completed';
      const meta = {
        runId: id,
        status,
        startedAt,
        tool: { name: 'flakestorm', version: '0.1.0' },
        configHash: `h${r % 20}`,
        configSource: 'flakestorm.yaml',
        agent: { kind: 'http', description: `POST http://agent-${r % 7}.local/invoke` },
        seed: 1,
        mutationTypes: types,
        invariants: invariants.map((i) => ({ id: i, type: i.split('-')[0], severity: 'medium' })),
        warnings: [],
      };
      insertRun.run(
        id,
        workspaceId,
        projectId,
        status,
        startedAt,
        startedAt,
        startedAt,
        meta.configHash,
        meta.agent.description,
        total,
        total,
        passed,
        total - passed,
        passed / total,
        JSON.stringify(meta),
        JSON.stringify(summaryFor(passed, total)),
      );
      for (let i = 0; i < total; i++) {
        const result = resultFor(id, i);
        insertResult.run(
          id,
          i,
          workspaceId,
          projectId,
          result.id,
          result.goldenIndex,
          result.mutationType,
          result.passed ? 1 : 0,
          result.latencyMs,
          result.passed ? '' : 'contains-2',
          JSON.stringify(result),
        );
      }
    }
  })();
  db.close();
  return runIds;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'fs-server-load-'));
  const dbPath = join(dir, 'flakestorm.db');
  const seedStart = performance.now();
  const runIds = await seed(dbPath);
  console.log(
    `seeded ${RUNS} runs and ${RESULTS} results in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const child = fork(new URL(import.meta.url), ['--serve', dbPath], { stdio: 'inherit' });
  const { url } = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  if (!/^http:\/\/127\.0\.0\.1:/.test(url))
    throw new Error(`refusing to load-test a non-loopback address: ${url}`);

  // A few cursors deep into the list, so paging is measured beyond the first page.
  const headers = { authorization: `Bearer ${TOKEN}` };
  const cursors = [];
  let cursor;
  for (let i = 0; i < 5; i++) {
    const page = await (
      await fetch(`${url}/api/runs?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers })
    ).json();
    cursor = page.nextCursor;
    if (cursor) cursors.push(cursor);
  }
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  const requests = [
    () => '/api/runs?limit=50',
    () => `/api/runs?limit=50&cursor=${pick(cursors)}`,
    () => '/api/runs?limit=50&status=completed',
    () => '/api/runs?limit=50&search=agent-3',
    () => `/api/runs/${pick(runIds)}/results?limit=100`,
    () => `/api/runs/${pick(runIds)}/results?limit=100&passed=false`,
    () => `/api/runs/${pick(runIds)}/results?limit=50&cursor=40&mutationType=noise`,
    () => `/api/runs/${pick(runIds)}/results?limit=100&invariant=contains-2`,
  ];

  const latencies = [];
  const byEndpoint = new Map();
  let errors = 0;
  const firstErrors = [];
  const deadline = performance.now() + SECONDS * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const kind = Math.floor(Math.random() * requests.length);
      const path = requests[kind]();
      const t0 = performance.now();
      try {
        const response = await fetch(`${url}${path}`, { headers });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${response.status} ${path}`);
      } catch (error) {
        errors++;
        if (firstErrors.length < 5) firstErrors.push(String(error));
      }
      const ms = performance.now() - t0;
      latencies.push(ms);
      const label = path.replace(/01BENCH\d+/, ':id').replace(/cursor=[^&]+/, 'cursor=…');
      const bucket = byEndpoint.get(label) ?? [];
      bucket.push(ms);
      byEndpoint.set(label, bucket);
    }
  };
  console.log(`${CLIENTS} clients for ${SECONDS} s against ${url} …`);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const elapsed = (performance.now() - t0) / 1000;

  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });

  const report = (label, values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const f = (p) => percentile(sorted, p).toFixed(1);
    console.log(
      `${label.padEnd(64)} ${String(values.length).padStart(7)} req   p50 ${f(50)} ms   p95 ${f(95)} ms   p99 ${f(99)} ms`,
    );
    return percentile(sorted, 99);
  };
  console.log(
    `\nrequests ${latencies.length} (${(latencies.length / elapsed).toFixed(0)}/s), errors ${errors}`,
  );
  const p99 = report('all', latencies);
  for (const [label, values] of byEndpoint) report(label, values);
  if (firstErrors.length) console.log('first errors:', firstErrors);
  const ok = errors === 0 && p99 < P99_BUDGET_MS;
  console.log(
    ok
      ? `\nPASS: no errors, p99 under ${P99_BUDGET_MS} ms`
      : `\nFAIL: target is no errors and p99 under ${P99_BUDGET_MS} ms`,
  );
  process.exitCode = ok ? 0 : 1;
}
