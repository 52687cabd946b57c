import { describe, expect, it } from 'vitest';
import { batchLine, createBatchProgress } from './batch-progress.js';

function harness(isTTY: boolean, totalBytes?: number) {
  let clock = 0;
  const chunks: string[] = [];
  const progress = createBatchProgress({
    stream: { write: (c: string) => chunks.push(c), isTTY },
    totalBytes,
    now: () => clock,
  });
  return { chunks, progress, advance: (ms: number) => (clock += ms) };
}

describe('batch progress (scan --jsonl)', () => {
  it('prints nothing for a batch done before the first redraw, on a terminal or not', () => {
    for (const tty of [true, false]) {
      const h = harness(tty);
      h.progress.record(100, true, false);
      h.advance(50);
      h.progress.record(100, false, true);
      h.progress.stop();
      expect(h.chunks).toEqual([]);
    }
  });

  it('redraws one live line on a terminal at most ten times a second, then leaves a summary', () => {
    const h = harness(true, 1000 * 10_240);
    for (let i = 0; i < 1000; i++) {
      h.advance(1);
      h.progress.record(10_240, i % 10 === 0, i % 4 === 0);
    }
    h.progress.stop();
    // 1 s of records at 1 ms each: one redraw per 100 ms, then the summary.
    expect(h.chunks.length).toBe(11);
    expect(
      h.chunks.slice(0, 10).every((c) => c.startsWith('\r\u001b[2Kscanning ') && !c.endsWith('\n')),
    ).toBe(true);
    const summary = h.chunks.at(-1)!;
    expect(summary).toBe(
      '\r\u001b[2Kscanned 1,000 records · 9.8 of 9.8 MB (100%) · 1,000 records/s · 100 flagged, 250 with PII or secrets in 1.0 s\n',
    );
  });

  it('writes plain lines every five seconds elsewhere, without terminal control codes', () => {
    const h = harness(false);
    for (let i = 0; i < 12; i++) {
      h.advance(1000);
      h.progress.record(2048, false, false);
    }
    h.progress.stop();
    expect(h.chunks).toEqual([
      'scanning 5 records · 0.0 MB · 1 records/s · 0 flagged, 0 with PII or secrets\n',
      'scanning 10 records · 0.0 MB · 1 records/s · 0 flagged, 0 with PII or secrets\n',
      'scanned 12 records · 0.0 MB · 1 records/s · 0 flagged, 0 with PII or secrets in 12.0 s\n',
    ]);
  });

  it('shows a percentage only when the size of the input is known', () => {
    const counts = { records: 3, bytes: 1_048_576, flagged: 1, withFindings: 2 };
    expect(batchLine(counts, 1500, 4 * 1_048_576)).toBe(
      '3 records · 1.0 of 4.0 MB (25%) · 2 records/s · 1 flagged, 2 with PII or secrets',
    );
    expect(batchLine(counts, 0, undefined)).toBe(
      '3 records · 1.0 MB · 0 records/s · 1 flagged, 2 with PII or secrets',
    );
  });
});
