import { resolve } from 'node:path';
import {
  builtinPlugin,
  type CaseError,
  type CaseResult,
  type CombinedScore,
  type ContractEvent,
  combinePhaseScores,
  createPlanTarget,
  createRegistry,
  loadPlanSessions,
  type Phase,
  type PhaseScores,
  prepareCheckRunner,
  REPORT_SCHEMA_VERSION,
  type Registry,
  type RunEventListener,
  type RunPlan,
  runContract,
  runPlan,
  runReplays,
  startChaosRun,
} from '@flakestorm/core';
import { ExitCode } from '../exit-codes.js';
import { toPlan } from '../sdk-run.js';
import { type Colors, createColors, shouldColor } from '../terminal/colors.js';
import { createProgressRenderer, type ProgressRenderer } from '../terminal/progress.js';
import type { CiCliOptions } from './ci-command.js';
import { reportPath, writeJson } from './contract.js';

/** One phase's outcome in the CI summary. */
interface PhaseOutcome {
  phase: Phase;
  score: number | null;
  detail: string;
  report: string;
}

/**
 * A contract cell or a replayed session as the progress renderer's case result: only the counts,
 * the pass/fail mark and the error matter to it.
 */
function progressCase(index: number, label: string, passed: boolean, error: CaseError | null): CaseResult {
  return {
    id: label,
    index,
    goldenIndex: 0,
    goldenPrompt: label,
    mutationType: 'none',
    variantIndex: 0,
    label,
    weight: 1,
    mutated: label,
    response: '',
    latencyMs: 0,
    passed,
    checks: [],
    error,
    exchanges: [],
  };
}

/** Feeds finished items of a phase (cells, sessions) to the renderer as case results. */
function phaseCounter(progress: ProgressRenderer, total: () => number) {
  let completed = 0;
  let passed = 0;
  return (label: string, ok: boolean, error: CaseError | null = null) => {
    completed++;
    if (ok) passed++;
    progress.onEvent({
      type: 'case.result',
      result: progressCase(completed - 1, label, ok, error),
      completed,
      total: Math.max(total(), completed),
      passed,
      failed: completed - passed,
    });
  };
}

const pct = (n: number | null) => (n === null ? 'n/a' : `${(n * 100).toFixed(1)}%`);

/** The final table: each phase's score, its normalised weight and contribution, then the overall score. */
export function formatCiTable(
  phases: ReadonlyArray<Pick<PhaseOutcome, 'phase' | 'score' | 'detail'>>,
  combined: CombinedScore,
  minScore: number | undefined,
  c: Colors,
): string {
  const rows = phases.map((p) => {
    const weight = combined.weights[p.phase];
    const contribution = p.score === null || weight === undefined ? null : p.score * weight;
    return [
      p.phase,
      pct(p.score),
      weight === undefined ? '-' : weight.toFixed(2),
      pct(contribution),
      p.detail,
    ];
  });
  const below = minScore !== undefined && (combined.score === null || combined.score < minScore);
  const verdict =
    minScore === undefined ? '' : below ? `below min ${pct(minScore)}` : `min ${pct(minScore)} met`;
  const overall = [
    'overall',
    pct(combined.score),
    '1.00',
    pct(combined.score),
    [combined.band ?? '', verdict].filter(Boolean).join(', '),
  ];
  const header = ['phase', 'score', 'weight', 'weighted', 'detail'];
  const all = [header, ...rows, overall];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const colorOverall = below ? c.red(line(overall)) : c.green(line(overall));
  return [c.bold(line(header)), ...rows.map(line), c.dim(rule), colorOverall].join('\n');
}

async function runRobustness(plan: RunPlan, registry: Registry, chaos: boolean, onEvent: RunEventListener) {
  const { defaultScanner } = await import('@flakestorm/patterns');
  const base = await prepareCheckRunner(plan.invariants, registry, {
    baseDir: plan.baseDir,
    scanner: defaultScanner(),
  });
  // Without faults the proxy still runs when the config routes the agent's upstreams through it.
  const routesOnly =
    plan.chaos?.routes === undefined
      ? undefined
      : { routes: plan.chaos.routes, ...(plan.chaos.port === undefined ? {} : { port: plan.chaos.port }) };
  const block = chaos ? plan.chaos : routesOnly;
  const started = block ? await startChaosRun({ chaos: block, seed: plan.settings.seed }) : undefined;
  const raw = createPlanTarget(plan, registry);
  const target = started ? started.wrapTarget(raw) : raw;
  try {
    return await runPlan(plan, {
      registry,
      target,
      keepResults: true,
      onEvent,
      checks: started ? started.wrapChecks(base) : base,
      ...(started ? { chaos: started.flags } : {}),
    });
  } finally {
    await target.close().catch(() => {});
    await started?.close();
  }
}

/**
 * `flakestorm ci`: runs the mutation phase, then each phase the config defines (chaos when it has a
 * `chaos:` block, contract when `contract:`, replay when `replays.sessions`), writes every report,
 * prints each phase's score and the weighted overall score (weights from `scoring:`), and exits 1
 * below --min-score.
 */
