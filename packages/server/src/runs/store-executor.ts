import { type FlakestormError, isFlakestormError, type Registry, runPlan } from '@flakestorm/core';
import { recordRunEvents, type Store } from '@flakestorm/store';
import { type ApiConfigPolicy, loadApiConfig } from '../config-policy.js';
import type { RunEventHub } from './run-event-hub.js';
import { RunCancelledError, type RunExecutor } from './run-queue.js';

/** What the executor needs from the server. */
export interface StoreExecutorDeps {
  store: Store;
  hub: RunEventHub;
  registry: Registry;
  /** Held again at execution: a stored agent may predate a stricter policy. */
  policy: ApiConfigPolicy;
  /** Called with operational failures (config no longer valid, target down), for the server log. */
  onFailure?(runId: string, error: FlakestormError | Error): void;
}

/**
 * Executes a queued run in this process: loads its config, runs the engine with the job's run id,
 * streams events to live subscribers and results into the store. A failure before any case ran
 * (target down, config invalid) marks the run failed with its reason in the log.
 */
export function createStoreExecutor(deps: StoreExecutorDeps): RunExecutor {
  const { store, hub, registry } = deps;
  return async (job, signal) => {
    const scope = {
      workspace: job.workspace,
      project: job.project,
      origin: 'server',
      ...(job.agentId ? { agentId: job.agentId } : {}),
    };
    const sink = recordRunEvents(store, scope);
    try {
      const { plan } = loadApiConfig(job.configYaml, job.agentId ? `agent ${job.agentId}` : 'inline config', {
        baseDir: job.baseDir,
        registry,
        policy: deps.policy,
      });
      await runPlan(plan, {
        registry,
        signal,
        runId: job.runId,
        onEvent: (event) => {
          sink.onEvent(event);
          hub.publish(job.runId, event);
        },
      });
      await sink.done();
      if (signal.reason instanceof RunCancelledError) await store.setRunStatus(job.runId, 'cancelled');
    } catch (error) {
      await sink.done().catch(() => undefined);
      // A user's cancel ends as cancelled; a shutdown's abort as interrupted (it may be started again).
      const status = !signal.aborted
        ? 'failed'
        : signal.reason instanceof RunCancelledError
          ? 'cancelled'
          : 'interrupted';
      await store.setRunStatus(job.runId, status).catch(() => undefined);
      hub.publish(job.runId, {
        type: 'run.error',
        code: isFlakestormError(error) ? error.code : 'FLAKESTORM_INTERNAL',
        message: error instanceof Error ? error.message : String(error),
      });
      deps.onFailure?.(job.runId, error instanceof Error ? error : new Error(String(error)));
    } finally {
      hub.end(job.runId);
    }
  };
}
