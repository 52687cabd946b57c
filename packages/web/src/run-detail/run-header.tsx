import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RunDetail } from '../api/types.js';
import { useApi } from '../app/auth-context.js';
import { dateTime, duration } from '../format.js';
import { ErrorBox } from '../ui/states.js';
import { StatusBadge } from '../ui/status-badge.js';
import { ExportMenu } from './export-menu.js';

/** A run's identity and actions: status, agent, timing, cancel, exports. */
export function RunHeader(props: { run: RunDetail; liveStatus: string | null }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { run } = props;
  const status = props.liveStatus ?? run.status;
  const active = status === 'queued' || status === 'running';
  const cancel = useMutation({
    mutationFn: () => api.post(`/api/runs/${encodeURIComponent(run.id)}/cancel`, {}),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['run', run.id] }),
  });
  const took =
    run.finishedAt && run.startedAt ? Date.parse(run.finishedAt) - Date.parse(run.startedAt) : undefined;
  return (
    <div className="run-header">
      <div className="page-head">
        <h1>
          Run <span className="mono">{run.id}</span> <StatusBadge status={status} />
        </h1>
        {active ? (
          <button type="button" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            {cancel.isPending ? 'Cancelling…' : 'Cancel run'}
          </button>
        ) : null}
      </div>
      <dl className="facts">
        <dt>Agent</dt>
        <dd>
          {run.agentKind} · {run.agentDescription}
        </dd>
        <dt>Started</dt>
        <dd>{dateTime(run.startedAt)}</dd>
        <dt>Duration</dt>
        <dd>{took !== undefined && took >= 0 ? duration(took) : '–'}</dd>
        <dt>Config</dt>
        <dd className="mono">
          {run.meta.configSource} · seed {run.seed}
          {run.configHash ? ` · ${run.configHash.slice(0, 12)}` : ''}
        </dd>
      </dl>
      {run.meta.warnings.length > 0 ? (
        <ul className="warnings">
          {run.meta.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {cancel.error ? <ErrorBox error={cancel.error} title="Could not cancel" /> : null}
      {!active && run.summary ? <ExportMenu runId={run.id} /> : null}
    </div>
  );
}
