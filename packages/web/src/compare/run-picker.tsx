import type { RunRecord } from '../api/types.js';
import { dateTime, percent } from '../format.js';

/** A select of finished runs (newest first) for one side of a comparison. */
export function RunPicker(props: {
  label: string;
  runs: RunRecord[];
  value: string | null;
  onChange(id: string): void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">choose a run…</option>
        {props.runs.map((r) => (
          <option key={r.id} value={r.id}>
            {dateTime(r.startedAt)} · {percent(r.robustness)} · {r.agentDescription.slice(0, 40)} · {r.id}
          </option>
        ))}
      </select>
    </label>
  );
}
