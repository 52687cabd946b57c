import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { AgentRecord, TrendPoint } from '../api/types.js';
import { useProjects } from '../api/use-projects.js';
import { useApi } from '../app/auth-context.js';
import { Link } from '../app/link.js';
import { navigate } from '../app/navigation.js';
import { runPath } from '../app/routes.js';
import { dateTime, percent } from '../format.js';
import { Empty, ErrorBox, Loading } from '../ui/states.js';
import { TrendChart } from './trend-chart.js';
import { toTrendSeries } from './trend-series.js';

/** Score over time per project or agent, overall and per mutation type. */
export function TrendsPage() {
  const api = useApi();
  const projects = useProjects();
  const [projectId, setProjectId] = useState('');
  const [agentId, setAgentId] = useState('');
  const agents = useQuery({
    queryKey: ['agents', projectId],
    queryFn: () => api.get<{ items: AgentRecord[] }>('/api/agents', { projectId }).then((r) => r.items),
  });
  const trends = useQuery({
    queryKey: ['trends', projectId, agentId],
    queryFn: () =>
      api.get<{ points: TrendPoint[] }>('/api/trends', { projectId, agentId }).then((r) => r.points),
  });
  const series = useMemo(() => toTrendSeries(trends.data ?? []), [trends.data]);
  const pick = useMemo(() => (runId: string) => navigate(runPath(runId)), []);

  return (
    <section>
      <h1>Trends</h1>
      <div className="filters">
        <label>
          Project
          <select
            value={projectId}
            onChange={(e) => {
              setProjectId(e.target.value);
              setAgentId('');
            }}
          >
            <option value="">all projects</option>
            {(projects.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Agent
          <select value={agentId} onChange={(e) => setAgentId(e.target.value)}>
            <option value="">all agents</option>
            {(agents.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {trends.isPending ? (
        <Loading label="Loading trends…" />
      ) : trends.isError ? (
        <ErrorBox error={trends.error} onRetry={() => void trends.refetch()} />
      ) : trends.data.length === 0 ? (
        <Empty title="No completed runs yet">Trends appear once runs complete for this selection.</Empty>
      ) : (
        <>
          <section className="card">
            <p className="muted">Click a point to open that run.</p>
            <TrendChart series={series} onPick={pick} />
          </section>
          <section className="card">
            <h2>Runs in this trend</h2>
            <table className="table">
              <thead>
                <tr>
                  <th>Started</th>
                  <th>Robustness</th>
                  <th>Agent</th>
                  <th>Run</th>
                </tr>
              </thead>
              <tbody>
                {[...trends.data].reverse().map((p) => (
                  <tr key={p.runId}>
                    <td>{dateTime(p.startedAt)}</td>
                    <td className="num">{percent(p.robustness)}</td>
                    <td className="clip">{p.agentDescription}</td>
                    <td>
                      <Link to={runPath(p.runId)} className="mono">
                        {p.runId}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </section>
  );
}
