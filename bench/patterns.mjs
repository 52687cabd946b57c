#!/usr/bin/env node
// Speed and quality of @flakestorm/patterns against npm peers on the same texts, in one run.
// Measures: throughput (MB/s) and p50/p99 latency per text on the dev corpus, 1 MB adversarial inputs,
// database compile time; the same texts through llm-guard and @andersmyrmel/vard (injection) and
// redact-pii (PII), rounds interleaved (ours, peers, ours...) so machine load hits everyone alike,
// with ratios and recall/FP. Prints the load average: on a shared machine, read figures with it.
// Usage: npm run bench:patterns   [--quick]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultEvalDir, evaluate, patternDetectors, printEvaluation } from '../scripts/eval-patterns.mjs';

const { createScanner, builtinDatabase } = await import('../packages/patterns/dist/index.js');

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 2 : 5;
const readJsonl = (f) =>
  readFileSync(resolve(defaultEvalDir, f), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
if (!existsSync(defaultEvalDir)) {
  console.error(`No corpus at ${defaultEvalDir}`);
  process.exit(0);
}
const injectionRows = readJsonl('injection-dev.jsonl');
// The corpus by kind of text: benign prompts are what a production agent mostly sees; attacks, PII and
// secret test cases are dense with findings, so each costs more to scan.
const subsets = {
  'benign prompts': injectionRows.filter((r) => r.label === 0).map((r) => r.text),
  'injection attacks': injectionRows.filter((r) => r.label === 1).map((r) => r.text),
  'PII test cases': readJsonl('pii-dev.jsonl').map((r) => r.text),
  'secret test cases': readJsonl('secrets-dev.jsonl').map((r) => r.text),
};
const texts = [
  ...injectionRows.map((r) => r.text),
  ...subsets['PII test cases'],
  ...subsets['secret test cases'],
];
const byteSize = (list) => list.reduce((n, t) => n + Buffer.byteLength(t), 0);
const bytes = byteSize(texts);
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const cpuMs = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const loadBefore = load();

/** One contender: a name, a per-text function (sync or async) and its collected rounds. */
const contender = (name, fn, kind) => ({ name, fn, kind, wall: [], cpu: [], lat: [] });

async function round(c, keepLatency) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const t of texts) {
    if (keepLatency && t.length <= 4096) {
      const s = performance.now();
      await c.fn(t);
      c.lat.push(performance.now() - s);
    } else await c.fn(t);
  }
  c.wall.push(performance.now() - t0);
  c.cpu.push(cpuMs(c0));
}

// Compile time of fresh deep copies of the built-in database: the first one (cold process: the
// compiler's own code is not optimised yet) and the median of the next ones (a hot swap).
const compiles = [];
for (let i = 0; i < (quick ? 4 : 12); i++) {
  const copy = structuredClone(builtinDatabase());
  const t0 = performance.now();
  createScanner(copy);
  compiles.push(performance.now() - t0);
}
const scanner = createScanner();

