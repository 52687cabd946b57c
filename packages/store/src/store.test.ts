import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from './store.js';
import { testBackends } from './testing/backends.js';
import { fixtureMeta, fixtureResult, fixtureSummary } from './testing/fixtures.js';

const backends = await testBackends();

for (const backend of backends) {
  describe.skipIf(backend.skip !== undefined)(`store on ${backend.name}`, () => {
    if (backend.skip) console.warn(`skipping store on ${backend.name}: ${backend.skip}`);
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('records a run streaming, then lists, pages and filters it', async () => {
      store = await backend.open();
      const recorder = await store.startRun(fixtureMeta('run-a'), 25);
      for (let i = 0; i < 25; i++) recorder.add(fixtureResult(i));
      await recorder.flush();
      expect(recorder.persisted).toBe(25);
      const live = await store.getRun('run-a');
      expect(live?.status).toBe('running');
      expect(live?.completed).toBe(25);
      await recorder.finish(
        { ...fixtureMeta('run-a'), status: 'completed', finishedAt: new Date().toISOString() },
        fixtureSummary(25),
      );

      const run = await store.getRun('run-a');
      expect(run).toMatchObject({ status: 'completed', passed: 13, failed: 12, errored: 2, totalCases: 25 });
      expect(run?.summary?.robustness).toBeCloseTo(13 / 25);

      const firstPage = await store.listResults('run-a', { limit: 10 });
      expect(firstPage.items.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const second = await store.listResults('run-a', { limit: 10, cursor: firstPage.nextCursor ?? '' });
      expect(second.items[0]?.index).toBe(10);

      const failed = await store.listResults('run-a', { passed: false, limit: 100 });
      expect(failed.items.every((r) => !r.passed)).toBe(true);
      expect(failed.items).toHaveLength(12);
      const injections = await store.listResults('run-a', { mutationType: 'prompt_injection', limit: 100 });
      expect(injections.items.every((r) => r.mutationType === 'prompt_injection')).toBe(true);
      const byInvariant = await store.listResults('run-a', { failedInvariant: 'latency', limit: 100 });
      expect(byInvariant.items).toHaveLength(12);
      expect((await store.listResults('run-a', { failedInvariant: 'laten', limit: 100 })).items).toHaveLength(
        0,
      );
      const timeouts = await store.listResults('run-a', { errorCause: 'timeout', limit: 100 });
      expect(timeouts.items.map((r) => r.index)).toEqual([9, 19]);

      const all: number[] = [];
      for await (const r of store.iterateResults('run-a')) all.push(r.index);
      expect(all).toHaveLength(25);
    });

    it('pages runs newest first with a stable cursor and filters by status and search', async () => {
      store = await backend.open();
      for (let i = 0; i < 7; i++) {
        const startedAt = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
        const rec = await store.startRun(
          {
            ...fixtureMeta(`run-${i}`, startedAt),
            agent: { kind: 'http', description: i % 2 ? 'odd agent' : 'even agent' },
          },
          0,
        );
        if (i !== 3)
          await rec.finish({ ...fixtureMeta(`run-${i}`, startedAt), status: 'completed' }, fixtureSummary(0));
      }
      const p1 = await store.listRuns({ limit: 3 });
      expect(p1.items.map((r) => r.id)).toEqual(['run-6', 'run-5', 'run-4']);
      const p2 = await store.listRuns({ limit: 3, cursor: p1.nextCursor ?? '' });
      expect(p2.items.map((r) => r.id)).toEqual(['run-3', 'run-2', 'run-1']);
      const p3 = await store.listRuns({ limit: 3, cursor: p2.nextCursor ?? '' });
      expect(p3.items.map((r) => r.id)).toEqual(['run-0']);
      expect(p3.nextCursor).toBeNull();
      expect((await store.listRuns({ status: 'running' })).items.map((r) => r.id)).toEqual(['run-3']);
      expect((await store.listRuns({ search: 'ODD' })).items.map((r) => r.id)).toEqual([
        'run-5',
        'run-3',
        'run-1',
      ]);
      expect((await store.listRuns({ search: '%' })).items).toHaveLength(0);
    });

    it('keeps rows apart by workspace and project', async () => {
      store = await backend.open();
      const rec = await store.startRun(fixtureMeta('run-x'), 1, { workspace: 'team-a', project: 'checkout' });
      rec.add(fixtureResult(0));
      await rec.finish({ ...fixtureMeta('run-x'), status: 'completed' }, fixtureSummary(1));
      expect(await store.getRun('run-x')).toBeUndefined();
      expect((await store.getRun('run-x', 'team-a'))?.status).toBe('completed');
      expect((await store.listRuns()).items).toHaveLength(0);
      expect((await store.listResults('run-x')).items).toHaveLength(0);
      expect((await store.listProjects('team-a')).map((p) => p.name)).toEqual(['checkout']);
    });

    it('gives score trends oldest first from completed runs only', async () => {
      store = await backend.open();
      for (let i = 0; i < 3; i++) {
        const startedAt = new Date(Date.UTC(2026, 0, 1, i)).toISOString();
        const rec = await store.startRun(fixtureMeta(`t-${i}`, startedAt), 4);
        for (let j = 0; j < 4; j++) rec.add(fixtureResult(j));
        await rec.finish(
          { ...fixtureMeta(`t-${i}`, startedAt), status: i === 1 ? 'interrupted' : 'completed' },
          fixtureSummary(4),
        );
      }
      const points = await store.trends();
      expect(points.map((p) => p.runId)).toEqual(['t-0', 't-2']);
      expect(points[0]?.byType.noise).toBeCloseTo(0.5);
    });

    it('stores agents and their configs, replacing by name', async () => {
      store = await backend.open();
      const a = await store.upsertAgent({ name: 'support-bot', configYaml: 'version: "3"\n' });
      const b = await store.upsertAgent({ name: 'support-bot', configYaml: 'version: "3"\n# v2\n' });
      expect(b.id).toBe(a.id);
      expect((await store.getAgent(a.id))?.configYaml).toContain('# v2');
      expect(await store.listAgents()).toHaveLength(1);
    });

    it('marks a run whose process died as interrupted on next start, keeping its results', async () => {
      store = await backend.open({ staleAfterMs: 60_000 });
      const rec = await store.startRun(fixtureMeta('dead'), 10);
      for (let i = 0; i < 4; i++) rec.add(fixtureResult(i));
      await rec.flush();
      await store.close();
      store = await backend.reopen({ staleAfterMs: 0 });
      expect(store.recoveredRuns).toBe(1);
      const run = await store.getRun('dead');
      expect(run?.status).toBe('interrupted');
      expect((await store.listResults('dead')).items).toHaveLength(4);
    });

    it('reports a wrong database clearly', async () => {
      const { createStore } = await import('./store.js');
      await expect(createStore({ url: 'postgres://nobody:secret@127.0.0.1:1/none' })).rejects.toMatchObject({
        code: 'FLAKESTORM_STORE_FAILED',
        message: expect.not.stringContaining('secret'),
      });
    });
  });
}

for (const backend of backends) {
  describe.skipIf(backend.skip !== undefined)(`api tokens on ${backend.name}`, () => {
    it('stores only hashes and finds tokens by hash', async () => {
      const store = await backend.open();
      try {
        expect(await store.countApiTokens('admin')).toBe(0);
        const created = await store.createApiToken({ name: 'admin', role: 'admin', tokenHash: 'h1' });
        expect(await store.countApiTokens('admin')).toBe(1);
        expect((await store.findApiToken('h1'))?.id).toBe(created.id);
        expect(await store.findApiToken('h2')).toBeUndefined();
        await expect(store.createApiToken({ name: 'dup', role: 'admin', tokenHash: 'h1' })).rejects.toThrow();
      } finally {
        await store.close();
      }
    });
  });
}

for (const backend of backends) {
  describe.skipIf(backend.skip !== undefined)(`queued runs on ${backend.name}`, () => {
    it('lists a queued run, then starting it takes the row over', async () => {
      const store = await backend.open();
      try {
        await store.queueRun(fixtureMeta('q1'), { project: 'p' });
        expect((await store.getRun('q1'))?.status).toBe('queued');
        const rec = await store.startRun({ ...fixtureMeta('q1'), seed: 99 }, 3, { project: 'p' });
        expect(await store.getRun('q1')).toMatchObject({ status: 'running', seed: 99, totalCases: 3 });
        await rec.finish({ ...fixtureMeta('q1'), status: 'completed' }, fixtureSummary(0));
        expect((await store.listRuns()).items.map((r) => r.id)).toEqual(['q1']);
      } finally {
        await store.close();
      }
    });
  });
}
