import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { ActivityDetail, ActivityList, ActivityStats, ActivityType, ClubDetail, ClubSummary, RosterRow } from './activity-admin-types';

/** The union's activity types in their order; archived ones too (the types page and old activities name them). */
export function useActivityTypes() {
  return useQuery({
    queryKey: ['activity-types'],
    queryFn: () => api.get<{ items: ActivityType[] }>('/activity-types').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/** One activity with the organiser's figures, files and what the actor may do (refetched every `refetchMs` if given). */
export function useActivity(id: string | undefined, refetchMs?: number) {
  return useQuery({
    queryKey: ['activities', 'detail', id],
    queryFn: () => api.get<ActivityDetail>(`/activities/${id}`),
    enabled: !!id,
    refetchInterval: refetchMs,
  });
}

/** Every invited or registered member of an activity with status, answers and attendance. */
export function useRoster(id: string, isEnabled = true) {
  return useQuery({
    queryKey: ['activities', 'roster', id],
    queryFn: () => api.get<{ items: RosterRow[] }>(`/activities/${id}/registrations`).then((r) => r.items),
    enabled: isEnabled,
  });
}

/** What the managers' list asks for. */
export interface AdminListQuery {
  from?: string;
  to?: string;
  typeId?: string;
  page: number;
}

/** All activities of the union in a period (scope=all), one page at a time. */
export function useAdminActivities(q: AdminListQuery) {
  return useQuery({
    queryKey: ['activities', 'list', 'all', q],
    queryFn: () => api.get<ActivityList>('/activities', { scope: 'all', ...q }),
    placeholderData: keepPreviousData,
  });
}

/** Participation and counts over a period. */
export function useActivityStats(period: { from: string; to: string }) {
  return useQuery({
    queryKey: ['activities', 'stats', period],
    queryFn: () => api.get<ActivityStats>('/activities/stats', period),
    placeholderData: keepPreviousData,
  });
}

/** The union's interest groups (retired ones last) and whether the actor may create them. */
export function useClubs() {
  return useQuery({
    queryKey: ['clubs', 'list'],
    queryFn: () => api.get<{ items: ClubSummary[]; canManage: boolean }>('/clubs'),
  });
}

/** One interest group with members, activities and attendance counts. */
export function useClub(id: string) {
  return useQuery({ queryKey: ['clubs', 'detail', id], queryFn: () => api.get<ClubDetail>(`/clubs/${id}`) });
}

/** After a change to an activity: its page, its roster, the lists, statistics and the clubs that show it. */
export function useRefreshActivities() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['activities'] }),
      client.invalidateQueries({ queryKey: ['clubs'] }),
      client.invalidateQueries({ queryKey: ['calendar', 'items'] }),
    ]);
}
