// Child process for the SIGKILL test: records results into a store one at a time and reports, after
// each commit, how many are durable. The parent kills it with SIGKILL mid-run.
import { createStore } from '../../dist/index.js';

const [url, searchPath] = process.argv.slice(2);
const store = await createStore({ url, ...(searchPath ? { searchPath } : {}) });
const meta = {
  runId: 'killed-run',
  status: 'running',
  startedAt: new Date().toISOString(),
  tool: { name: 'flakestorm', version: '0.0.0-test' },
  configHash: 'x',
  configSource: 'inline',
  agent: { kind: 'http', description: 'test' },
  seed: 1,
  mutationTypes: ['noise'],
  invariants: [],
  warnings: [],
};
const recorder = await store.startRun(meta, 1_000_000);
for (let i = 0; ; i++) {
  recorder.add({
    id: `c${i}`,
    index: i,
    goldenIndex: 0,
    goldenPrompt: 'p',
    mutationType: 'noise',
    variantIndex: i,
    label: 'l',
    weight: 1,
    mutated: 'm',
    response: 'r',
    latencyMs: 1,
    passed: true,
    checks: [],
    error: null,
    exchanges: [],
  });
  if (i % 7 === 6) {
    await recorder.flush();
    process.stdout.write(`persisted ${recorder.persisted}\n`);
  }
}
