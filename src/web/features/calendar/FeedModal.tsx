import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Popconfirm, Typography } from 'antd';
import { api } from '../../lib/api';
import { formatShanghaiTime } from '../../lib/time';
import { ErrorAlert, PageLoading } from '../../components';
import type { FeedStatus } from './calendar-types';

/** Steps for the phones our members carry; the wording follows the phones' own menus. */
function HowTo({ hasDirectLink }: { hasDirectLink: boolean }) {
  return (
    <div data-testid="feed-howto">
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        如何订阅
      </Typography.Title>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text strong>iPhone：</Typography.Text>
        复制地址后，打开“设置” → “日历” → “账户” → “添加账户” → “其他” → “添加已订阅的日历”，粘贴地址，点“下一步”并存储。
        {hasDirectLink ? '在 iPhone 上打开本页时，也可以直接点上方“在 iPhone 上订阅”。' : ''}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text strong>安卓手机：</Typography.Text>
        打开系统自带的“日历”应用，在设置或账户管理中找到“订阅日历”“添加网络日历”或“导入日历 → 通过网址订阅”（各品牌名称略有不同），粘贴地址。使用 Google 日历的，请在电脑浏览器打开 Google 日历网页版，在“其他日历”旁点“+” → “通过网址添加”。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        手机日历会定时自动刷新（通常几小时一次），这里的修改不会立刻出现在手机上。订阅只能查看，不能在手机上修改行事历。
      </Typography.Paragraph>
    </div>
  );
}

/**
 * 订阅到手机日历: creates a secret iCalendar address (shown once, like a password), replaces it, or revokes it.
 * The server keeps only a hash, so a lost address can only be replaced.
 */
export function FeedModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [url, setUrl] = useState<string | null>(null);
  const feed = useQuery({ queryKey: ['calendar', 'feed'], queryFn: () => api.get<FeedStatus>('/calendar/feed'), enabled: open });
  const create = useMutation({
    mutationFn: () => api.send<{ url: string }>('POST', '/calendar/feed'),
    onSuccess: (r) => {
      setUrl(new URL(r.url, window.location.origin).toString());
      void client.invalidateQueries({ queryKey: ['calendar', 'feed'] });
    },
  });
  const revoke = useMutation({
    mutationFn: () => api.send('DELETE', '/calendar/feed'),
    onSuccess: () => {
      setUrl(null);
      message.success('订阅地址已停用，已订阅的手机将不再更新');
      void client.invalidateQueries({ queryKey: ['calendar', 'feed'] });
    },
    onError: (e) => message.error(e.message),
  });
  const close = () => {
    setUrl(null);
    create.reset();
    onClose();
  };
  const isActive = feed.data?.active ?? false;
  const canManage = feed.data?.canManage ?? false;

  let body;
  if (feed.isPending) body = <PageLoading minHeight={120} />;
  else if (feed.error) body = <ErrorAlert error={feed.error} />;
  else if (url) {
    body = (
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>本会行事历的订阅地址：</Typography.Paragraph>
        <Typography.Paragraph
          code
          copyable={{ text: url, tooltips: ['复制地址', '已复制'] }}
          style={{ margin: 0, wordBreak: 'break-all' }}
          data-testid="feed-url"
        >
          {url}
        </Typography.Paragraph>
        <Alert
          type="warning"
          showIcon
          title="订阅地址只显示这一次"
          description="请现在复制并添加到手机日历。地址相当于密码，持有它的人都能看到本会的行事历，请不要转发；如果泄露或遗失，点“重新生成”，旧地址立即失效。"
        />
        <a href={url.replace(/^https?:/, 'webcal:')}>在 iPhone 上订阅</a>
      </Flex>
    );
  } else {
    body = (
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>
          把本会的行事历添加到手机自带的日历里，事项会和您自己的日程显示在一起，并随行事历自动更新。
        </Typography.Paragraph>
        {!canManage ? (
          <Alert
            type="info"
            showIcon
            title={isActive ? '本会已开通行事历订阅' : '本会还没有开通行事历订阅'}
            description="订阅地址由工会主席或委员生成，请向他们索取地址，再按下面的方法添加到手机。"
          />
        ) : isActive ? (
          <Alert
            type="info"
            showIcon
            title={`本会已于 ${feed.data?.createdAt ? formatShanghaiTime(feed.data.createdAt, false) : '之前'} 生成订阅地址`}
            description="地址只在生成时显示一次。换了手机或找不到地址时，请重新生成（旧地址会失效，已订阅的手机需要用新地址重新订阅）。"
          />
        ) : null}
      </Flex>
    );
  }

  const footer = !canManage
    ? [
        <Button key="close" onClick={close}>
          关闭
        </Button>,
      ]
    : url
    ? [
        <Button key="ok" type="primary" onClick={close}>
          我已复制
        </Button>,
      ]
    : [
        isActive ? (
          <Popconfirm key="revoke" title="停用订阅地址？" description="停用后，已订阅的手机不再更新。" okText="停用" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => revoke.mutateAsync()}>
            <Button danger data-testid="feed-revoke">
              停用订阅
            </Button>
          </Popconfirm>
        ) : null,
        <Button key="create" type="primary" loading={create.isPending} disabled={feed.isPending} onClick={() => create.mutate()} data-testid="feed-create">
          {isActive ? '重新生成地址' : '生成订阅地址'}
        </Button>,
      ];

  return (
    <Modal title="订阅到手机日历" open={open} onCancel={close} footer={footer} mask={{ closable: !url }} destroyOnHidden>
      {create.error ? <ErrorAlert error={create.error} /> : null}
      {body}
      <HowTo hasDirectLink={url !== null} />
    </Modal>
  );
}
