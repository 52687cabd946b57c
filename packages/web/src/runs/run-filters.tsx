import { type RunStatus, runStatuses } from '../api/types.js';
import { useProjects } from '../api/use-projects.js';

/** The run list's filters. */
export interface RunFilterValues {
  status: RunStatus | '';
  search: string;
  projectId: string;
}

/** Status, project and free-text search over the run list. */
export function RunFilters(props: { value: RunFilterValues; onChange(value: RunFilterValues): void }) {
  const projects = useProjects();
  const { value, onChange } = props;
  return (
    <div className="filters">
      <label>
        Status
        <select
          value={value.status}
          onChange={(e) => onChange({ ...value, status: e.target.value as RunStatus | '' })}
        >
          <option value="">any</option>
          {runStatuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Project
        <select value={value.projectId} onChange={(e) => onChange({ ...value, projectId: e.target.value })}>
          <option value="">all projects</option>
          {(projects.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        Search
        <input
          type="search"
          placeholder="agent, run id or config hash"
          value={value.search}
          onChange={(e) => onChange({ ...value, search: e.target.value })}
        />
      </label>
    </div>
  );
}
