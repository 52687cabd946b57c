import { useQuery } from '@tanstack/react-query';
import { useApi } from '../app/auth-context.js';
import type { ProjectRecord } from './types.js';

/** The workspace's projects (for filters and pickers). */
export function useProjects() {
  const api = useApi();
  return useQuery({
    queryKey: ['projects'],
    queryFn: () => api.get<{ items: ProjectRecord[] }>('/api/projects').then((r) => r.items),
    staleTime: 30_000,
  });
}
