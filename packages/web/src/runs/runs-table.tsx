import type { RunRecord } from '../api/types.js';
import { Link } from '../app/link.js';
import { runPath } from '../app/routes.js';
import { dateTime, percent } from '../format.js';
import { StatusBadge } from '../ui/status-badge.js';

/** The run list; rows can be ticked to compare two runs. */
export function RunsTable(props: { runs: RunRecord[]; selected: string[]; onToggle(id: string): void }) {
  return (
    <table className="table runs-table">
      <thead>
        <tr>
          <th aria-label="Select" />
          <th>Status</th>
          <th>Robustness</th>
          <th>Cases</th>
          <th>Agent</th>
          <th>Started</th>
          <th>Run</th>
        </tr>
      </thead>
      <tbody>
        {props.runs.map((run) => (
          <tr key={run.id} data-run-id={run.id}>
            <td>
              <input
                type="checkbox"
                aria-label={`Select run ${run.id} to compare`}
                checked={props.selected.includes(run.id)}
                onChange={() => props.onToggle(run.id)}
              />
            </td>
            <td>
              <StatusBadge status={run.status} />
            </td>
            <td className="num">{percent(run.robustness)}</td>
            <td className="num">
              {run.completed}/{run.totalCases}
              {run.failed > 0 ? <span className="fail-count"> · {run.failed} failed</span> : null}
            </td>
            <td className="clip" title={run.agentDescription}>
              {run.agentDescription}
            </td>
            <td>{dateTime(run.startedAt)}</td>
            <td>
              <Link to={runPath(run.id)} className="mono">
                {run.id}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
