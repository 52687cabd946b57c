import { FlakestormError } from '../errors.js';
import type { RunReport } from '../run/report.js';
import type { CaseResult } from '../run/result.js';
import type { ReplaySession } from './session.js';

/**
 * The failing cases of a run report as replay sessions. Each holds the *mutated* request that failed
 * (its prompt and conversation), not the golden prompt it came from (the Python tool's bug), plus the
 * failed checks as context, so the regression replays exactly what broke.
 */
export function sessionsFromReport(text: string, file: string): ReplaySession[] {
  let report: Partial<RunReport>;
  try {
    report = JSON.parse(text) as Partial<RunReport>;
  } catch (cause) {
    throw new FlakestormError('FLAKESTORM_REPORT_INVALID', `${file} is not JSON.`, {
      cause,
      hint: 'Pass the JSON report of a run (`flakestorm run --json report.json`).',
      details: { file },
    });
  }
  if (!Array.isArray(report.results)) {
    throw new FlakestormError(
      'FLAKESTORM_REPORT_INVALID',
      `${file} is not a run report: it has no \`results\`.`,
      {
        hint: 'Pass the JSON report of a run (`flakestorm run --json report.json`).',
        details: { file },
      },
    );
  }
  const failing = (report.results as CaseResult[]).filter((r) => r && r.passed === false);
  return failing.map((result) => ({
    id: `${report.runId ?? 'run'}-${result.id}`,
    name: `${result.mutationType} #${result.variantIndex + 1} of golden prompt #${result.goldenIndex + 1}`,
    source: 'report',
    ...(report.startedAt === undefined ? {} : { capturedAt: report.startedAt }),
    input: result.mutated,
    ...(result.messages && result.messages.length > 1 ? { messages: result.messages } : {}),
    context: {
      goldenPrompt: result.goldenPrompt,
      mutationType: result.mutationType,
      failedChecks: result.checks.filter((c) => !c.passed).map((c) => ({ id: c.id, reason: c.reason })),
      ...(result.error ? { error: result.error.message } : {}),
    },
    response: result.response,
    exchanges: [],
    expectedFailure: true,
  }));
}
