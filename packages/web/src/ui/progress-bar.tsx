/** Progress of a run: completed of total, with passed and failed parts. */
export function ProgressBar(props: { completed: number; total: number; passed: number; failed: number }) {
  const total = Math.max(props.total, 1);
  const pct = (n: number) => `${Math.min(100, (n / total) * 100)}%`;
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Cases completed"
        aria-valuemin={0}
        aria-valuemax={props.total}
        aria-valuenow={props.completed}
      >
        <div className="progress-pass" style={{ width: pct(props.passed) }} />
        <div className="progress-fail" style={{ width: pct(props.failed) }} />
      </div>
      <div className="progress-label">
        {props.completed} / {props.total} cases · {props.passed} passed · {props.failed} failed
      </div>
    </div>
  );
}
