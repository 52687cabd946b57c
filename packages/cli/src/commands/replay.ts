import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  builtinPlugin,
  createRegistry,
  FlakestormError,
  loadSessionFile,
  type ReplayReport,
  type ReplaySession,
  recordSession,
  routePrefixesOf,
  runReplays,
  sessionsFromLangSmith,
  sessionsFromOtel,
  sessionsFromReport,
  writeSessionFile,
} from '@flakestorm/core';
import { ExitCode } from '../exit-codes.js';
import { toPlan } from '../sdk-run.js';
import { type Colors, createColors, shouldColor } from '../terminal/colors.js';
import { reportPath, writeJson } from './contract.js';
import type { ReplayRunCliOptions } from './replay-command.js';

function usage(message: string): Error {
  return Object.assign(new Error(message), { code: 'FLAKESTORM_USAGE', issues: [] });
}

/** One line per session, then the score. */
export function formatReplays(report: ReplayReport, c: Colors): string {
  const lines: string[] = [];
  for (const r of report.results) {
    const mark = r.passed ? c.green('✓') : c.red('✗');
    const same =
      r.matchesRecording === null ? '' : r.matchesRecording ? ' same answer' : c.yellow(' answer changed');
    const misses = r.misses.length > 0 ? c.yellow(` ${r.misses.length} unrecorded calls`) : '';
    const xfail = r.expectedFailure ? c.dim(' (expected failure)') : '';
    lines.push(`  ${mark} ${r.name ?? r.id}${same}${misses}${xfail}`);
  }
  const { summary } = report;
  lines.push(
    `replay ${summary.passed}/${summary.total} passed${summary.score === null ? '' : ` (${(summary.score * 100).toFixed(1)}%)`}`,
  );
  return `${lines.join('\n')}\n`;
}

/** `flakestorm replay run [PATH...]`. */
export async function replayRunCommand(paths: string[], options: ReplayRunCliOptions): Promise<number> {
  const plan = await toPlan(resolve(options.config));
  const prefixes = routePrefixesOf(plan);
  const sessions: ReplaySession[] | undefined =
    paths.length > 0 ? await Promise.all(paths.map((p) => loadSessionFile(p, prefixes))) : undefined;
  if (sessions === undefined && ((plan.replays?.sessions as unknown[] | undefined) ?? []).length === 0) {
    throw usage(`No sessions: pass session files, or list them under replays.sessions in ${options.config}.`);
  }
  const registry = createRegistry([builtinPlugin]);
  const report = await runReplays(plan, {
    registry,
    ...(sessions ? { sessions } : {}),
    ...(options.speed === undefined ? {} : { speed: options.speed }),
  });
  const path = options.json
    ? resolve(options.json)
    : reportPath(plan, 'replay', options.outDir, report.startedAt);
  await writeJson(path, report);
  const c = createColors(shouldColor(process.stdout));
  for (const warning of report.warnings) process.stderr.write(`${c.yellow('warning')} ${warning}\n`);
  if (options.quiet) process.stdout.write(`replay ${report.summary.passed}/${report.summary.total} passed\n`);
  else process.stdout.write(`${formatReplays(report, c)}report ${path}\n`);
  return report.summary.failed === 0 ? ExitCode.passed : ExitCode.belowMinScore;
}

/** `flakestorm replay record --input TEXT`. */
export async function replayRecordCommand(options: {
  input: string;
  config: string;
  id?: string;
  name?: string;
  output?: string;
}): Promise<number> {
  const plan = await toPlan(resolve(options.config));
  const session = await recordSession(plan, {
    registry: createRegistry([builtinPlugin]),
    input: options.input,
    ...(options.id ? { id: options.id } : {}),
    ...(options.name ? { name: options.name } : {}),
  });
  const path = resolve(options.output ?? `sessions/${session.id}.yaml`);
  await mkdir(resolve(path, '..'), { recursive: true });
  await writeSessionFile(path, session);
  process.stdout.write(`recorded ${session.exchanges.length} upstream responses into ${path}\n`);
  return ExitCode.passed;
}

/**
 * Writes sessions as `<id>.yaml` in `outDir`. Ids that sanitise to the same name get `-2`, `-3`...;
 * an existing file is never replaced without `force`, and then nothing is written at all.
 */
export async function writeSessionFiles(
  sessions: readonly ReplaySession[],
  outDir: string,
  options: { force?: boolean } = {},
): Promise<string[]> {
  const dir = resolve(outDir);
  const taken = new Set<string>();
  const paths = sessions.map((session) => {
    const stem = session.id.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_') || 'session';
    let path = resolve(dir, `${stem}.yaml`);
    for (let n = 2; taken.has(path); n++) path = resolve(dir, `${stem}-${n}.yaml`);
    taken.add(path);
    return path;
  });
  const existing = options.force ? [] : paths.filter((path) => existsSync(path));
  if (existing.length > 0) {
    throw new FlakestormError(
      'FLAKESTORM_USAGE',
      `${existing.length} session file(s) already exist, e.g. ${existing[0]}; nothing was written.`,
      {
        hint: 'Pass --force to overwrite them, or choose another folder with --out-dir.',
        details: { files: existing.slice(0, 20) },
      },
    );
  }
  await mkdir(dir, { recursive: true });
  for (const [index, session] of sessions.entries()) await writeSessionFile(paths[index] as string, session);
  return paths;
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(resolve(path), 'utf8');
  } catch (cause) {
    throw new FlakestormError('FLAKESTORM_CONFIG_NOT_FOUND', `Could not read ${what} ${path}.`, {
      cause,
      hint: 'Check the path.',
      details: { file: path },
    });
  }
}

/** `flakestorm replay export --from-report REPORT`. */
export async function replayExportCommand(options: {
  fromReport: string;
  outDir: string;
  force?: boolean;
}): Promise<number> {
  const sessions = sessionsFromReport(await readText(options.fromReport, 'the report'), options.fromReport);
  const written = await writeSessionFiles(sessions, options.outDir, { force: options.force ?? false });
  process.stdout.write(`exported ${written.length} failing cases to ${resolve(options.outDir)}\n`);
  return ExitCode.passed;
}

/** `flakestorm replay import --langsmith FILE | --otel FILE`. */
export async function replayImportCommand(options: {
  langsmith?: string;
  otel?: string;
  config?: string;
  outDir: string;
  force?: boolean;
}): Promise<number> {
  if ((options.langsmith === undefined) === (options.otel === undefined)) {
    throw usage('Pass exactly one of --langsmith FILE or --otel FILE.');
  }
  const prefixes = options.config ? routePrefixesOf(await toPlan(resolve(options.config))) : [];
  const sessions = options.langsmith
    ? sessionsFromLangSmith(
        await readText(options.langsmith, 'the LangSmith export'),
        options.langsmith,
        prefixes,
      )
    : sessionsFromOtel(
        await readText(options.otel as string, 'the span file'),
        options.otel as string,
        prefixes,
      );
  const written = await writeSessionFiles(sessions, options.outDir, { force: options.force ?? false });
  process.stdout.write(`imported ${written.length} sessions into ${resolve(options.outDir)}\n`);
  return ExitCode.passed;
}
