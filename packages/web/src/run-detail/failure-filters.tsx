/** Filters of the failures list (empty string: any). */
export interface FailureFilterValues {
  mutationType: string;
  invariant: string;
  cause: string;
}

const causes = [
  'timeout',
  'connection',
  'http_status',
  'invalid_response',
  'too_large',
  'aborted',
  'target_error',
];

/** Mutation type, failed invariant and error cause pickers for the failures list. */
export function FailureFilters(props: {
  types: string[];
  invariants: string[];
  value: FailureFilterValues;
  onChange(value: FailureFilterValues): void;
}) {
  const { value, onChange } = props;
  return (
    <div className="filters">
      <label>
        Mutation type
        <select
          value={value.mutationType}
          onChange={(e) => onChange({ ...value, mutationType: e.target.value })}
        >
          <option value="">any</option>
          {props.types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Failed invariant
        <select value={value.invariant} onChange={(e) => onChange({ ...value, invariant: e.target.value })}>
          <option value="">any</option>
          {props.invariants.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Error cause
        <select value={value.cause} onChange={(e) => onChange({ ...value, cause: e.target.value })}>
          <option value="">any</option>
          {causes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
