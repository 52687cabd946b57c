#!/usr/bin/env node
// Speed and quality of @flakestorm/patterns against npm peers on the same texts, in one run.
// Measures: throughput (MB/s) and p50/p99 latency per text on the dev corpus, a 1 MB adversarial input,
// database compile time; the same texts through llm-guard and @andersmyrmel/vard (injection) and
// redact-pii (PII), with ratios and recall/FP. Usage: npm run bench:patterns   [--quick]
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultEvalDir, evaluate, patternDetectors, printEvaluation } from '../scripts/eval-patterns.mjs';

const { createScanner, builtinDatabase } = await import('../packages/patterns/dist/index.js');

const quick = process.argv.includes('--quick');
const readJsonl = (f) =>
  readFileSync(resolve(defaultEvalDir, f), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
if (!existsSync(defaultEvalDir)) {
  console.error(`No corpus at ${defaultEvalDir}`);
  process.exit(0);
}
const texts = [
  ...readJsonl('injection-dev.jsonl').map((r) => r.text),
  ...readJsonl('pii-dev.jsonl').map((r) => r.text),
  ...readJsonl('secrets-dev.jsonl').map((r) => r.text),
];
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

async function measure(name, fn, { rounds = quick ? 1 : 3 } = {}) {
  for (const t of texts.slice(0, 200)) await fn(t); // warm-up (JIT)
  const lat = [];
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const t of texts) {
      const s = performance.now();
      await fn(t);
      if (r === rounds - 1 && t.length <= 4096) lat.push(performance.now() - s);
    }
    total += performance.now() - t0;
  }
  const mbps = (bytes * rounds) / 1e6 / (total / 1000);
  return { name, mbps, p50: quantile(lat, 0.5), p99: quantile(lat, 0.99) };
}

// Compile time: median of fresh compiles of the built-in database.
const compiles = [];
for (let i = 0; i < (quick ? 3 : 9); i++) {
  const t0 = performance.now();
  createScanner(builtinDatabase());
  compiles.push(performance.now() - t0);
}
const scanner = createScanner();

// Adversarial 1 MB: dense trigger literals, digit runs, separators and near-miss encodings.
const unit = 'ignore ignore previous previous instructions? @@@@ 1111-2222 aaaa%20%2 ==== aGVsbG8 <<<< ';
const adversarial = unit.repeat(Math.ceil(1_048_576 / unit.length)).slice(0, 1_048_576);
const advRuns = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  scanner.scan(adversarial);
  advRuns.push(performance.now() - t0);
}
const pathological = 'a'.repeat(1_048_576);
const t0 = performance.now();
scanner.scan(pathological);
const pathMs = performance.now() - t0;

const ours = await measure('@flakestorm/patterns (all kinds)', (t) => scanner.scan(t));
const oursInj = await measure('@flakestorm/patterns (injection)', (t) =>
  scanner.scan(t, { kinds: ['injection'] }),
);
const oursPii = await measure('@flakestorm/patterns (pii)', (t) => scanner.scan(t, { kinds: ['pii'] }));

// Peers.
const peers = [];
const peerDetectors = {};
try {
  const { LLMGuard } = await import('llm-guard');
  const guard = new LLMGuard({ promptInjection: true, jailbreak: true });
  peers.push(await measure('llm-guard (injection+jailbreak)', (t) => guard.validate(t)));
  // llm-guard is async; quality is measured with precomputed verdicts.
  const verdicts = new Map();
  for (const r of readJsonl('injection-dev.jsonl'))
    verdicts.set(r.text, !(await guard.validate(r.text)).isValid);
  peerDetectors['llm-guard'] = { injection: (t) => verdicts.get(t) ?? false };
} catch (e) {
  console.warn('llm-guard unavailable:', e.message);
}
try {
  const { vard } = await import('@andersmyrmel/vard');
  const v = vard().maxLength(1_000_000);
  peers.push(await measure('@andersmyrmel/vard', (t) => v.safeParse(t)));
  peerDetectors['@andersmyrmel/vard'] = { injection: (t) => !v.safeParse(t).safe && !v.safeParse(t).success };
} catch (e) {
  console.warn('vard unavailable:', e.message);
}
try {
  const { SyncRedactor } = (await import('redact-pii')).default;
  const r = new SyncRedactor();
  peers.push(await measure('redact-pii', (t) => r.redact(t)));
  peerDetectors['redact-pii'] = {
    pii: (t) => (r.redact(t) !== t ? [{ start: 0, end: t.length, id: '*' }] : []),
  };
} catch (e) {
  console.warn('redact-pii unavailable:', e.message);
}

const f = (x, d = 2) => x.toFixed(d);
console.log(
  `corpus: ${texts.length} texts, ${(bytes / 1e6).toFixed(2)} MB (shared/eval dev sets), Node ${process.version}`,
);
console.log(`compile (median of ${compiles.length}): ${f(quantile(compiles, 0.5))} ms   [target < 50 ms]`);
console.log(
  `1 MB adversarial: ${f(Math.min(...advRuns))} ms best, ${f(Math.max(...advRuns))} ms worst   [target < 50 ms]`,
);
console.log(`1 MB single repeated letter: ${f(pathMs)} ms`);
console.log('\nthroughput and latency (texts <= 4 KB)');
for (const m of [ours, oursInj, oursPii, ...peers]) {
  console.log(
    `  ${m.name.padEnd(36)} ${f(m.mbps).padStart(8)} MB/s   p50 ${f(m.p50, 4)} ms   p99 ${f(m.p99, 4)} ms`,
  );
}
console.log('\nratios (ours, same kind, vs peer)');
for (const p of peers) {
  const base = p.name.startsWith('redact-pii') ? oursPii : oursInj;
  console.log(
    `  vs ${p.name.padEnd(32)} throughput x${f(base.mbps / p.mbps, 1)}   p99 x${f(p.p99 / base.p99, 1)} faster`,
  );
}

printEvaluation(evaluate(patternDetectors(scanner)), '@flakestorm/patterns');
for (const [name, det] of Object.entries(peerDetectors)) printEvaluation(evaluate(det), name);
