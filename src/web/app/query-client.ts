import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api';

/**
 * The one query client. A 401 on any request means the session ended (expired, or signed out elsewhere):
 * forgetting the user sends every signed-in page back to the login page through RequireAuth.
 */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: forgetUserOn401 }),
  mutationCache: new MutationCache({ onError: forgetUserOn401 }),
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again; only network trouble and 5xx are retried, once.
      retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

function forgetUserOn401(error: unknown): void {
  if (error instanceof ApiError && error.status === 401 && queryClient.getQueryData(['me'])) {
    queryClient.setQueryData(['me'], null);
  }
}
