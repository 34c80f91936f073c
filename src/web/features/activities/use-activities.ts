import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { ActivityDetail, ActivityList, ActivityScope, RegistrationView } from './activity-types';

/** A page of the activities open to me (`open`) or of my own (`mine`); the last page stays while the next loads. */
export function useActivityList(scope: ActivityScope, page: number) {
  return useQuery({
    queryKey: ['activities', 'list', scope, page],
    queryFn: () => api.get<ActivityList>('/activities', { scope, page }),
    placeholderData: keepPreviousData,
  });
}

/** One activity with my registration, what I may do and its files. */
export function useActivity(id: string) {
  return useQuery({ queryKey: ['activities', 'detail', id], queryFn: () => api.get<ActivityDetail>(`/activities/${id}`), enabled: !!id });
}

/** After a sign-up, a cancellation or a check-in: the activities and the bell (a notification was sent). */
function useRefreshActivity() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      // The lists, this activity's detail (and its roster and figures when an organiser looks at them).
      client.invalidateQueries({ queryKey: ['activities'] }),
      client.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
}

/** 报名: signs me up with the answers to the activity's fields; the answer says confirmed, wait-listed or pending. */
export function useSignUp(id: string) {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: (answers: Record<string, string>) => api.send<RegistrationView>('POST', `/activities/${id}/registrations`, { answers }),
    onSettled: () => refresh(),
  });
}

/** 取消报名: withdraws my registration (the server promotes the first on the wait-list). */
export function useCancelSignUp(id: string) {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: () => api.send<RegistrationView>('DELETE', `/activities/${id}/registrations/me`),
    onSettled: () => refresh(),
  });
}

/** 签到: sends the code read from the QR code on site. */
export function useCheckIn(id: string) {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: (code: string) => api.send<{ attendedAt: string }>('POST', `/activities/${id}/checkin`, { code }),
    onSuccess: () => refresh(),
  });
}
