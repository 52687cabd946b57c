import type { Delta } from '../api/types.js';
import { deltaPoints, percent } from '../format.js';

/** Before/after pass rates of each slice with the change, regressions first. */
export function DeltaTable(props: {
  title: string;
  rows: Array<{ key: string } & Delta>;
  tolerance: number;
}) {
  const rows = [...props.rows].sort((a, b) => (a.delta ?? 0) - (b.delta ?? 0) || a.key.localeCompare(b.key));
  return (
    <section className="card">
      <h2>{props.title}</h2>
      {rows.length === 0 ? (
        <p className="muted">Nothing to compare.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{props.title.replace(/^By /, '')}</th>
              <th>Base</th>
              <th>Head</th>
              <th>Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{r.key}</td>
                <td className="num">{percent(r.base)}</td>
                <td className="num">{percent(r.head)}</td>
                <td
                  className={`num ${r.delta === null ? '' : r.delta < -props.tolerance ? 'worse' : r.delta > props.tolerance ? 'better' : ''}`}
                >
                  {r.delta === null ? (r.base === null ? 'new' : 'gone') : deltaPoints(r.delta)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
