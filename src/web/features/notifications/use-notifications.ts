import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../../lib/api';
import type { NotificationList } from './notification-types';

/** How often the bell asks for new notifications while the page is visible. */
const POLL_MS = 60_000;

/**
 * My newest notifications (only unread ones with `unread`) and the unread count: asked again every minute and
 * whenever the window regains focus, so the bell is current when someone comes back to the tab or the phone.
 */
export function useNotifications(unread = false) {
  return useQuery({
    queryKey: ['notifications', { unread }],
    queryFn: () => api.get<NotificationList>('/notifications', unread ? { unread: 1 } : undefined),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
}

type ReadInput = { ids: string[] } | { all: true };

/** Marks notifications read: the bell and the page change at once, then both are asked again. */
export function useMarkRead() {
  const client = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (input: ReadInput) => api.send<{ updated: number }>('POST', '/notifications/read', input),
    onMutate: async (input) => {
      await client.cancelQueries({ queryKey: ['notifications'] });
      const readAt = new Date().toISOString();
      const isTarget = (id: string) => 'all' in input || input.ids.includes(id);
      client.setQueriesData<NotificationList>({ queryKey: ['notifications'] }, (list) => {
        if (!list) return list;
        const newlyRead = list.items.filter((i) => !i.readAt && isTarget(i.id)).length;
        return {
          items: list.items.map((i) => (!i.readAt && isTarget(i.id) ? { ...i, readAt } : i)),
          unreadCount: 'all' in input ? 0 : Math.max(0, list.unreadCount - newlyRead),
        };
      });
    },
    onError: (e) => message.error(e.message),
    onSettled: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

/** A notification's link when it is a path inside this web app (anything else is not followed). */
export function internalLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

/** The current time, renewed every minute, so "3 分钟前" keeps counting while a list stays open. */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
