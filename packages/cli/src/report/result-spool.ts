import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseResult } from '@flakestorm/core';

const FLUSH_BYTES = 64 * 1024;

/**
 * Case results spooled to a JSONL temp file as they complete, so a 100,000-case run never holds its
 * results in memory; reports are then written by streaming them back in case order.
 */
export interface ResultSpool {
  readonly path: string;
  readonly count: number;
  append(result: CaseResult): void;
  /** Results in case order (by `index`), read back one at a time. */
  results(): AsyncIterable<CaseResult>;
  /** Deletes the temp file. */
  dispose(): void;
}

/** Creates a spool in the OS temp folder (or `dir`). */
export function createResultSpool(dir: string = tmpdir()): ResultSpool {
  const path = join(dir, `flakestorm-results-${process.pid}-${Date.now().toString(36)}.jsonl`);
  const fd = openSync(path, 'w+');
  // Offsets in typed arrays: 16 bytes per result instead of an object each.
  let indexes = new Float64Array(1024);
  let offsets = new Float64Array(1024);
  let lengths = new Float64Array(1024);
  let count = 0;
  let written = 0;
  let pending: string[] = [];
  let pendingBytes = 0;
  let closed = false;

  const flush = () => {
    if (pending.length === 0) return;
    writeSync(fd, pending.join(''));
    pending = [];
    pendingBytes = 0;
  };
  const grow = () => {
    const next = (a: Float64Array) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    indexes = next(indexes);
    offsets = next(offsets);
    lengths = next(lengths);
  };

  return {
    path,
    get count() {
      return count;
    },
    append(result) {
      const line = `${JSON.stringify(result)}\n`;
      const bytes = Buffer.byteLength(line);
      if (count === indexes.length) grow();
      indexes[count] = result.index;
      offsets[count] = written + pendingBytes;
      lengths[count] = bytes;
      count++;
      pending.push(line);
      pendingBytes += bytes;
      if (pendingBytes >= FLUSH_BYTES) {
        written += pendingBytes;
        flush();
      }
    },
    async *results() {
      written += pendingBytes;
      flush();
      const order = Array.from({ length: count }, (_, i) => i).sort(
        (a, b) => (indexes[a] as number) - (indexes[b] as number),
      );
      let buffer = Buffer.alloc(64 * 1024);
      for (const slot of order) {
        const length = lengths[slot] as number;
        if (buffer.length < length) buffer = Buffer.alloc(length);
        readSync(fd, buffer, 0, length, offsets[slot] as number);
        yield JSON.parse(buffer.toString('utf8', 0, length)) as CaseResult;
      }
    },
    dispose() {
      if (closed) return;
      closed = true;
      closeSync(fd);
      rmSync(path, { force: true });
    },
  };
}
