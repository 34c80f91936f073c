import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../../lib/api';
import type { CalendarItem, CalendarItemsAnswer, Festival, ItemStatus, Owner } from './calendar-types';

/** What the item list asks for: the range and the optional filters. */
export interface ItemQuery {
  from: string;
  to: string;
  planId?: string;
  status?: string;
}

/** The items overlapping [from, to], optionally of one plan or status; the last answer stays while the next loads. */
export function useCalendarItems(q: ItemQuery, isEnabled = true) {
  return useQuery({
    queryKey: ['calendar', 'items', q],
    queryFn: () => api.get<CalendarItemsAnswer>('/calendar/items', { ...q }),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

/** The people who can own an item (everyone with a role in the organisation). */
export function useOwners(isEnabled = true) {
  return useQuery({
    queryKey: ['calendar', 'owners'],
    queryFn: () => api.get<{ items: Owner[] }>('/calendar/owners').then((r) => r.items),
    enabled: isEnabled,
    staleTime: 5 * 60_000,
  });
}

/** The year's festivals, lunar ones computed by the server. */
export function useFestivals(year: number) {
  return useQuery({
    queryKey: ['calendar', 'festivals', year],
    queryFn: () => api.get<Festival[]>('/calendar/festivals', { year }),
    staleTime: Infinity,
  });
}

/** After any change to an item: the calendar, the plans (their schedules and counts) and the home card. */
export function useRefreshSchedule() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['calendar', 'items'] }),
      client.invalidateQueries({ queryKey: ['plans'] }),
      client.invalidateQueries({ queryKey: ['dashboard'] }),
    ]);
}

/** The quick actions on an item: change its status (标记完成) and delete it. */
export function useItemActions() {
  const refresh = useRefreshSchedule();
  const { message } = App.useApp();
  const setStatus = useMutation({
    mutationFn: ({ item, status }: { item: CalendarItem; status: ItemStatus }) =>
      api.send<CalendarItem>('PATCH', `/calendar/items/${item.id}`, { status }),
    onSuccess: (_saved, { item, status }) => {
      message.success(status === 'done' ? `已标记完成：${item.title}` : '状态已更新');
      void refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const remove = useMutation({
    mutationFn: (item: CalendarItem) => api.send('DELETE', `/calendar/items/${item.id}`),
    onSuccess: (_r, item) => {
      message.success(`已删除：${item.title}`);
      void refresh();
    },
    onError: (e) => message.error(e.message),
  });
  return { setStatus, remove };
}
