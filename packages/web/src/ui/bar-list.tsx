import { percent } from '../format.js';

/** One horizontal bar: a label, a 0..1 rate, and the counts behind it. */
export interface BarItem {
  key: string;
  label: string;
  rate: number;
  detail: string;
}

/** Horizontal pass-rate bars (per mutation type, per invariant), worst first. */
export function BarList(props: { items: BarItem[]; empty: string }) {
  if (props.items.length === 0) return <p className="muted">{props.empty}</p>;
  const items = [...props.items].sort((a, b) => a.rate - b.rate || a.label.localeCompare(b.label));
  return (
    <ul className="bars">
      {items.map((item) => (
        <li key={item.key}>
          <span className="bar-label" title={item.label}>
            {item.label}
          </span>
          <span className="bar-track">
            <span
              className={`bar-fill ${item.rate < 0.7 ? 'bad' : item.rate < 0.9 ? 'fair' : 'good'}`}
              style={{ width: `${Math.max(0, Math.min(1, item.rate)) * 100}%` }}
            />
          </span>
          <span className="bar-value">{percent(item.rate)}</span>
          <span className="bar-detail muted">{item.detail}</span>
        </li>
      ))}
    </ul>
  );
}
