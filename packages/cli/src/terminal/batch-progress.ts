import { duration } from './format.js';
import type { ProgressStream } from './progress.js';

/** Options of the batch progress line (`flakestorm scan --jsonl`). */
export interface BatchProgressOptions {
  /** Normally process.stderr: stdout carries the results. */
  stream: ProgressStream;
  /** Size of the input when known (a --file), for a percentage; undefined for stdin. */
  totalBytes?: number | undefined;
  /** Clock in ms; injectable so tests need no timers. */
  now?: () => number;
  /** TTY: minimum interval between two redraws of the live line (default 100 ms). */
  barIntervalMs?: number;
  /** Not a TTY: a plain line after this many ms of work, and as often again (default 5000). */
  lineIntervalMs?: number;
}

/** Counts records as they are scanned and shows how far the batch is; `stop` ends the line. */
export interface BatchProgress {
  /** One record done: its size in bytes (with its newline), whether injection was flagged, any PII or secret. */
  record(bytes: number, flagged: boolean, findings: boolean): void;
  stop(): void;
}

interface Counts {
  records: number;
  bytes: number;
  flagged: number;
  withFindings: number;
}

const MB = 1_048_576;

/** "12,345 records · 3.4 of 10.0 MB (34%) · 2,100 records/s · 81 flagged, 95 with PII or secrets". */
export function batchLine(counts: Counts, elapsedMs: number, totalBytes: number | undefined): string {
  const size =
    totalBytes !== undefined && totalBytes > 0
      ? `${(counts.bytes / MB).toFixed(1)} of ${(totalBytes / MB).toFixed(1)} MB (${Math.min(100, Math.floor((counts.bytes / totalBytes) * 100))}%)`
      : `${(counts.bytes / MB).toFixed(1)} MB`;
  const rate = elapsedMs > 0 ? Math.round((counts.records / elapsedMs) * 1000) : 0;
  return [
    `${counts.records.toLocaleString('en-US')} records`,
    size,
    `${rate.toLocaleString('en-US')} records/s`,
    `${counts.flagged.toLocaleString('en-US')} flagged, ${counts.withFindings.toLocaleString('en-US')} with PII or secrets`,
  ].join(' · ');
}

/**
 * A live line on a terminal, redrawn at most ten times a second and replaced by a summary at the end;
 * elsewhere (CI logs, redirected stderr) a plain line every few seconds, so a short batch prints
 * nothing and a long one shows it is alive.
 */
export function createBatchProgress(options: BatchProgressOptions): BatchProgress {
  const now = options.now ?? (() => performance.now());
  const { stream, totalBytes } = options;
  const live = stream.isTTY === true;
  const barInterval = options.barIntervalMs ?? 100;
  const lineInterval = options.lineIntervalMs ?? 5000;
  const counts: Counts = { records: 0, bytes: 0, flagged: 0, withFindings: 0 };
  const startedAt = now();
  let lastDraw = startedAt;
  let shown = false;

  return {
    record(bytes, flagged, findings) {
      counts.records++;
      counts.bytes += bytes;
      if (flagged) counts.flagged++;
      if (findings) counts.withFindings++;
      const t = now();
      if (t - lastDraw < (live ? barInterval : lineInterval)) return;
      lastDraw = t;
      const line = `scanning ${batchLine(counts, t - startedAt, totalBytes)}`;
      stream.write(live ? `\r\u001b[2K${line}` : `${line}\n`);
      shown = true;
    },
    stop() {
      if (!shown) return;
      const t = now();
      const line = `scanned ${batchLine(counts, t - startedAt, totalBytes)} in ${duration(t - startedAt)}`;
      stream.write(live ? `\r\u001b[2K${line}\n` : `${line}\n`);
    },
  };
}
