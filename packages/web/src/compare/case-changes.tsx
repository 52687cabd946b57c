import type { CaseChange } from '../api/types.js';

/** Cases whose outcome flipped (ids, types and the reason they fail or failed). */
export function CaseChanges(props: { title: string; items: CaseChange[]; total: number; empty: string }) {
  return (
    <section className="card">
      <h2>
        {props.title} ({props.total})
      </h2>
      {props.items.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul className="changes">
          {props.items.map((c) => (
            <li key={c.id}>
              <span className="type-chip">{c.mutationType}</span> <span>{c.label}</span>
              {c.reason ? <div className="muted">{c.reason}</div> : null}
            </li>
          ))}
          {props.total > props.items.length ? (
            <li className="muted">…and {props.total - props.items.length} more</li>
          ) : null}
        </ul>
      )}
    </section>
  );
}
