import type { RunSummary } from '../api/types.js';
import { duration } from '../format.js';
import { BarList } from '../ui/bar-list.js';
import { LatencyHistogram } from './latency-histogram.js';

/** The scores of a finished run: per type, per invariant, latency, errors and flaky cases. */
export function RunSummaryPanel(props: { summary: RunSummary }) {
  const s = props.summary;
  const typeBars = Object.entries(s.byType).map(([type, b]) => ({
    key: type,
    label: type,
    rate: b.rate,
    detail: `${b.passed}/${b.total}`,
  }));
  const invariantBars = Object.entries(s.byInvariant).map(([id, b]) => ({
    key: id,
    label: `${id} (${b.severity})`,
    rate: b.rate,
    detail: `${b.passed}/${b.total}`,
  }));
  const causes = Object.entries(s.errorsByCause);
  return (
    <div className="grid-2">
      <section className="card">
        <h2>By mutation type</h2>
        <BarList items={typeBars} empty="No mutation types scored." />
      </section>
      <section className="card">
        <h2>By invariant</h2>
        <BarList items={invariantBars} empty="No invariants checked." />
      </section>
      <section className="card">
        <h2>Latency</h2>
        <LatencyHistogram latency={s.latency} />
      </section>
      <section className="card">
        <h2>Errors and flakiness</h2>
        {causes.length === 0 ? (
          <p className="muted">No call failed.</p>
        ) : (
          <ul className="plain">
            {causes.map(([cause, n]) => (
              <li key={cause}>
                {cause}: {n}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">
          {s.flaky.length} flaky case{s.flaky.length === 1 ? '' : 's'} · {s.errored} errored · took{' '}
          {duration(s.durationMs)}
        </p>
      </section>
    </div>
  );
}
