import { createReadStream, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { type PatternKind, patternKinds, type ScanOptions, type ScanResult } from '@flakestorm/patterns';
import { ExitCode } from '../exit-codes.js';
import { createBatchProgress } from '../terminal/batch-progress.js';
import { isClosedPipe } from '../terminal/closed-pipe.js';
import { findingExcerpt } from '../terminal/finding-excerpt.js';
import { flakestormError } from './lazy-error.js';
import { scannerWith } from './pattern-files.js';
import { hintIfTerminal, readAll } from './read-stdin.js';
import { jsonlRecord } from './scan-jsonl-record.js';

async function scanOptions(kinds: string[] | undefined): Promise<ScanOptions> {
  if (!kinds) return {};
  const bad = kinds.filter((k) => !(patternKinds as readonly string[]).includes(k));
  // `--kinds ""` or `--kinds ,` would scan for nothing and call every text clean.
  if (bad.length > 0 || kinds.length === 0) {
    const what = bad.length > 0 ? `Unknown kind(s): ${bad.join(', ')}.` : '--kinds names no kind.';
    throw await flakestormError('FLAKESTORM_USAGE', what, {
      hint: `--kinds takes a comma list of ${patternKinds.join(', ')}.`,
    });
  }
  return { kinds: kinds as PatternKind[] };
}

// Error codes worth a plain word; others keep the system's message.
const READ_ERRORS: Readonly<Record<string, string>> = { ENOENT: 'no such file', EACCES: 'permission denied' };

/** The --file error a user can act on (a missing file, a folder, no permission), never a stack trace. */
function unreadable(file: string, cause: unknown): Promise<Error> {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    (code !== undefined ? READ_ERRORS[code] : undefined) ??
    (cause instanceof Error ? cause.message : String(cause));
  return flakestormError('FLAKESTORM_USAGE', `Cannot read --file ${file}: ${reason}.`, {
    cause,
    hint: 'Give the path of a readable text file, or pipe the text on stdin.',
  });
}

/** Checks that `file` is a readable file before anything is scanned; returns its size in bytes. */
async function assertReadableFile(file: string): Promise<number> {
  let info: Stats;
  try {
    info = await stat(file);
  } catch (cause) {
    throw await unreadable(file, cause);
  }
  if (!info.isFile()) throw await unreadable(file, new Error('it is not a file'));
  return info.size;
}

async function readInputFile(file: string): Promise<string> {
  await assertReadableFile(file);
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw await unreadable(file, cause);
  }
}

/**
 * `flakestorm scan`: prompt-injection, PII and secret detection on text, a file or stdin.
 * Exit 0 always for findings (they are data); `--jsonl` streams {"id","text"} lines to results in input order.
 */
export async function scanCommand(
  text: string | undefined,
  options: { file?: string; kinds?: string[]; json: boolean; jsonl: boolean; patterns?: string[] },
): Promise<number> {
  const opts = await scanOptions(options.kinds);
  const scanner = await scannerWith(options.patterns);
  const scan = (input: string, o: ScanOptions) => scanner.scan(input, o);
  if (options.jsonl) return scanJsonl(options.file, opts, scan);
  if (text !== undefined && options.file) {
    throw await flakestormError('FLAKESTORM_USAGE', 'Give either text or --file, not both.', {
      hint: 'flakestorm scan "some text"  or  flakestorm scan --file notes.txt',
    });
  }
  const input =
    text ?? (options.file ? await readInputFile(options.file) : await readAll(process.stdin, process.stderr));
  const result = scan(input, opts);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return ExitCode.passed;
  }
  const lines = [
    `injection ${result.injection.flagged ? 'FLAGGED' : 'not flagged'} (score ${result.injection.score.toFixed(2)})`,
  ];
  for (const f of result.findings) {
    const decoded = f.decodedFrom ? ` (inside ${JSON.stringify(f.decodedFrom)})` : '';
    lines.push(
      `  ${f.kind.padEnd(9)} ${f.id} [${f.category}, ${f.severity}] at ${f.start}..${f.end} ${findingExcerpt(input, f)}${f.validated ? ' validated' : ''}${decoded}`,
    );
  }
  if (result.findings.length === 0) lines.push('  no PII or secrets found');
  process.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.passed;
}

/**
 * Stdout for a stream of result lines: `write` waits while its buffer is full and answers false once the
 * reader has gone away (`| head` closed the pipe). Node reports that as an EPIPE error event, often after
 * the write that failed, and stdout cannot be destroyed, so the event is what tells.
 */
function resultLines(out: NodeJS.WriteStream): { write(line: string): Promise<boolean>; close(): void } {
  let gone = false;
  const onError = (error: NodeJS.ErrnoException) => {
    if (isClosedPipe(error)) gone = true;
  };
  out.on('error', onError);
  return {
    async write(line) {
      if (gone) return false;
      if (!out.write(line)) {
        await new Promise<void>((resolve) => {
          const events = ['drain', 'close', 'error'] as const;
          const done = () => {
            for (const e of events) out.off(e, done);
            resolve();
          };
          for (const e of events) out.once(e, done);
        });
      }
      return !gone;
    },
    close() {
      out.off('error', onError);
    },
  };
}

async function scanJsonl(
  file: string | undefined,
  opts: ScanOptions,
  scan: (input: string, o: ScanOptions) => ScanResult,
): Promise<number> {
  const totalBytes = file ? await assertReadableFile(file) : undefined;
  const progress = createBatchProgress({ stream: process.stderr, totalBytes });
  const output = resultLines(process.stdout);
  if (!file) hintIfTerminal(process.stdin, process.stderr, 'JSON lines');
  const lines = createInterface({
    input: file ? createReadStream(file) : process.stdin,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      const record = jsonlRecord(line, lineNo);
      const result = 'text' in record ? scan(record.text, opts) : undefined;
      const out = result ? { id: record.id, ...result } : record;
      progress.record(
        Buffer.byteLength(line) + 1,
        result?.injection.flagged === true,
        result?.findings.some((f) => f.kind !== 'injection') === true,
      );
      // Writing each line as it is ready keeps memory flat and order equal to input order.
      if (!(await output.write(`${JSON.stringify(out)}\n`))) break;
    }
  } finally {
    progress.stop();
    output.close();
  }
  return ExitCode.passed;
}
