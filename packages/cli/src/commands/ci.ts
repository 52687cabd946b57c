import { resolve } from 'node:path';
import {
  builtinPlugin,
  combinePhaseScores,
  createRegistry,
  type Phase,
  type PhaseScores,
  prepareCheckRunner,
  REPORT_SCHEMA_VERSION,
  type Registry,
  type RunPlan,
  runContract,
  runPlan,
  runReplays,
  startChaosRun,
} from '@flakestorm/core';
import { ExitCode } from '../exit-codes.js';
import { toPlan } from '../sdk-run.js';
import { createColors, shouldColor } from '../terminal/colors.js';
import type { CiCliOptions } from './ci-command.js';
import { reportPath, writeJson } from './contract.js';

/** One phase's outcome in the CI summary. */
interface PhaseOutcome {
  phase: Phase;
  score: number | null;
  detail: string;
  report: string;
}

async function runRobustness(plan: RunPlan, registry: Registry, chaos: boolean) {
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
  const raw = registry
    .target(plan.target.kind)
    .create(plan.target, { baseDir: plan.baseDir, timeoutMs: plan.timeoutMs, env: process.env });
  const target = started ? started.wrapTarget(raw) : raw;
  try {
    return await runPlan(plan, {
      registry,
      target,
      keepResults: true,
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
  const say = (line: string) => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };
  const phases: PhaseOutcome[] = [];

  say('flakestorm ci: mutation phase');
  const mutation = await runRobustness(plan, registry, false);
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
    say('flakestorm ci: chaos phase');
    const chaos = await runRobustness(plan, registry, true);
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
    say('flakestorm ci: contract phase');
    const contract = await runContract(plan, { registry });
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
  if (((plan.replays?.sessions as unknown[] | undefined) ?? []).length > 0) {
    say('flakestorm ci: replay phase');
    const replay = await runReplays(plan, { registry });
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
  const pct = (n: number | null) => (n === null ? 'n/a' : `${(n * 100).toFixed(1)}%`);
  const overall = `overall ${pct(combined.score)}${combined.band ? ` (${combined.band})` : ''}${minScore === undefined ? '' : ` (min ${pct(minScore)})`}`;
  if (options.quiet) process.stdout.write(`${overall}\n`);
  else {
    const lines = phases.map(
      (p) =>
        `  ${p.phase.padEnd(9)} ${pct(p.score).padStart(6)}  weight ${(combined.weights[p.phase] ?? 0).toFixed(2)}  ${c.dim(p.detail)}\n             ${c.dim(p.report)}`,
    );
    process.stdout.write(
      `${lines.join('\n')}\n${below ? c.red(overall) : c.green(overall)}\nsummary ${summaryPath}\n`,
    );
  }
  return below ? ExitCode.belowMinScore : ExitCode.passed;
}
