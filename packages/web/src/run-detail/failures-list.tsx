import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseResult, Page } from '../api/types.js';
import { useApi } from '../app/auth-context.js';
import { duration } from '../format.js';
import { Empty, ErrorBox, Loading } from '../ui/states.js';
import { FailureDetail } from './failure-detail.js';
import { FailureFilters, type FailureFilterValues } from './failure-filters.js';

function summaryLine(r: CaseResult): string {
  const parts = r.checks.filter((c) => !c.passed).map((c) => c.id);
  if (r.error) parts.unshift(r.error.cause);
  return parts.join(', ') || 'failed';
}

/** A run's failed cases, filtered server-side and paged; each opens to its full detail. */
export function FailuresList(props: { runId: string; types: string[]; invariants: string[] }) {
  const api = useApi();
  const [filters, setFilters] = useState<FailureFilterValues>({ mutationType: '', invariant: '', cause: '' });
  const [open, setOpen] = useState<string | null>(null);
  const results = useInfiniteQuery({
    queryKey: ['results', props.runId, filters],
    queryFn: ({ pageParam }) =>
      api.get<Page<CaseResult>>(`/api/runs/${encodeURIComponent(props.runId)}/results`, {
        passed: false,
        ...filters,
        limit: 50,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="card">
      <h2>Failures</h2>
      <FailureFilters
        types={props.types}
        invariants={props.invariants}
        value={filters}
        onChange={setFilters}
      />
      {results.isPending ? (
        <Loading label="Loading failures…" />
      ) : results.isError ? (
        <ErrorBox error={results.error} onRetry={() => void results.refetch()} />
      ) : items.length === 0 ? (
        <Empty title="No failures">
          {filters.mutationType || filters.invariant || filters.cause
            ? 'None match these filters.'
            : 'Every case recorded so far passed.'}
        </Empty>
      ) : (
        <ul className="failures">
          {items.map((r) => (
            <li key={r.id} className={open === r.id ? 'open' : ''}>
              <button
                type="button"
                className="failure-row"
                aria-expanded={open === r.id}
                onClick={() => setOpen((o) => (o === r.id ? null : r.id))}
              >
                <span className="mono">#{r.index}</span>
                <span className="type-chip">{r.mutationType}</span>
                <span className="clip">{r.label}</span>
                <span className="fail-reasons">{summaryLine(r)}</span>
                <span className="muted">{duration(r.latencyMs)}</span>
              </button>
              {open === r.id ? <FailureDetail result={r} /> : null}
            </li>
          ))}
        </ul>
      )}
      {results.hasNextPage ? (
        <button
          type="button"
          className="load-more"
          disabled={results.isFetchingNextPage}
          onClick={() => void results.fetchNextPage()}
        >
          {results.isFetchingNextPage ? 'Loading…' : 'Load more failures'}
        </button>
      ) : null}
    </section>
  );
}
