import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { ImportJob } from './import-types';

/** How often the wizard asks for progress while the server reads or checks the file. */
const POLL_MS = 400;

/** The import with the given id, polled while the server is still working on it. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: () => api.get<ImportJob>(`/imports/${id}`),
    enabled: !!id,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'reading' || status === 'checking' ? POLL_MS : false;
    },
    // The wizard depends on the newest status; an old one from the cache would show the wrong step.
    staleTime: 0,
    gcTime: 0,
  });
}
