import type { Severity } from '../severity.js';
import type { ContractCellResult, ContractSummary } from './contract-report.js';

/** Weight of a cell's verdict by its invariant's severity (Python Flakestorm's contract weights). */
export const contractSeverityWeights: Readonly<Record<Severity, number>> = {
  critical: 3,
  high: 2,
  medium: 1,
  low: 1,
};

function weighted(results: readonly ContractCellResult[]): {
  score: number | null;
  passedWeight: number;
  totalWeight: number;
} {
  let passedWeight = 0;
  let totalWeight = 0;
  for (const result of results) {
    if (result.status === 'skipped') continue;
    const weight = contractSeverityWeights[result.severity];
    totalWeight += weight;
    if (result.status === 'passed') passedWeight += weight;
  }
  const score = totalWeight === 0 ? null : Math.round((passedWeight / totalWeight) * 10_000) / 100;
  return { score, passedWeight, totalWeight };
}

/**
 * Scores a contract from its cell verdicts: severity-weighted pass rate x 100 over the cells that ran
 * (skipped ones do not count); the contract fails when any critical cell failed, whatever the number,
 * and when the score is below `minScore` (0..100) if one is given.
 */
export function scoreContract(results: readonly ContractCellResult[], minScore?: number): ContractSummary {
  const total = weighted(results);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  let criticalFailures = 0;
  const cells: string[] = [];
  for (const result of results) {
    counts[result.status]++;
    if (result.status === 'failed' && result.severity === 'critical') criticalFailures++;
    if (!cells.includes(result.cell)) cells.push(result.cell);
  }
  const perCell = cells.map((cell) => {
    const own = results.filter((r) => r.cell === cell);
    return { cell, score: weighted(own).score, failed: own.filter((r) => r.status === 'failed').length };
  });
  const belowMin = minScore !== undefined && total.score !== null && total.score < minScore;
  return {
    score: total.score,
    passed: criticalFailures === 0 && !belowMin,
    criticalFailures,
    passedWeight: total.passedWeight,
    totalWeight: total.totalWeight,
    counts,
    perCell,
  };
}
