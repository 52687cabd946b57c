import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { ReportSink } from '@flakestorm/core';

/** A sink that collects output in memory (small reports, tests, HTTP bodies). */
export interface StringSink extends ReportSink {
  text(): string;
  bytes(): Uint8Array;
}

/** Creates an in-memory sink. */
export function createStringSink(): StringSink {
  const chunks: Buffer[] = [];
  return {
    write(chunk) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
    bytes: () => new Uint8Array(Buffer.concat(chunks)),
  };
}

/** A sink over a file that honours back-pressure; `close()` flushes it. */
export interface FileSink extends ReportSink {
  close(): Promise<void>;
}

/** Opens (and truncates) a file for a report. */
export function createFileSink(path: string): FileSink {
  const stream = createWriteStream(path);
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure = error;
  });
  return {
    async write(chunk) {
      if (failure) throw failure;
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    async close() {
      if (failure) throw failure;
      stream.end();
      await once(stream, 'finish');
    },
  };
}
