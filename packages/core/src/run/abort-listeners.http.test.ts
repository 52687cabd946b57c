import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../plugin/plugin.js';
import { createRegistry } from '../plugin/registry.js';
import { httpTargetFactory } from '../target/http-target.js';
import { httpSpec, makePlan, spec, testMutators } from './run-fixtures.test-util.js';
import { runPlan } from './run-plan.js';

// An agent that holds every answer until `release` is called, so all 32 calls are in flight at once.
let server: Server;
let url: string;
let held: Array<() => void> = [];
let onHeld = () => {};

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method !== 'POST') {
        res.end('ok');
        return;
      }
      held.push(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"output":"ok"}'));
      onHeld();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/invoke`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('abort listeners of a run', () => {
  it('adds one listener to the caller signal at concurrency 32, and no MaxListeners warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const registry = createRegistry([
      definePlugin({ name: 't', mutators: testMutators, targets: [httpTargetFactory] }),
    ]);
    const plan = makePlan(
      {
        target: httpSpec(url),
        goldenPrompts: [{ text: 'Book a flight', vars: {} }],
        mutations: [spec('suffix', 32)],
      },
      { concurrency: 32, retries: 0 },
    );
    const controller = new AbortController();
    let listenersWhileBusy = -1;
    const allHeld = new Promise<void>((resolve) => {
      onHeld = () => {
        if (held.length === 32) resolve();
      };
    });
    const running = runPlan(plan, { registry, signal: controller.signal, checks: async () => [] });
    await allHeld;
    listenersWhileBusy = getEventListeners(controller.signal, 'abort').length;
    for (const release of held) release();
    held = [];
    const outcome = await running;
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(outcome.summary.total).toBe(32);
    expect(outcome.stats.peakInFlight).toBe(32);
    expect(listenersWhileBusy).toBe(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});
