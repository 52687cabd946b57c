import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { FlakestormError } from '../errors.js';
import { autoDetectAnswer, valueToText } from './extract.js';
import type { CommandTargetSpec, TargetSpec } from './spec.js';
import type { Target } from './target.js';
import { createCallSignal, targetError, wrongKind } from './target-error.js';
import type { TargetContext, TargetFactory } from './target-factory.js';

interface Pending {
  resolve(value: Record<string, unknown>): void;
  reject(error: unknown): void;
}

const stderrKeep = 4096;

/**
 * Creates a target that talks to a long-lived subprocess, one JSON request per stdin line and one JSON
 * answer per stdout line, matched by id so concurrent cases share the process. It is spawned without a
 * shell (prompts never reach one) and restarted on the next request after it dies.
 */
export function createCommandTarget(spec: CommandTargetSpec, context: TargetContext): Target {
  const cwd = resolve(context.baseDir, spec.cwd ?? '.');
  const where = [spec.command, ...spec.args].join(' ');
  let child: ChildProcessWithoutNullStreams | undefined;
  let exited: Promise<void> | undefined;
  let stderrTail = '';
  let nextId = 1;
  const pending = new Map<string, Pending>();

  const failAll = (error: FlakestormError) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };

  function start(): ChildProcessWithoutNullStreams {
    if (child) return child;
    stderrTail = '';
    const proc = spawn(spec.command, spec.args, {
      cwd,
      env: { ...process.env, ...spec.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      shell: false,
    });
    child = proc;
    exited = new Promise<void>((done) => {
      const onGone = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
        if (child === proc) child = undefined;
        const how = error ? `could not start: ${error.message}` : `exited with code ${code ?? signal}`;
        failAll(
          targetError(
            'target_error',
            `Command "${where}" ${how}.${stderrTail ? ` stderr: ${stderrTail.trim().slice(-500)}` : ''}`,
            {
              hint: 'Check the command works on its own: it must read JSON lines on stdin and answer one JSON line per request.',
              details: { exitCode: code, signal, stderrTail },
              ...(error ? { cause: error } : {}),
            },
          ),
        );
        done();
      };
      proc.once('error', (error) => onGone(null, null, error));
      proc.once('exit', (code, signal) => onGone(code, signal));
    });
    proc.stdin.on('error', () => {
      // EPIPE after the child died: the exit handler reports it.
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-stderrKeep);
    });
    createInterface({ input: proc.stdout }).on('line', (line) => {
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        return; // Not an answer (a log line on stdout): ignored.
      }
      if (!message || typeof message !== 'object') return;
      const id = String((message as { id?: unknown }).id);
      const entry = pending.get(id);
      if (!entry) return;
      pending.delete(id);
      entry.resolve(message as Record<string, unknown>);
    });
    return proc;
  }

  return {
    kind: 'command',
    description: where,
    supportsWire: false,
    async preflight(signal) {
      const proc = start();
      const gone = exited;
      await new Promise<void>((ok, fail) => {
        const timer = setTimeout(ok, 200);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          fail(targetError('aborted', 'Preflight cancelled.'));
        });
        void gone?.then(() => {
          clearTimeout(timer);
          fail(
            new FlakestormError(
              'FLAKESTORM_TARGET_UNREACHABLE',
              `Command "${where}" did not stay running (exit code ${proc.exitCode ?? 'none'}).${stderrTail ? ` stderr: ${stderrTail.trim().slice(-300)}` : ''}`,
              {
                hint: 'Run the command by hand: it must keep reading JSON lines from stdin.',
                details: { cause: 'connection', exitCode: proc.exitCode, stderrTail },
              },
            ),
          );
        });
      });
    },
    async send(request) {
      const timeoutMs = request.timeoutMs || context.timeoutMs;
      const callSignal = createCallSignal(request.signal, timeoutMs);
      const startedAt = performance.now();
      const id = String(nextId++);
      try {
        const proc = start();
        const answer = await new Promise<Record<string, unknown>>((ok, fail) => {
          pending.set(id, { resolve: ok, reject: fail });
          callSignal.signal.addEventListener('abort', () => {
            pending.delete(id);
            fail(
              callSignal.state.timedOut
                ? targetError('timeout', `Command "${where}" did not answer within ${timeoutMs} ms.`, {
                    details: { timeoutMs },
                  })
                : targetError('aborted', `Call to "${where}" was cancelled.`),
            );
          });
          const line = JSON.stringify({
            id,
            prompt: request.prompt,
            messages: request.messages,
            vars: request.vars,
            session_id: request.sessionId,
          });
          proc.stdin.write(`${line}\n`);
        });
        if (answer.error !== undefined && answer.error !== null && answer.error !== false) {
          throw targetError(
            'target_error',
            `Command "${where}" answered with an error: ${valueToText(answer.error)}`,
            {
              details: { error: valueToText(answer.error) },
            },
          );
        }
        const { id: _id, ...rest } = answer;
        const value = autoDetectAnswer(rest);
        return { text: valueToText(value ?? ''), body: answer, latencyMs: performance.now() - startedAt };
      } finally {
        callSignal.dispose();
      }
    },
    async close() {
      const proc = child;
      if (!proc) return;
      const gone = exited;
      proc.stdin.end();
      proc.kill('SIGTERM');
      const force = setTimeout(() => proc.kill('SIGKILL'), 2000);
      await gone;
      clearTimeout(force);
    },
  };
}

/** The `command` target kind: a subprocess speaking JSON lines on stdin/stdout. */
export const commandTargetFactory: TargetFactory = {
  kind: 'command',
  description: 'A long-lived subprocess answering one JSON line per JSON request line.',
  create(spec: TargetSpec, context: TargetContext): Target {
    if (spec.kind !== 'command') throw wrongKind('command', spec.kind);
    return createCommandTarget(spec, context);
  },
};
