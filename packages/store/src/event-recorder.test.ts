import { describe, expect, it } from 'vitest';
import { recordRunEvents } from './event-recorder.js';
import { testBackends } from './testing/backends.js';
import { fixtureMeta, fixtureResult, fixtureSummary } from './testing/fixtures.js';

const [sqlite] = await testBackends();

describe('recordRunEvents', () => {
  it('stores results that arrive before the run row exists, then the summary', async () => {
    const store = await sqlite!.open();
    try {
      const sink = recordRunEvents(store, { project: 'events' });
      const meta = fixtureMeta('ev-1');
      sink.onEvent({ type: 'run.start', meta, totalCases: 5 });
      // Synchronously after run.start: the row insert has not finished yet.
      for (let i = 0; i < 5; i++) {
        sink.onEvent({
          type: 'case.result',
          result: fixtureResult(i),
          completed: i + 1,
          total: 5,
          passed: 0,
          failed: 0,
        });
      }
      sink.onEvent({ type: 'run.end', meta: { ...meta, status: 'completed' }, summary: fixtureSummary(5) });
      await sink.done();
      const run = await store.getRun('ev-1');
      expect(run).toMatchObject({ status: 'completed', completed: 5, passed: 3 });
      expect((await store.listResults('ev-1')).items).toHaveLength(5);
    } finally {
      await store.close();
    }
  });

  it('keeps the results of an interrupted run when run.end never comes', async () => {
    const store = await sqlite!.open();
    try {
      const sink = recordRunEvents(store);
      sink.onEvent({ type: 'run.start', meta: fixtureMeta('ev-2'), totalCases: 10 });
      for (let i = 0; i < 3; i++) {
        sink.onEvent({
          type: 'case.result',
          result: fixtureResult(i),
          completed: i + 1,
          total: 10,
          passed: 0,
          failed: 0,
        });
      }
      await sink.done();
      expect((await store.listResults('ev-2')).items).toHaveLength(3);
      expect((await store.getRun('ev-2'))?.status).toBe('running');
    } finally {
      await store.close();
    }
  });
});

describe('a run that stops on an operational error', () => {
  it('is recorded as failed with the reason, not left running', async () => {
    const store = await sqlite!.open();
    try {
      const sink = recordRunEvents(store);
      sink.onEvent({ type: 'run.start', meta: fixtureMeta('ev-3'), totalCases: 10 });
      sink.onEvent({
        type: 'run.error',
        code: 'FLAKESTORM_TARGET_UNREACHABLE',
        message: 'Cannot reach http://127.0.0.1:9/invoke: connection refused',
      });
      await sink.done();
      const run = await store.getRun('ev-3');
      expect(run?.status).toBe('failed');
      expect(run?.finishedAt).not.toBeNull();
      expect(run?.meta.warnings.at(-1)).toContain('connection refused');
    } finally {
      await store.close();
    }
  });
});