export async function ciCommand(options: CiCliOptions): Promise<number> {
  const plan = await toPlan(resolve(options.config));
  const registry = createRegistry([builtinPlugin]);
  const stamp = new Date().toISOString();
  const colorsErr = createColors(shouldColor(process.stderr));
  const mode = options.quiet ? 'silent' : process.stderr.isTTY ? 'bar' : 'lines';
  const sessions = await loadPlanSessions(plan);
  const planned: Phase[] = [
    'mutation',
    ...(plan.chaos === undefined ? [] : (['chaos'] as const)),
    ...(plan.contract === undefined ? [] : (['contract'] as const)),
    ...(sessions.length > 0 ? (['replay'] as const) : []),
  ];
  // Each phase gets its own renderer (its own counts, rate and ETA) under a heading line.
  const startPhase = (phase: Phase): ProgressRenderer => {
    if (!options.quiet) {
      const index = planned.indexOf(phase) + 1;
      process.stderr.write(`${colorsErr.bold(`phase ${index}/${planned.length}: ${phase}`)}\n`);
    }
    return createProgressRenderer({ stream: process.stderr, colors: colorsErr, mode });
  };
  const phases: PhaseOutcome[] = [];

  let progress = startPhase('mutation');
  const mutation = await runRobustness(plan, registry, false, progress.onEvent).finally(progress.stop);
  const mutationPath = reportPath(plan, 'mutation', options.outDir, stamp);
  await writeJson(mutationPath, {
    schemaVersion: REPORT_SCHEMA_VERSION,
    ...mutation.meta,
    summary: mutation.summary,
    results: mutation.results ?? [],
  });
  phases.push({
    phase: 'mutation',
    score: mutation.summary.robustness,
    detail: `${mutation.summary.passed}/${mutation.summary.total} cases passed`,
    report: mutationPath,
  });

  if (plan.chaos !== undefined) {
    progress = startPhase('chaos');
    const chaos = await runRobustness(plan, registry, true, progress.onEvent).finally(progress.stop);
    const path = reportPath(plan, 'chaos', options.outDir, stamp);
    await writeJson(path, {
      schemaVersion: REPORT_SCHEMA_VERSION,
      ...chaos.meta,
      summary: chaos.summary,
      results: chaos.results ?? [],
    });
    phases.push({
      phase: 'chaos',
      score: chaos.summary.robustness,
      detail: `${chaos.summary.passed}/${chaos.summary.total} cases passed under chaos`,
      report: path,
    });
  }
  if (plan.contract !== undefined) {
    progress = startPhase('contract');
    let cells = 0;
    const done = phaseCounter(progress, () => cells);
    const onEvent = (event: ContractEvent) => {
      if (event.type === 'contract.start') cells = event.cells * event.invariants;
      if (event.type === 'cell.result') {
        const r = event.result;
        done(`${r.cell} / ${r.invariantId}`, r.status !== 'failed', r.probes.find((p) => p.error)?.error);
      }
    };
    const contract = await runContract(plan, { registry, onEvent }).finally(progress.stop);
    const path = reportPath(plan, 'contract', options.outDir, stamp);
    await writeJson(path, contract);
    const { summary } = contract;
    const critical =
      summary.criticalFailures > 0 ? `, ${summary.criticalFailures} critical failures (contract FAILED)` : '';
    phases.push({
      phase: 'contract',
      score: summary.score === null ? null : summary.score / 100,
      detail: `${summary.counts.passed} passed, ${summary.counts.failed} failed cells${critical}`,
      report: path,
    });
  }
  if (sessions.length > 0) {
    progress = startPhase('replay');
    const done = phaseCounter(progress, () => sessions.length);
    const replay = await runReplays(plan, {
      registry,
      sessions,
      onResult: (r) => done(r.name ?? r.id, r.passed, r.error),
    }).finally(progress.stop);
    const path = reportPath(plan, 'replay', options.outDir, stamp);
    await writeJson(path, replay);
    phases.push({
      phase: 'replay',
      score: replay.summary.score,
      detail: `${replay.summary.passed}/${replay.summary.total} sessions passed`,
      report: path,
    });
  }

  const scores: PhaseScores = {};
  for (const p of phases) if (p.score !== null) scores[p.phase] = p.score;
  const weights = (plan.scoring ?? {}) as Partial<Record<Phase, number>>;
  const combined = combinePhaseScores(scores, {
    mutation: 0.2,
    chaos: 0.35,
    contract: 0.35,
    replay: 0.1,
    ...weights,
  });
  const minScore = options.minScore ?? plan.settings.minScore;
  const below = minScore !== undefined && (combined.score === null || combined.score < minScore);
  const summaryPath = options.json ? resolve(options.json) : reportPath(plan, 'ci', options.outDir, stamp);
  await writeJson(summaryPath, {
    kind: 'ci',
    configSource: plan.source,
    startedAt: stamp,
    phases,
    overall: combined,
    minScore: minScore ?? null,
    passed: !below,
  });

  const c = createColors(shouldColor(process.stdout));
  const overall = `overall ${pct(combined.score)}${combined.band ? ` (${combined.band})` : ''}${minScore === undefined ? '' : ` (min ${pct(minScore)})`}`;
  if (options.quiet) process.stdout.write(`${overall}\n`);
  else {
    const reports = phases.map((p) => `  ${p.phase.padEnd(9)} ${c.dim(p.report)}`);
    process.stdout.write(
      `${formatCiTable(phases, combined, minScore, c)}\nreports\n${reports.join('\n')}\nsummary ${summaryPath}\n`,
    );
  }
  return below ? ExitCode.belowMinScore : ExitCode.passed;
}
