import type { RunEvent } from '@flakestorm/core';
import { describe, expect, it } from 'vitest';
import { fakeMeta, fakeResult, fakeSummary } from '../testing/fixtures.test-util.js';
import { createColors } from './colors.js';
import { createProgressRenderer } from './progress.js';

function harness(mode: 'bar' | 'lines' | 'silent') {
  let clock = 0;
  const chunks: string[] = [];
  const renderer = createProgressRenderer({
    stream: { write: (c: string) => chunks.push(c), isTTY: mode === 'bar', columns: 100 },
    colors: createColors(false),
    mode,
    now: () => clock,
  });
  return {
    chunks,
    advance: (ms: number) => {
      clock += ms;
    },
    renderer,
  };
}

function results(total: number, step: (i: number) => void, emit: (e: RunEvent) => void) {
  let passed = 0;
  for (let i = 0; i < total; i++) {
    step(i);
    const ok = i % 3 !== 0;
    if (ok) passed++;
    emit({
      type: 'case.result',
      result: fakeResult(i, ok),
      completed: i + 1,
      total,
      passed,
      failed: i + 1 - passed,
    });
  }
}

describe('progress renderer', () => {
  it('draws a throttled single-line bar with counts, rate and ETA on a TTY', () => {
    const h = harness('bar');
    h.renderer.onEvent({ type: 'run.start', meta: fakeMeta(), totalCases: 100 });
    results(
      100,
      () => h.advance(10),
      (e) => h.renderer.onEvent(e),
    );
    const draws = h.chunks.filter((c) => c.startsWith('\r\u001b[2K') && c.length > 5);
    // 100 results 10 ms apart at <= 10 Hz: about 10 redraws, never one per result.
    expect(draws.length).toBeGreaterThanOrEqual(9);
    expect(draws.length).toBeLessThanOrEqual(12);
    const last = draws.at(-1) ?? '';
    expect(last).toContain('100/100');
    expect(last).toContain('✓ 66');
    expect(last).toContain('✗ 34');
    expect(last).toMatch(/\d+\.\d\/s/);
    expect(last).toContain('ETA');
    h.renderer.onEvent({ type: 'run.end', meta: fakeMeta(), summary: fakeSummary() });
    expect(h.chunks.at(-1)).toBe('\r\u001b[2K');
  });

  it('prints plain lines every ~10% when not on a TTY', () => {
    const h = harness('lines');
    h.renderer.onEvent({ type: 'run.start', meta: fakeMeta(), totalCases: 50 });
    results(
      50,
      () => h.advance(1),
      (e) => h.renderer.onEvent(e),
    );
    const lines = h.chunks.filter((c) => c.startsWith('progress '));
    expect(lines.length).toBe(10);
    expect(lines.at(-1)).toContain('progress 50/50 (100%) passed 33 failed 17');
    expect(h.chunks.join('')).not.toContain('\u001b[');
  });

  it('prints warnings and the cancelling notice above the bar, and nothing when silent', () => {
    const h = harness('bar');
    h.renderer.onEvent({ type: 'warning', code: 'LEGACY_KEY', message: 'model.name has no effect yet' });
    h.renderer.onEvent({ type: 'run.cancelling', reason: 'SIGINT' });
    expect(h.chunks.join('')).toContain('warning model.name has no effect yet');
    expect(h.chunks.join('')).toContain('cancelling SIGINT');
    const silent = harness('silent');
    silent.renderer.onEvent({ type: 'warning', code: 'X', message: 'hidden' });
    expect(silent.chunks).toEqual([]);
  });
});
