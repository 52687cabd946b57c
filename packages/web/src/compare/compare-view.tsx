import type { RunComparison } from '../api/types.js';
import { Link } from '../app/link.js';
import { runPath } from '../app/routes.js';
import { dateTime, deltaPoints, duration, percent } from '../format.js';
import { ScoreGauge } from '../ui/score-gauge.js';
import { CaseChanges } from './case-changes.js';
import { DeltaTable } from './delta-table.js';

/** Two runs side by side: scores, per-slice deltas, latency and the cases that flipped. */
export function CompareView(props: { comparison: RunComparison }) {
  const c = props.comparison;
  const latency = (['p50', 'p95', 'p99'] as const).map((k) => ({ k, ...c.latency[k] }));
  return (
    <div data-testid="comparison">
      <div className="grid-2">
        {(
          [
            ['Base', c.base],
            ['Head', c.head],
          ] as const
        ).map(([side, run]) => (
          <section key={side} className="card side">
            <h2>{side}</h2>
            <ScoreGauge score={run.robustness} />
            <p>
              <Link to={runPath(run.runId)} className="mono">
                {run.runId}
              </Link>
            </p>
            <p className="muted">
              {dateTime(run.startedAt)} · {run.agent} · {run.passed}/{run.total} passed
            </p>
          </section>
        ))}
      </div>
      <p className={`verdict ${c.regressed ? 'worse' : 'better'}`} data-testid="verdict">
        Robustness {percent(c.base.robustness)} → {percent(c.head.robustness)} ({deltaPoints(c.delta)}):{' '}
        {c.regressed ? `regressed (beyond the ${percent(c.tolerance)} tolerance)` : 'no regression'}
      </p>
      <div className="grid-2">
        <DeltaTable
          title="By mutation type"
          rows={c.byType.map((r) => ({ ...r, key: r.type }))}
          tolerance={c.tolerance}
        />
        <DeltaTable
          title="By invariant"
          rows={c.byInvariant.map((r) => ({ ...r, key: r.id }))}
          tolerance={c.tolerance}
        />
        <CaseChanges
          title="Newly failing"
          items={c.newlyFailing}
          total={c.counts.newlyFailing}
          empty="No case that passed in the base fails in the head."
        />
        <CaseChanges
          title="Newly passing"
          items={c.newlyPassing}
          total={c.counts.newlyPassing}
          empty="No case that failed in the base passes in the head."
        />
      </div>
      <section className="card">
        <h2>Latency</h2>
        <p>
          {latency.map((l) => (
            <span key={l.k} className="latency-delta">
              {l.k} {duration(l.base)} → {duration(l.head)}
            </span>
          ))}
        </p>
        <p className="muted">
          {c.counts.matched} cases matched · {c.counts.stillFailing} still failing · {c.counts.onlyInBase}{' '}
          only in base · {c.counts.onlyInHead} only in head
        </p>
      </section>
    </div>
  );
}
