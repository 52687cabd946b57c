import type { RunEvent } from '@flakestorm/core';
import type { Colors } from './colors.js';
import { duration } from './format.js';

/** Where progress goes: normally process.stderr. */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Options of the progress renderer. */
export interface ProgressOptions {
  stream: ProgressStream;
  colors: Colors;
  /** Live single-line bar (TTY) or plain lines (CI, pipes). */
  mode: 'bar' | 'lines' | 'silent';
  /** Clock in ms; injectable so tests need no timers. */
  now?: () => number;
  /** Minimum interval between two bar redraws (default 100 ms: about 10 Hz). */
  barIntervalMs?: number;
  /** Plain mode: a line every ~10% of cases, or after this many ms when cases still complete (default 5000). */
  lineIntervalMs?: number;
}

/** Renders RunEvents as progress; call `onEvent` for each event and `stop` when the run is over. */
export interface ProgressRenderer {
  onEvent(event: RunEvent): void;
  stop(): void;
}

interface State {
  total: number;
  completed: number;
  passed: number;
  failed: number;
  errored: number;
  startedAt: number;
}

/** Creates the renderer: a throttled live bar on a TTY, plain lines every ~10% or 5 s otherwise. */
export function createProgressRenderer(options: ProgressOptions): ProgressRenderer {
  const now = options.now ?? (() => performance.now());
  const { stream, colors } = options;
  const barInterval = options.barIntervalMs ?? 100;
  const lineInterval = options.lineIntervalMs ?? 5000;
  const state: State = { total: 0, completed: 0, passed: 0, failed: 0, errored: 0, startedAt: now() };
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastLineAt = 0;
  let lastLineCompleted = 0;
  let barVisible = false;

  const clearBar = () => {
    if (barVisible) stream.write('\r\u001b[2K');
    barVisible = false;
  };
  const say = (text: string) => {
    clearBar();
    stream.write(`${text}\n`);
  };
  const drawBar = (force: boolean) => {
    const t = now();
    if (!force && t - lastDraw < barInterval) return;
    lastDraw = t;
    stream.write(`\r\u001b[2K${barLine(state, t, colors, stream.columns ?? 80)}`);
    barVisible = true;
  };
  const maybeLine = (force: boolean) => {
    const t = now();
    const step = Math.max(1, Math.ceil(state.total / 10));
    if (!force && state.completed - lastLineCompleted < step && t - lastLineAt < lineInterval) return;
    lastLineAt = t;
    lastLineCompleted = state.completed;
    say(plainLine(state, t));
  };

  return {
    onEvent(event) {
      if (options.mode === 'silent') return;
      switch (event.type) {
        case 'run.start':
          state.total = event.totalCases;
          state.startedAt = now();
          lastLineAt = state.startedAt;
          say(
            `${colors.bold('flakestorm')} ${event.totalCases} cases against ${event.meta.agent.description}`,
          );
          break;
        case 'preflight.ok':
          say(colors.dim(`target reachable: ${event.target}`));
          break;
        case 'case.result':
          state.completed = event.completed;
          state.total = event.total;
          state.passed = event.passed;
          state.failed = event.failed;
          if (event.result.error) state.errored++;
          if (options.mode === 'bar') drawBar(event.completed === event.total);
          else maybeLine(event.completed === event.total);
          break;
        case 'warning':
          say(`${colors.yellow('warning')} ${event.message}`);
          break;
        case 'run.cancelling':
          say(
            `${colors.yellow('cancelling')} ${event.reason}: finishing what is in flight, then writing partial reports`,
          );
          break;
        case 'run.end':
          clearBar();
          break;
        default:
          break;
      }
    },
    stop() {
      clearBar();
    },
  };
}

function rateAndEta(state: State, t: number): { rate: number; etaMs: number } {
  const elapsed = Math.max(1, t - state.startedAt);
  const rate = (state.completed / elapsed) * 1000;
  const etaMs = rate > 0 ? ((state.total - state.completed) / rate) * 1000 : Number.NaN;
  return { rate, etaMs };
}

/** One plain progress line (CI logs, pipes). */
export function plainLine(state: State, t: number): string {
  const { rate, etaMs } = rateAndEta(state, t);
  const pct = state.total > 0 ? Math.floor((state.completed / state.total) * 100) : 0;
  return `progress ${state.completed}/${state.total} (${pct}%) passed ${state.passed} failed ${state.failed} errors ${state.errored} ${rate.toFixed(1)}/s ETA ${duration(etaMs)}`;
}

function barLine(state: State, t: number, colors: Colors, columns: number): string {
  const { rate, etaMs } = rateAndEta(state, t);
  const ratio = state.total > 0 ? state.completed / state.total : 0;
  const width = Math.max(10, Math.min(30, columns - 60));
  const filled = Math.round(ratio * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  return [
    bar,
    `${state.completed}/${state.total}`,
    colors.green(`✓ ${state.passed}`),
    colors.red(`✗ ${state.failed}`),
    `${rate.toFixed(1)}/s`,
    `ETA ${duration(etaMs)}`,
  ].join('  ');
}
