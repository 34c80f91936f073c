import { Button, Empty, Segmented, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert, PageHeader, PageLoading } from '../../components';
import { NotificationRow } from './NotificationRow';
import { useMinuteClock, useNotifications } from './use-notifications';
import { useOpenNotification } from './use-open-notification';
import { NOTIFICATION_LIST_LIMIT } from './notification-types';
import './notifications.css';

type Filter = 'all' | 'unread';

/** 通知: my notifications, newest first (all or only unread), each opening its page; 全部标为已读. */
export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const filter: Filter = params.get('unread') === '1' ? 'unread' : 'all';
  const list = useNotifications(filter === 'unread');
  const { open, markRead } = useOpenNotification();
  const now = useMinuteClock();
  const unread = list.data?.unreadCount ?? 0;
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="通知"
        subtitle={list.data ? (unread ? `${unread} 条未读` : '没有未读通知') : undefined}
        extra={
          <Button disabled={unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
            全部标为已读
          </Button>
        }
      />
      <Segmented<Filter>
        value={filter}
        options={[
          { value: 'all', label: '全部' },
          { value: 'unread', label: unread ? `未读（${unread}）` : '未读' },
        ]}
        onChange={(value) => setParams(value === 'unread' ? { unread: '1' } : {}, { replace: true })}
        style={{ marginBottom: 12 }}
      />
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoading />
      ) : items.length === 0 ? (
        list.error ? null : (
          <Empty
            className="uh-note-page-empty"
            description={filter === 'unread' ? '没有未读通知' : '暂无通知。报名活动、活动变更和活动前一天的提醒会显示在这里。'}
          />
        )
      ) : (
        <div className="uh-note-page-list">
          {items.map((item) => (
            <NotificationRow key={item.id} item={item} now={now} onOpen={open} />
          ))}
        </div>
      )}
      {items.length >= NOTIFICATION_LIST_LIMIT ? (
        <Typography.Paragraph type="secondary" className="uh-note-page-more">
          只显示最近 {NOTIFICATION_LIST_LIMIT} 条通知。
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
