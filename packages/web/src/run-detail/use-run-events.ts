import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { readEventStream } from '../api/sse.js';
import type { LiveRunEvent } from '../api/types.js';
import { useApi } from '../app/auth-context.js';

/** What the live stream has said so far. */
export interface LiveState {
  progress: Extract<LiveRunEvent, { type: 'progress' }> | null;
  status: string | null;
  warnings: string[];
  /** Set when the stream broke (the page then falls back to polling). */
  error: string | null;
}

const terminal = new Set(['completed', 'interrupted', 'cancelled', 'failed']);

/**
 * Follows a run's server-sent events while `active`; when the run ends it refreshes the run's
 * queries so the final summary and failures appear.
 */
export function useRunEvents(runId: string, active: boolean): LiveState {
  const api = useApi();
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>({ progress: null, status: null, warnings: [], error: null });

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: ['run', runId] });
      void queryClient.invalidateQueries({ queryKey: ['results', runId] });
      void queryClient.invalidateQueries({ queryKey: ['runs'] });
    };
    (async () => {
      const response = await api.raw(`/api/runs/${encodeURIComponent(runId)}/events`, {
        signal: controller.signal,
        headers: { accept: 'text/event-stream' },
      });
      if (!response.ok || !response.body) throw new Error(`The live stream answered ${response.status}.`);
      await readEventStream(
        response.body,
        ({ data }) => {
          let event: LiveRunEvent;
          try {
            event = JSON.parse(data) as LiveRunEvent;
          } catch {
            return;
          }
          setState((s) => {
            if (event.type === 'progress') return { ...s, progress: event };
            if (event.type === 'warning')
              return { ...s, warnings: [...s.warnings, event.message].slice(-20) };
            return { ...s, status: event.status };
          });
          if (event.type === 'status' && terminal.has(event.status)) refresh();
        },
        controller.signal,
      );
      refresh();
    })().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      setState((s) => ({ ...s, error: (error as Error).message }));
    });
    return () => controller.abort();
  }, [api, queryClient, runId, active]);

  return state;
}
