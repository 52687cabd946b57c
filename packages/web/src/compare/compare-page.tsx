import { useQuery } from '@tanstack/react-query';
import type { Page, RunComparison, RunRecord } from '../api/types.js';
import { useApi } from '../app/auth-context.js';
import { navigate } from '../app/navigation.js';
import { comparePath } from '../app/routes.js';
import { Empty, ErrorBox, Loading } from '../ui/states.js';
import { CompareView } from './compare-view.js';
import { RunPicker } from './run-picker.js';

/** Pick two finished runs and see what changed between them. */
export function ComparePage(props: { base: string | null; head: string | null }) {
  const api = useApi();
  const runs = useQuery({
    queryKey: ['runs', 'finished-for-compare'],
    queryFn: () =>
      api
        .get<Page<RunRecord>>('/api/runs', { limit: 200 })
        .then((p) => p.items.filter((r) => r.robustness !== null)),
  });
  const { base, head } = props;
  const comparison = useQuery({
    queryKey: ['compare', base, head],
    queryFn: () => api.get<RunComparison>('/api/compare', { base, head }),
    enabled: Boolean(base && head),
  });
  const choose = (side: 'base' | 'head', id: string) => {
    const next = { base: base ?? '', head: head ?? '', [side]: id };
    navigate(
      next.base && next.head ? comparePath(next.base, next.head) : `/compare?${new URLSearchParams(next)}`,
      { replace: true },
    );
  };

  return (
    <section>
      <h1>Compare runs</h1>
      {runs.isError ? <ErrorBox error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      <div className="filters">
        <RunPicker
          label="Base (before)"
          runs={runs.data ?? []}
          value={base}
          onChange={(id) => choose('base', id)}
        />
        <RunPicker
          label="Head (after)"
          runs={runs.data ?? []}
          value={head}
          onChange={(id) => choose('head', id)}
        />
      </div>
      {!base || !head ? (
        <Empty title="Pick two runs">Choose a base and a head run, or tick two runs on the Runs page.</Empty>
      ) : comparison.isPending ? (
        <Loading label="Comparing…" />
      ) : comparison.isError ? (
        <ErrorBox
          error={comparison.error}
          onRetry={() => void comparison.refetch()}
          title="Could not compare"
        />
      ) : (
        <CompareView comparison={comparison.data} />
      )}
    </section>
  );
}
