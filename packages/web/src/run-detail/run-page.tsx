import { useQuery } from '@tanstack/react-query';
import type { RunDetail } from '../api/types.js';
import { useApi } from '../app/auth-context.js';
import { ProgressBar } from '../ui/progress-bar.js';
import { ScoreGauge } from '../ui/score-gauge.js';
import { Empty, ErrorBox, Loading } from '../ui/states.js';
import { FailuresList } from './failures-list.js';
import { RunHeader } from './run-header.js';
import { RunSummaryPanel } from './run-summary-panel.js';
import { useRunEvents } from './use-run-events.js';

/** One run: live progress while it runs, then its scores, latency and failures. */
export function RunPage(props: { id: string }) {
  const api = useApi();
  const run = useQuery({
    queryKey: ['run', props.id],
    queryFn: () => api.get<RunDetail>(`/api/runs/${encodeURIComponent(props.id)}`),
    // Polling backs up the live stream (a proxy may buffer it); stops once the run has ended.
    refetchInterval: (q) => (['queued', 'running'].includes(q.state.data?.status ?? '') ? 3_000 : false),
  });
  const active = run.data?.status === 'queued' || run.data?.status === 'running';
  const live = useRunEvents(props.id, active);

  if (run.isPending) return <Loading label="Loading the run…" />;
  if (run.isError) return <ErrorBox error={run.error} onRetry={() => void run.refetch()} />;
  const data = run.data;
  const progress = live.progress ?? {
    completed: data.completed,
    total: data.totalCases,
    passed: data.passed,
    failed: data.failed,
  };
  // While running, show the unweighted pass rate so far; the weighted score arrives with the summary.
  const liveRate = progress.completed > 0 ? progress.passed / progress.completed : null;
  const score = data.summary?.robustness ?? (active ? liveRate : data.robustness);
  const types = data.summary ? Object.keys(data.summary.byType) : data.meta.mutationTypes;
  const invariants = data.meta.invariants.map((i) => i.id);

  return (
    <section>
      <RunHeader run={data} liveStatus={active ? live.status : null} />
      <div className="live-row card">
        <ScoreGauge score={score} label={active ? 'pass rate so far' : 'robustness'} />
        <div className="grow">
          <ProgressBar {...progress} />
          {live.warnings.map((w) => (
            <p key={w} className="warning-text">
              {w}
            </p>
          ))}
          {live.error && active ? (
            <p className="muted">Live updates paused ({live.error}); polling instead.</p>
          ) : null}
        </div>
      </div>
      {data.summary ? (
        <RunSummaryPanel summary={data.summary} />
      ) : active ? null : (
        <Empty title="No summary">This run ended ({data.status}) before it could be scored.</Empty>
      )}
      <FailuresList runId={data.id} types={types} invariants={invariants} />
    </section>
  );
}
