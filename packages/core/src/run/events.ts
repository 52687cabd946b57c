import type { FlakestormErrorCode } from '../errors.js';
import type { RunMeta } from './report.js';
import type { CaseResult } from './result.js';
import type { RunSummary } from './summary.js';

/** Typed events the engine emits; the CLI renders them, the server streams them. Nobody prints from the engine. */
export type RunEvent =
  | { type: 'run.start'; meta: RunMeta; totalCases: number }
  | { type: 'preflight.ok'; target: string }
  | { type: 'case.start'; caseId: string; index: number }
  | { type: 'case.retry'; caseId: string; attempt: number; delayMs: number; reason: string }
  | {
      type: 'case.result';
      result: CaseResult;
      completed: number;
      total: number;
      passed: number;
      failed: number;
    }
  | { type: 'warning'; code: string; message: string }
  | { type: 'run.cancelling'; reason: string }
  | { type: 'run.end'; meta: RunMeta; summary: RunSummary }
  | { type: 'run.error'; code: FlakestormErrorCode; message: string };

/** A consumer of run events. */
export type RunEventListener = (event: RunEvent) => void;
