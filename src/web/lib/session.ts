import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../server/modules/auth/me.schema';
import type { Action } from '../../domain/policy';
import { api, ApiError } from './api';

export type { Me };

/** The signed-in user, or null when not signed in (a 401 is not an error here). */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get<Me>('/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

/** True when the server says the current user may do `action` in the current organisation. */
export function useCan(action: Action): boolean {
  const { data } = useMe();
  return !!data?.abilities.includes(action);
}

/** After login, logout or an organisation switch: forget every cached answer. */
export function useResetSession() {
  const client = useQueryClient();
  return (me: Me | null) => {
    client.clear();
    client.setQueryData(['me'], me);
  };
}
