import { useQuery } from '@tanstack/react-query';
import type { ValidationResult } from '../api/types.js';
import { useApi } from '../app/auth-context.js';
import { useDebounced } from '../ui/use-debounced.js';

/** Validates a config on the server (the CLI's own schema) once typing pauses. */
export function useValidation(configYaml: string) {
  const api = useApi();
  const settled = useDebounced(configYaml, 400);
  const query = useQuery({
    queryKey: ['validate', settled],
    queryFn: () => api.post<ValidationResult>('/api/config/validate', { configYaml: settled }),
    enabled: settled.trim() !== '',
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return { ...query, pending: settled !== configYaml || query.isFetching };
}
