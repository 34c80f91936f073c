import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { ImportJob } from './import-types';

/**
 * While the server reads or checks the file, each request waits on the server for up to WAIT_MS (it answers at
 * once when the stage ends), so the progress bar moves every second and the next step appears without delay.
 */
const WAIT_MS = 1000;
const POLL_MS = 50;

/** The import with the given id, polled while the server is still working on it. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: () => api.get<ImportJob>(`/imports/${id}?waitMs=${WAIT_MS}`),
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
