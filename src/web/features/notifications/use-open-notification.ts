import { useNavigate } from 'react-router-dom';
import type { NotificationItem } from './notification-types';
import { internalLink, useMarkRead } from './use-notifications';

/** What a click on a notification does: mark it read (if it is not yet) and go to its page, if it has one. */
export function useOpenNotification(afterOpen?: () => void) {
  const markRead = useMarkRead();
  const navigate = useNavigate();
  return {
    markRead,
    open: (item: NotificationItem) => {
      if (!item.readAt) markRead.mutate({ ids: [item.id] });
      const to = internalLink(item.link);
      afterOpen?.();
      if (to) navigate(to);
    },
  };
}
