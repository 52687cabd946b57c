import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Page, RunRecord } from '../api/types.js';
import { useApi } from '../app/auth-context.js';
import { navigate } from '../app/navigation.js';
import { comparePath } from '../app/routes.js';
import { Empty, ErrorBox, Loading } from '../ui/states.js';
import { useDebounced } from '../ui/use-debounced.js';
import { NewRunForm } from './new-run-form.js';
import { RunFilters, type RunFilterValues } from './run-filters.js';
import { RunsTable } from './runs-table.js';

/** Run history: filters, cursor paging, selection of two runs to compare, and starting a run. */
export function RunsPage() {
  const api = useApi();
  const [filters, setFilters] = useState<RunFilterValues>({ status: '', search: '', projectId: '' });
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const search = useDebounced(filters.search.trim(), 300);
  const query = { status: filters.status, projectId: filters.projectId, search };
  const runs = useInfiniteQuery({
    queryKey: ['runs', query],
    queryFn: ({ pageParam }) =>
      api.get<Page<RunRecord>>('/api/runs', { ...query, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Keep statuses fresh while runs are active.
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.items.some((r) => r.status === 'running' || r.status === 'queued'))
        ? 2_000
        : false,
  });
  const items = runs.data?.pages.flatMap((p) => p.items) ?? [];
  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s.slice(-1), id]));
  const [base, head] = selected;

  return (
    <section>
      <div className="page-head">
        <h1>Runs</h1>
        <div className="actions">
          <button
            type="button"
            disabled={!base || !head}
            onClick={() => base && head && navigate(comparePath(base, head))}
            title="Tick two runs to compare them"
          >
            Compare selected ({selected.length}/2)
          </button>
          <button type="button" className="primary" onClick={() => setCreating((c) => !c)}>
            New run
          </button>
        </div>
      </div>
      {creating ? <NewRunForm onClose={() => setCreating(false)} /> : null}
      <RunFilters value={filters} onChange={setFilters} />
      {runs.isPending ? (
        <Loading label="Loading runs…" />
      ) : items.length === 0 && runs.isError ? (
        <ErrorBox error={runs.error} onRetry={() => void runs.refetch()} />
      ) : items.length === 0 ? (
        <Empty title="No runs match">
          {filters.status || filters.search || filters.projectId
            ? 'Clear the filters to see every run.'
            : 'Start one with "New run", from an agent\'s page, or with `flakestorm run` on this store.'}
        </Empty>
      ) : (
        <>
          <RunsTable runs={items} selected={selected} onToggle={toggle} />
          {runs.hasNextPage ? (
            <button
              type="button"
              className="load-more"
              disabled={runs.isFetchingNextPage}
              onClick={() => void runs.fetchNextPage()}
            >
              {runs.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
          {runs.isError ? <ErrorBox error={runs.error} title="Could not refresh the list" /> : null}
        </>
      )}
    </section>
  );
}
