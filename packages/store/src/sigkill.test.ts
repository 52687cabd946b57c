import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from './store.js';
import { testBackends } from './testing/backends.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const child = fileURLToPath(new URL('./testing/writer-child.mjs', import.meta.url));
const backends = await testBackends();

/** The child runs the compiled store, as a real `flakestorm run` process would; `tsc -b` is a no-op when current. */
function ensureBuilt(): void {
  execFileSync('npx', ['tsc', '-b', packageDir], { stdio: 'inherit' });
}

for (const backend of backends) {
  describe.skipIf(backend.skip !== undefined)(`SIGKILL during a run on ${backend.name}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
    });

    it('keeps every committed result and marks the run interrupted on next start', async () => {
      ensureBuilt();
      store = await backend.open();
      await store.close();
      store = undefined;
      const { url, searchPath } = backend.connection();
      const args = searchPath ? [url, searchPath] : [url];
      const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
      let lastPersisted = 0;
      await new Promise<void>((resolve, reject) => {
        proc.stdout.setEncoding('utf8');
        proc.stdout.on('data', (chunk: string) => {
          const counts = [...chunk.matchAll(/persisted (\d+)/g)].map((m) => Number(m[1]));
          lastPersisted = Math.max(lastPersisted, ...counts);
          if (lastPersisted >= 200) {
            proc.kill('SIGKILL');
          }
        });
        proc.on('exit', (_code, signal) =>
          signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${_code}`)),
        );
      });
      store = await backend.reopen({ staleAfterMs: 0 });
      const run = await store.getRun('killed-run');
      expect(run?.status).toBe('interrupted');
      let stored = 0;
      for await (const _ of store.iterateResults('killed-run')) stored++;
      expect(stored).toBeGreaterThanOrEqual(lastPersisted);
      expect(run?.completed).toBe(stored);
    });
  });
}
