import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  builtinPlugin,
  type ContractReport,
  createRegistry,
  FlakestormError,
  parseContractReport,
  type RunPlan,
  runContract,
  scoreContract,
  toContractSpec,
} from '@flakestorm/core';
import { ExitCode } from '../exit-codes.js';
import { toPlan } from '../sdk-run.js';
import { type Colors, createColors, shouldColor } from '../terminal/colors.js';
import type { ContractRunCliOptions } from './contract-command.js';

/** `flakestorm-<what>-<timestamp>.json` in the config's report folder (or --out-dir). */
export function reportPath(
  plan: RunPlan,
  what: string,
  outDir: string | undefined,
  startedAt: string,
): string {
  const dir = outDir ? resolve(outDir) : resolve(plan.baseDir, plan.output.dir);
  return resolve(dir, `flakestorm-${what}-${startedAt.replace(/[:.]/g, '-').replace(/Z$/, '')}.json`);
}

/** Writes a JSON report, creating its folder. */
export async function writeJson(path: string, data: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(data, null, 2)}\n`);
}

/** The contract's verdict lines: one per cell and invariant, then the score. */
export function formatContract(report: ContractReport, c: Colors): string {
  const lines = [
    `contract ${c.bold(report.name)}: ${report.cells.length} cells x ${report.invariants.length} invariants`,
  ];
  for (const result of report.results) {
    const mark =
      result.status === 'passed' ? c.green('✓') : result.status === 'failed' ? c.red('✗') : c.dim('-');
    const why =
      result.status === 'failed'
        ? ` ${c.dim(result.probes.find((p) => !p.passed && !p.skipped)?.reason ?? '')}`
        : '';
    lines.push(`  ${mark} ${result.cell} / ${result.invariantId} [${result.severity}]${why}`);
  }
  const { summary } = report;
  const score = summary.score === null ? 'n/a' : `${summary.score.toFixed(1)}/100`;
  const verdict = summary.passed ? c.green('PASSED') : c.red('FAILED');
  const critical = summary.criticalFailures > 0 ? ` (${summary.criticalFailures} critical failures)` : '';
  lines.push(`resilience ${score} ${verdict}${critical}`);
  return `${lines.join('\n')}\n`;
}

/** `flakestorm contract run`. */
export async function contractRunCommand(options: ContractRunCliOptions): Promise<number> {
  const plan = await toPlan(resolve(options.config));
  const registry = createRegistry([builtinPlugin]);
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);
  let report: ContractReport;
  try {
    report = await runContract(plan, {
      registry,
      signal: controller.signal,
      ...(options.minScore === undefined ? {} : { minScore: options.minScore }),
    });
  } finally {
    process.off('SIGINT', onSigint);
  }
  const path = options.json
    ? resolve(options.json)
    : reportPath(plan, 'contract', options.outDir, report.startedAt);
  await writeJson(path, report);
  const c = createColors(shouldColor(process.stdout));
  if (options.quiet) {
    process.stdout.write(
      `contract ${report.name} ${report.summary.score ?? 'n/a'} ${report.summary.passed ? 'passed' : 'failed'}\n`,
    );
  } else process.stdout.write(`${formatContract(report, c)}report ${path}\n`);
  if (report.status === 'interrupted') return ExitCode.interrupted;
  return report.summary.passed ? ExitCode.passed : ExitCode.belowMinScore;
}

/** `flakestorm contract validate`. */
export async function contractValidateCommand(options: { config: string }): Promise<number> {
  const plan = await toPlan(resolve(options.config));
  const spec = toContractSpec(plan);
  const routes = Object.keys((plan.chaos?.routes ?? {}) as object);
  const faulty = spec.cells.filter(
    (cell) => cell.chaos.tool_faults !== undefined || cell.chaos.llm_faults !== undefined,
  );
  if (faulty.length > 0 && routes.length === 0) {
    throw new FlakestormError(
      'FLAKESTORM_CONFIG_INVALID',
      `Contract cells ${faulty.map((f) => `"${f.name}"`).join(', ')} inject faults, but ${options.config} has no chaos.routes.`,
      {
        hint: 'Add chaos.routes (proxy prefix to real upstream) and chaos.port, and point the agent at the proxy.',
        details: { file: options.config, path: 'chaos.routes' },
      },
    );
  }
  const c = createColors(shouldColor(process.stdout));
  const lines = [`${c.green('✓')} contract ${spec.name} in ${options.config} is valid`];
  for (const cell of spec.cells) {
    const faults = ['tool_faults', 'llm_faults', 'context_attacks'].filter(
      (k) => cell.chaos[k] !== undefined,
    );
    lines.push(`  cell ${cell.name}${faults.length > 0 ? ` (${faults.join(', ')})` : ' (no faults)'}`);
  }
  for (const invariant of spec.invariants) {
    const prompts = spec.promptsOf(invariant).length;
    lines.push(
      `  invariant ${invariant.id} [${invariant.severity}] on ${prompts} ${invariant.probes ? 'probes' : 'golden prompts'}, when ${invariant.when.chaos}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.passed;
}

/** `flakestorm contract score REPORT`. */
export async function contractScoreCommand(path: string, options: { minScore?: number }): Promise<number> {
  let text: string;
  try {
    text = await readFile(resolve(path), 'utf8');
  } catch (cause) {
    throw new FlakestormError('FLAKESTORM_REPORT_INVALID', `Could not read the contract report ${path}.`, {
      cause,
      hint: 'Pass the JSON that `flakestorm contract run` wrote.',
      details: { file: path },
    });
  }
  const report = parseContractReport(text, path);
  const rescored = { ...report, summary: scoreContract(report.results, options.minScore) };
  process.stdout.write(formatContract(rescored, createColors(shouldColor(process.stdout))));
  return rescored.summary.passed ? ExitCode.passed : ExitCode.belowMinScore;
}
