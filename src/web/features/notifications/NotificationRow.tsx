import { Typography } from 'antd';
import type { NotificationItem } from './notification-types';
import { relativeTime } from './relative-time';

/**
 * One notification in the bell or on the page: a dot and a bold title while unread, the body (two lines at most in
 * the bell), and how long ago. The whole row is a button: it marks the notification read and opens its link.
 */
export function NotificationRow({
  item,
  now,
  onOpen,
  isCompact = false,
}: {
  item: NotificationItem;
  now: Date;
  onOpen: (item: NotificationItem) => void;
  isCompact?: boolean;
}) {
  const isUnread = !item.readAt;
  return (
    <button type="button" className={`uh-note-row${isUnread ? ' uh-note-unread' : ''}`} onClick={() => onOpen(item)}>
      <span className="uh-note-dot" aria-label={isUnread ? '未读' : undefined} />
      <span className="uh-note-text">
        <span className="uh-note-title">{item.title}</span>
        {item.body ? (
          <Typography.Text type="secondary" className={isCompact ? 'uh-note-body uh-note-body-clamp' : 'uh-note-body'}>
            {item.body}
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary" className="uh-note-time">
          <time dateTime={item.createdAt}>{relativeTime(item.createdAt, now)}</time>
        </Typography.Text>
      </span>
    </button>
  );
}