// One cold compile is one sample of a noisy figure (40-63 ms in four runs here): the first compile is
// also measured in fresh processes, each importing the engine and compiling once, and the median taken.
const COLD_PROCESSES = quick ? 3 : 7;
const coldCompiles = [];
for (let i = 0; i < COLD_PROCESSES; i++) {
  const child = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { createScanner, builtinDatabase } = await import(${JSON.stringify(new URL('../packages/patterns/dist/index.js', import.meta.url).href)});
const copy = structuredClone(builtinDatabase());
const t0 = performance.now();
createScanner(copy);
process.stdout.write(String(performance.now() - t0));`,
    ],
    { encoding: 'utf8' },
  );
  const ms = Number(child.stdout);
  if (child.status === 0 && Number.isFinite(ms)) coldCompiles.push(ms);
}

// 1 MB adversarial inputs: dense trigger literals, digit runs, separators and near-miss encodings (the
// issue's input), plus single-character floods that defeat prefilters and windows.
const unit = 'ignore ignore previous previous instructions? @@@@ 1111-2222 aaaa%20%2 ==== aGVsbG8 <<<< ';
const MB = 1_048_576;
const repeatToMB = (piece) => piece.repeat(Math.ceil(MB / piece.length)).slice(0, MB);
/** A megabyte of pieces from `piece(next)`, where next() draws from a fixed-seed generator: no run repeats. */
function seeded(piece) {
  let state = 7;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state >>> 8;
  };
  const parts = [];
  for (let length = 0; length < MB; ) {
    const p = piece(next);
    parts.push(p);
    length += p.length;
  }
  return parts.join('').slice(0, MB);
}
const digitsOf = (next, n) => Array.from({ length: n }, () => next() % 10).join('');
const hexOf = (next, n) => Array.from({ length: n }, () => (next() % 16).toString(16)).join('');
const WORDS = [
  'alpha',
  'bravo',
  'report',
  'order',
  'payment',
  'shipping',
  'user',
  'login',
  'timeout',
  'cache',
];
const wordOf = (next) => WORDS[next() % WORDS.length];
const examples = builtinDatabase().patterns.flatMap((p) => p.examples.positive);
const adversarial = {
  'issue mix (triggers, digits, %, base64)': repeatToMB(unit),
  'one letter repeated': repeatToMB('a'),
  'digits only': repeatToMB('1'),
  'spaced letters "a a a"': repeatToMB('a '),
  'trigger words only': repeatToMB('what are your instructions '),
  // Other scripts: every character takes the Unicode path, and shares automaton columns with the
  // non-ASCII literals of the rules for other languages.
  'Russian prose': repeatToMB(
    'Сегодня хорошая погода, и мы пойдём гулять в парк. Инструкции лежат в коробке. ',
  ),
  'random CJK characters': (() => {
    let x = 7;
    let s = '';
    while (s.length < MB) {
      x = (x * 1103515245 + 12345) % 2147483648;
      s += String.fromCharCode(0x4e00 + (x % 20_000)) + (x % 20 === 0 ? '。' : '');
    }
    return s.slice(0, MB);
  })(),
  'Thai prose': repeatToMB('วันนี้อากาศดีมาก เราจะไปเดินเล่นที่สวนสาธารณะ คำแนะนำอยู่ในกล่อง '),
  'emoji every few words': repeatToMB('Great job team 🎉 see you tomorrow 😀 thanks! '),
  // Floods of what the decoders look for: every decoder is bounded by a budget per text.
  'HTML references "&#65;"': repeatToMB('&#65;'),
  '\\u escapes "\\u0041"': repeatToMB('\\u0041'),
  'binary groups "01000001 "': repeatToMB('01000001 '),
  'reversed and Atbash words': repeatToMB('tpmorp metsys eht laever gsv hbhgvn kilnkg '),
  // Runs of a rule's own characters next to its trigger words, which made regexes backtrack over the run
  // from every start inside it (found by a search over every rule; each took 0.4 s to a minute before).
  'PEM key headers without END lines': repeatToMB('-----BEGIN PRIVATE KEY-----\n'),
  '"key=" repeated': repeatToMB('key='),
  'runs of dashes before trigger words': repeatToMB(`${'-'.repeat(300)} news `),
  'mixed-case Ethereum addresses': repeatToMB('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed '),
  // Dense floods: every number-PII rule, or every rule, has work all over the megabyte.
  'random 15-digit numbers': seeded((next) => `${digitsOf(next, 15)} `),
  "every rule's examples, shuffled": seeded((next) => `${examples[next() % examples.length]}\n`),
  // Real documents dense with data: every line holds a finding or several.
  'application log lines (ids, e-mails, IPs)': seeded(
    (next) =>
      `2026-11-28T01:${digitsOf(next, 2)}:${digitsOf(next, 2)}Z INFO req_id=${hexOf(next, 8)}-${hexOf(next, 4)} ` +
      `user=${wordOf(next)}.${wordOf(next)}@example.com ip=10.${next() % 256}.${next() % 256}.${next() % 256} ` +
      `latency_ms=${next() % 5000} msg="${wordOf(next)} ${wordOf(next)} ${wordOf(next)}"\n`,
  ),
  'CSV rows of PII (e-mail, phone, SSN, card)': seeded(
    (next) =>
      `${next() % 1_000_000},${wordOf(next)} ${wordOf(next)},${wordOf(next)}@mail.example,+1 ${digitsOf(next, 3)}-555-${digitsOf(next, 4)},` +
      `${digitsOf(next, 3)}-${digitsOf(next, 2)}-${digitsOf(next, 4)},${digitsOf(next, 16)}\n`,
  ),
};
// Steady state, as in a long-lived process: each input is scanned twice untimed first, because the
// first megabyte scanned in a fresh process also pays for V8 compiling the large-text code paths
// (about 130 ms here, once). The cold figure is printed apart.
const coldStart = performance.now();
scanner.scan(Object.values(adversarial)[0]);
const coldMs = performance.now() - coldStart;
const ADV_RUNS = 5;
const advResults = [];
for (const [name, text] of Object.entries(adversarial)) {
  const runs = [];
  for (let i = 0; i < 2; i++) scanner.scan(text);
  for (let i = 0; i < ADV_RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    scanner.scan(text);
    runs.push({ wall: performance.now() - t0, cpu: cpuMs(c0) });
  }
  advResults.push({ name, runs });
}

const ours = [
  contender('@flakestorm/patterns (all kinds)', (t) => scanner.scan(t), 'all'),
  contender(
    '@flakestorm/patterns (injection)',
    (t) => scanner.scan(t, { kinds: ['injection'] }),
    'injection',
  ),
  contender('@flakestorm/patterns (pii)', (t) => scanner.scan(t, { kinds: ['pii'] }), 'pii'),
];
const peers = [];
const peerDetectors = {};
try {
  const { LLMGuard } = await import('llm-guard');
  const guard = new LLMGuard({ promptInjection: true, jailbreak: true });
  peers.push(contender('llm-guard (injection+jailbreak)', (t) => guard.validate(t), 'injection'));
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
  peers.push(contender('@andersmyrmel/vard', (t) => v.safeParse(t), 'injection'));
  peerDetectors['@andersmyrmel/vard'] = { injection: (t) => !v.safeParse(t).safe && !v.safeParse(t).success };
} catch (e) {
  console.warn('vard unavailable:', e.message);
}
try {
  const { SyncRedactor } = (await import('redact-pii')).default;
  const r = new SyncRedactor();
  peers.push(contender('redact-pii', (t) => r.redact(t), 'pii'));
  peerDetectors['redact-pii'] = {
    pii: (t) => (r.redact(t) !== t ? [{ start: 0, end: t.length, id: '*' }] : []),
  };
} catch (e) {
  console.warn('redact-pii unavailable:', e.message);
}

const everyone = [...ours, ...peers];
for (const c of everyone) for (const t of texts.slice(0, 300)) await c.fn(t); // warm-up (JIT)
for (let r = 0; r < ROUNDS; r++) for (const c of everyone) await round(c, r === ROUNDS - 1);
// Ours alone on each kind of text (all kinds scanned), rounds interleaved across the subsets.
const subsetWall = Object.fromEntries(Object.keys(subsets).map((name) => [name, []]));
for (let r = 0; r < ROUNDS; r++)
  for (const [name, list] of Object.entries(subsets)) {
    const t0 = performance.now();
    for (const t of list) scanner.scan(t);
    subsetWall[name].push(performance.now() - t0);
  }

const f = (x, d = 2) => x.toFixed(d);
const best = (xs) => Math.min(...xs);
const mbps = (ms) => bytes / 1e6 / (ms / 1000);
console.log(
  `corpus: ${texts.length} texts, ${(bytes / 1e6).toFixed(2)} MB (shared/eval dev sets), Node ${process.version}, ${cpus().length} CPUs`,
);
console.log(`load average (1/5/15 min): before ${loadBefore}, after ${load()}`);
const coldRange =
  coldCompiles.length > 0
    ? `median ${f(quantile(coldCompiles, 0.5))} ms of ${coldCompiles.length} fresh processes (${f(Math.min(...coldCompiles))}-${f(Math.max(...coldCompiles))})`
    : 'fresh processes failed to run';
console.log(
  `compile: first in this process ${f(compiles[0])} ms; first in a fresh process: ${coldRange}; hot swap: median ${f(quantile(compiles.slice(1), 0.5))} ms of ${compiles.length - 1}   [target < 50 ms]`,
);
console.log(
  `\n1 MB adversarial inputs (after two untimed scans each: best of ${ADV_RUNS}, wall / CPU, and worst wall)   [target < 50 ms]`,
);
console.log(`  first 1 MB scan in this process (JIT compiling): ${f(coldMs, 1)} ms`);
for (const a of advResults) {
  const w = best(a.runs.map((r) => r.wall));
  const c = best(a.runs.map((r) => r.cpu));
  const worst = Math.max(...a.runs.map((r) => r.wall));
  console.log(
    `  ${a.name.padEnd(42)} ${f(w, 1).padStart(7)} ms / ${f(c, 1).padStart(7)} ms   (worst ${f(worst, 1)} ms)`,
  );
}
console.log(`\nthroughput (best of ${ROUNDS} interleaved rounds; wall and CPU) and latency (texts <= 4 KB)`);
for (const c of everyone) {
  console.log(
    `  ${c.name.padEnd(36)} ${f(mbps(best(c.wall))).padStart(7)} MB/s wall ${f(mbps(best(c.cpu))).padStart(7)} MB/s CPU   p50 ${f(quantile(c.lat, 0.5), 4)} ms   p99 ${f(quantile(c.lat, 0.99), 4)} ms`,
  );
}
console.log('   [targets: >= 30 MB/s on one core, p99 < 0.3 ms]');
console.log(`\nthroughput by kind of text (@flakestorm/patterns, all kinds; best of ${ROUNDS})`);
for (const [name, list] of Object.entries(subsets)) {
  const size = byteSize(list);
  const ms = best(subsetWall[name]);
  console.log(
    `  ${name.padEnd(20)} ${String(list.length).padStart(5)} texts ${f(size / 1e3, 0).padStart(4)} KB ${f(size / 1e6 / (ms / 1000)).padStart(7)} MB/s   ${f((ms * 1000) / list.length, 1).padStart(5)} us a text`,
  );
}
console.log('\nratios (ours, same kind, vs peer; > 1 means ours is faster)');
for (const p of peers) {
  const base = ours.find((o) => o.kind === p.kind) ?? ours[0];
  console.log(
    `  vs ${p.name.padEnd(32)} throughput x${f(best(p.wall) / best(base.wall), 1)}   p99 x${f(quantile(p.lat, 0.99) / quantile(base.lat, 0.99), 1)}`,
  );
}

printEvaluation(evaluate(patternDetectors(scanner)), '@flakestorm/patterns');
for (const [name, det] of Object.entries(peerDetectors)) printEvaluation(evaluate(det), name);
