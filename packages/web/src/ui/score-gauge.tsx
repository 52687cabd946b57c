import { percent, scoreBand } from '../format.js';

/** The robustness score as a half-circle gauge coloured by band. */
export function ScoreGauge(props: { score: number | null; label?: string }) {
  const score = props.score;
  const band = score === null ? 'none' : scoreBand(score);
  const angle = Math.PI * (1 - Math.min(1, Math.max(0, score ?? 0)));
  const x = 60 + 50 * Math.cos(angle);
  const y = 60 - 50 * Math.sin(angle);
  return (
    <figure className={`gauge gauge-${band}`} aria-label={`${props.label ?? 'Robustness'} ${percent(score)}`}>
      <svg viewBox="0 0 120 70" width="180" height="105" aria-hidden="true">
        <path d="M10 60 A50 50 0 0 1 110 60" className="gauge-track" />
        {score !== null && score > 0 ? (
          <path d={`M10 60 A50 50 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)}`} className="gauge-value" />
        ) : null}
      </svg>
      <figcaption>
        <span className="gauge-score" data-testid="score">
          {percent(score)}
        </span>
        <span className="gauge-label">{score === null ? (props.label ?? 'robustness') : band}</span>
      </figcaption>
    </figure>
  );
}
