import { resolve } from 'node:path';
import type { ChaosRun, RunEvent, RunMeta, RunPlan, RunSummary } from '@flakestorm/core';
import { ExitCode } from './exit-codes.js';
import { createMemoryGuard } from './memory-guard.js';
import type { RunOptions as CliRunOptions } from './program.js';
import { createResultSpool } from './report/result-spool.js';
import { loadRenderers, planReports, writeReports } from './report/write-reports.js';
import { openRunHistory } from './run-history.js';
import { run } from './sdk-run.js';
import { createColors, shouldColor } from './terminal/colors.js';
import { percent } from './terminal/format.js';
import { createProgressRenderer } from './terminal/progress.js';
import { formatSummary } from './terminal/summary.js';

/** What a CLI run needs besides the plan: the parsed options and where output goes. */
export interface SessionIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Applies command-line overrides (seed, concurrency, repeat, min score) to a plan. */
export function applyOverrides(plan: RunPlan, options: Omit<CliRunOptions, 'config'>): RunPlan {
  const settings = { ...plan.settings };
  if (options.seed !== undefined) settings.seed = options.seed;
  if (options.concurrency !== undefined) settings.concurrency = options.concurrency;
  if (options.repeat !== undefined) settings.repeat = options.repeat;
  if (options.minScore !== undefined) settings.minScore = options.minScore;
  return { ...plan, settings };
}

/**
 * Runs a plan the way the command does: live progress on stderr, results spooled to disk, reports
 * streamed from the spool, the summary on stdout, Ctrl-C cancelling gracefully. Returns the exit code.
 */
export async function runSession(
  configured: RunPlan,
  options: Omit<CliRunOptions, 'config'>,
  io: SessionIo = { stdout: process.stdout, stderr: process.stderr },
  chaos?: ChaosRun,
): Promise<number> {
  const plan = applyOverrides(configured, options);
  const colorsOut = createColors(!options.ci && shouldColor(io.stdout));
  const colorsErr = createColors(!options.ci && shouldColor(io.stderr));
  const mode = options.quiet ? 'silent' : options.ci || !io.stderr.isTTY ? 'lines' : 'bar';
  const progress = createProgressRenderer({ stream: io.stderr, colors: colorsErr, mode });
  const spool = createResultSpool();
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts === 1) {
      io.stderr.write(
        '\nflakestorm: interrupted; finishing in-flight calls and writing partial reports (Ctrl-C again to quit now)\n',
      );
      controller.abort(new Error('interrupted by SIGINT'));
    } else {
      spool.dispose();
      process.exit(ExitCode.interrupted);
    }
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  let end: { meta: RunMeta; summary: RunSummary } | undefined;
  const memory = createMemoryGuard();
  const history = await openRunHistory(options, (message) =>
    io.stderr.write(`${colorsErr.yellow('warning')} ${message}\n`),
  );
  if (!options.quiet) {
    for (const warning of plan.warnings) io.stderr.write(`${colorsErr.yellow('warning')} ${warning}\n`);
  }
  try {
    const onEvent = (event: RunEvent) => {
      if (event.type === 'case.result') {
        spool.append(event.result);
        memory.tick();
      }
      if (event.type === 'run.end') end = { meta: event.meta, summary: event.summary };
      progress.onEvent(event);
    };
    const outcome = await run(plan, {
      onEvent,
      signal: controller.signal,
      collectResults: false,
      ...(chaos ? { chaos } : {}),
      ...(history ? { recorder: history.recorder } : {}),
    });
    end = { meta: outcome.meta, summary: outcome.summary };
  } finally {
    progress.stop();
    await history?.close();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    if (!end) spool.dispose();
  }
  try {
    const interrupted = controller.signal.aborted || end.meta.status === 'interrupted';
    const stem = `flakestorm-${end.meta.startedAt.replace(/[:.]/g, '-').replace(/Z$/, '')}`;
    const renderers = await loadRenderers();
    // Formats asked for on the command line must exist; those from a config file (maybe written for the
    // Python tool, or naming a renderer not installed) are skipped with a warning.
    const formats = options.format ?? plan.output.formats.filter((f) => f === 'terminal' || renderers.has(f));
    if (!options.format && !options.quiet) {
      for (const f of plan.output.formats) {
        if (f !== 'terminal' && !renderers.has(f)) {
          io.stderr.write(
            `${colorsErr.yellow('warning')} report format "${f}" is not available here; skipped\n`,
          );
        }
      }
    }
    const targets = planReports({
      extensions: new Map([...renderers.values()].map((r) => [r.format, r.extension])),
      ...(options.json ? { json: options.json } : {}),
      formats,
      // --out-dir is relative to the current folder; output.path to the config file's folder.
      outDir: options.outDir ? resolve(options.outDir) : resolve(plan.baseDir, plan.output.dir),
      stem,
    });
    const paths = await writeReports(targets, renderers, { ...end, spool }, memory.tick);
    const minScore = plan.settings.minScore;
    if (options.quiet) {
      io.stdout.write(
        `robustness ${percent(end.summary.robustness)} (${end.summary.band}) ${end.summary.passed}/${end.summary.total} passed\n`,
      );
    } else {
      io.stdout.write(
        formatSummary(
          { ...end, reportPaths: paths, ...(minScore !== undefined ? { minScore } : {}) },
          colorsOut,
        ),
      );
      if (history)
        io.stdout.write(`History: run ${end.meta.runId} recorded in ${history.location} (flakestorm runs)\n`);
    }
    if (interrupted) return ExitCode.interrupted;
    if (minScore !== undefined && end.summary.robustness < minScore) return ExitCode.belowMinScore;
    return ExitCode.passed;
  } finally {
    spool.dispose();
  }
}
