import { useState } from 'react';
import { Badge, Button, Empty, Popover, Spin } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components';
import { useT } from '../../lib/i18n';
import { BellIcon } from './BellIcon';
import { NotificationRow } from './NotificationRow';
import { useMinuteClock, useNotifications } from './use-notifications';
import { useOpenNotification } from './use-open-notification';
import './notifications.css';

/** How many of the newest notifications the bell's panel shows; the page lists the rest. */
const PANEL_ITEMS = 8;

/** The bell in the header: the unread count, and a panel with the newest notifications. */
export function NotificationBell() {
  const [isOpen, setOpen] = useState(false);
  const list = useNotifications();
  const { open, markRead } = useOpenNotification(() => setOpen(false));
  const t = useT();
  const now = useMinuteClock();
  const unread = list.data?.unreadCount ?? 0;
  const items = list.data?.items.slice(0, PANEL_ITEMS) ?? [];

  const panel = (
    <div className="uh-note-panel">
      <div className="uh-note-panel-head">
        <strong>{t('通知')}</strong>
        <Button type="link" size="small" disabled={unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
          {t('全部标为已读')}
        </Button>
      </div>
      <div className="uh-note-panel-list">
        {list.error ? <ErrorAlert error={list.error} style={{ margin: 12 }} /> : null}
        {list.isPending ? (
          <div className="uh-note-panel-empty">
            <Spin />
          </div>
        ) : items.length === 0 && !list.error ? (
          <Empty className="uh-note-panel-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无通知')} />
        ) : (
          items.map((item) => <NotificationRow key={item.id} item={item} now={now} onOpen={open} isCompact />)
        )}
      </div>
      <Link to="/notifications" className="uh-note-panel-foot" onClick={() => setOpen(false)}>
        {t('查看全部通知')}
      </Link>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      arrow={false}
      // Slide along the edge rather than spill over it: on a phone the panel spans the screen's width.
      align={{ overflow: { shiftX: true, adjustY: true } }}
      open={isOpen}
      onOpenChange={setOpen}
      content={panel}
      styles={{ container: { padding: 0 } }}
    >
      <Button type="text" className="uh-note-bell" aria-label={unread ? `${t('通知')}（${unread} 条未读）` : t('通知')}>
        <Badge count={unread} size="small" overflowCount={99} offset={[4, -2]}>
          <BellIcon />
        </Badge>
      </Button>
    </Popover>
  );
}
