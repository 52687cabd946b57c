import type { LatencyStats } from '../api/types.js';
import { duration } from '../format.js';

/** The latency histogram of a run (bucket upper bounds from the summary), with its percentiles. */
export function LatencyHistogram(props: { latency: LatencyStats }) {
  const { latency } = props;
  const buckets = latency.histogram.filter((b) => b.count > 0 || latency.histogram.length <= 12);
  const max = Math.max(1, ...buckets.map((b) => b.count));
  if (latency.count === 0) return <p className="muted">No latencies recorded.</p>;
  return (
    <div className="histogram-box">
      <div className="histogram" role="img" aria-label="Latency histogram">
        {buckets.map((b) => (
          <div key={b.le} className="histogram-col" title={`≤ ${duration(b.le)}: ${b.count}`}>
            <span className="histogram-count">{b.count}</span>
            <span className="histogram-bar" style={{ height: `${(b.count / max) * 100}%` }} />
            <span className="histogram-le">{Number.isFinite(b.le) ? `≤${duration(b.le)}` : 'more'}</span>
          </div>
        ))}
      </div>
      <p className="muted">
        p50 {duration(latency.p50)} · p95 {duration(latency.p95)} · p99 {duration(latency.p99)} · max{' '}
        {duration(latency.max)}
      </p>
    </div>
  );
}
