import { FlakestormError } from '../errors.js';
import { defineMutator, type Mutator } from '../mutation/mutator.js';
import { definePlugin } from '../plugin/plugin.js';
import { createRegistry, type Registry } from '../plugin/registry.js';
import type { HttpTargetSpec } from '../target/spec.js';
import type { Target, TargetRequest, TargetResponse } from '../target/target.js';
import { httpSpec as targetHttpSpec } from '../target/test-helpers.test-util.js';
import type { Clock } from './clock.js';
import type { RunEvent } from './events.js';
import type { MutationSpec, RunPlan } from './plan.js';

function mutator(type: string, make: Mutator['mutate'], extra: Partial<Mutator> = {}): Mutator {
  return defineMutator({
    type,
    group: 'core',
    description: `test mutator ${type}`,
    defaultWeight: 1,
    wireLevel: false,
    multiTurn: false,
    preservesMeaning: true,
    example: type,
    mutate: make,
    ...extra,
  });
}

/** Counts how many times each test mutator ran (to prove expansion is lazy). */
export const mutateCalls = { count: 0 };

/** Test mutators: seeded suffixes, a short one, an upper-caser, a wire one and one that throws. */
export const testMutators: Mutator[] = [
  mutator('suffix', (prompt, { count, random }) => {
    mutateCalls.count++;
    return Array.from({ length: count }, (_, i) => ({
      prompt: `${prompt} #${i}-${random.int(1e9)}`,
      label: `suffix ${i}`,
    }));
  }),
  mutator('short', (prompt) => [
    { prompt: `${prompt}?`, label: 'q' },
    { prompt: `${prompt}!`, label: 'bang' },
  ]),
  mutator('upper', (prompt, { count }) =>
    Array.from({ length: count }, (_, i) => ({
      prompt: `${prompt.toUpperCase()}${'.'.repeat(i)}`,
      label: 'upper',
    })),
  ),
  mutator(
    'header',
    (prompt, { count }) =>
      Array.from({ length: count }, (_, i) => ({
        prompt,
        label: `header ${i}`,
        wire: { kind: 'headers' as const, headers: [['x-test', String(i)] as [string, string]] },
      })),
    { wireLevel: true },
  ),
  mutator('boom', () => {
    throw new Error('mutator exploded');
  }),
];

/** A registry holding only the test mutators. */
export function testRegistry(): Registry {
  return createRegistry([definePlugin({ name: 't', mutators: testMutators })]);
}

/** A mutation spec with defaults. */
export function spec(type: string, count: number, extra: Partial<MutationSpec> = {}): MutationSpec {
  return { type, count, weight: 1, generator: 'rules', options: {}, ...extra };
}

/** The target tests' HTTP spec, one session per call, for runs against a real local server. */
export const httpSpec = (url: string): HttpTargetSpec =>
  targetHttpSpec(url, { maxResponseBytes: 1_000_000, session: { mode: 'none' } });

/** A small plan against a module target, overridable. */
export function makePlan(
  overrides: Partial<RunPlan> = {},
  settings: Partial<RunPlan['settings']> = {},
): RunPlan {
  return {
    source: 'inline',
    baseDir: '/tmp',
    target: { kind: 'module', path: './agent.js', exportName: 'default' },
    timeoutMs: 5000,
    goldenPrompts: [
      { text: 'Book a flight to Paris', vars: {} },
      { text: 'What is my balance?', vars: {} },
    ],
    mutations: [spec('suffix', 3)],
    invariants: [],
    output: { formats: [], dir: 'reports' },
    warnings: [],
    ...overrides,
    settings: {
      concurrency: 4,
      retries: 2,
      retryBaseMs: 100,
      timeoutMs: 5000,
      repeat: 1,
      seed: 42,
      baseline: false,
      ...settings,
    },
  };
}

/** An in-process target whose answers come from a handler; it measures concurrency. */
export interface FakeTarget extends Target {
  calls: TargetRequest[];
  maxInFlight: number;
  closed: boolean;
}

/** Creates a fake target; by default it echoes the prompt. */
export function fakeTarget(
  handler: (request: TargetRequest, call: number) => Promise<string> | string = (r) => `echo: ${r.prompt}`,
  options: { supportsWire?: boolean; preflight?: () => Promise<void>; keepCalls?: boolean } = {},
): FakeTarget {
  let inFlight = 0;
  let count = 0;
  const target: FakeTarget = {
    kind: 'fake',
    description: 'fake in-process agent',
    supportsWire: options.supportsWire ?? false,
    calls: [],
    maxInFlight: 0,
    closed: false,
    preflight: options.preflight ?? (async () => {}),
    async send(request): Promise<TargetResponse> {
      const call = count++;
      if (options.keepCalls !== false) target.calls.push(request);
      inFlight++;
      target.maxInFlight = Math.max(target.maxInFlight, inFlight);
      try {
        const text = await handler(request, call);
        return { text, latencyMs: 5, ...(request.wire ? { wireApplied: true } : {}) };
      } finally {
        inFlight--;
      }
    },
    async close() {
      target.closed = true;
    },
  };
  return target;
}

/**
 * A discrete-event clock: sleeps wait in virtual time, and whenever the process is otherwise idle
 * (a setImmediate turn) the earliest sleeper wakes and time jumps to its deadline. Records every sleep.
 */
export function virtualClock(): Clock & { sleeps: number[]; time: number } {
  const timers: Array<{ at: number; order: number; resolve: () => void }> = [];
  let order = 0;
  let pumping = false;
  const pump = () => {
    pumping = false;
    timers.sort((a, b) => a.at - b.at || a.order - b.order);
    const first = timers.shift();
    if (!first) return;
    clock.time = Math.max(clock.time, first.at);
    first.resolve();
    schedule();
  };
  const schedule = () => {
    if (pumping || timers.length === 0) return;
    pumping = true;
    setImmediate(pump);
  };
  const clock = {
    sleeps: [] as number[],
    time: 0,
    now: () => clock.time,
    sleep(ms: number, signal?: AbortSignal): Promise<void> {
      if (signal?.aborted) return Promise.reject(new FlakestormError('FLAKESTORM_INTERRUPTED', 'cancelled'));
      clock.sleeps.push(ms);
      if (ms <= 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        timers.push({ at: clock.time + ms, order: order++, resolve });
        schedule();
      });
    },
  };
  return clock;
}

/** Resolves after `ms` of real time (for in-flight calls the test controls). */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Collects events by type. */
export function collect(): {
  events: RunEvent[];
  on: (event: RunEvent) => void;
  of: <T extends RunEvent['type']>(type: T) => Extract<RunEvent, { type: T }>[];
} {
  const events: RunEvent[] = [];
  return {
    events,
    on: (event) => events.push(event),
    of: (type) => events.filter((e) => e.type === type) as never,
  };
}
