import { useMemo, useState, type HTMLAttributes } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Popconfirm, Segmented, Select, Table, Tag, Typography } from 'antd';
import { RECEIPT_SOURCE_LABELS } from '../../../contracts/care';
import { api } from '../../lib/api';
import { formatShanghaiTime } from '../../lib/time';
import { useIsPhone } from '../../components';
import type { CampaignDetail, CampaignRecipient } from './care-admin-types';
import { useRefreshCare } from './use-care-admin';

type Show = 'waiting' | 'received' | 'all';
/** The group filter's value for recipients outside any union group. */
export const NO_GROUP = '__none__';

/** Recipients of one group and state, matched by name. */
export function filterRecipients(rows: readonly CampaignRecipient[], show: Show, group: string | null, text: string): CampaignRecipient[] {
  const q = text.trim();
  return rows.filter(
    (r) =>
      (show === 'all' || (show === 'received') === (r.receivedAt !== null)) &&
      (group === null || (r.groupName ?? NO_GROUP) === group) &&
      (q === '' || r.name.includes(q)),
  );
}

/** 发放名单: every recipient with their receipt; those who may tick confirm receipt for several at once, or undo one. */
export function RecipientsPanel({ campaign, group, onGroupChange }: { campaign: CampaignDetail; group: string | null; onGroupChange: (g: string | null) => void }) {
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const refresh = useRefreshCare();
  const [show, setShow] = useState<Show>('waiting');
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const canTick = campaign.can.tick && campaign.status === 'distributing';
  const rows = useMemo(() => filterRecipients(campaign.recipients, show, group, text), [campaign.recipients, show, group, text]);
  const groupNames = [...new Set(campaign.recipients.map((r) => r.groupName ?? NO_GROUP))].sort((a, b) => a.localeCompare(b, 'zh'));

  const tick = useMutation({
    mutationFn: (memberIds: string[]) => api.send('POST', `/care/campaigns/${campaign.id}/receipts`, { memberIds }),
    onSuccess: (_r, memberIds) => {
      setSelected([]);
      void refresh();
      message.success(`已确认 ${memberIds.length} 人领取`);
    },
    onError: (e) => message.error(e.message),
  });
  const untick = useMutation({
    mutationFn: (r: CampaignRecipient) => api.send('DELETE', `/care/campaigns/${campaign.id}/receipts/${r.memberId}`),
    onSuccess: (_r, r) => {
      void refresh();
      message.success(`已撤销${r.name}的领取确认`);
    },
    onError: (e) => message.error(e.message),
  });
  const waitingCount = campaign.recipients.filter((r) => r.receivedAt === null).length;
  // On a phone the button follows the list and stays at the bottom of the screen while ticking down it.
  const tickBar =
    canTick && show !== 'received' && campaign.recipients.length > 0 ? (
      <Flex align="center" gap={8} wrap className={isPhone ? 'uh-care-tickbar-phone' : undefined} style={isPhone ? undefined : { marginBottom: 12 }}>
        <Button type="primary" disabled={selected.length === 0} loading={tick.isPending} onClick={() => tick.mutate(selected)} data-testid="recipients-tick">
          确认已领取{selected.length ? `（${selected.length} 人）` : ''}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          勾选已领到慰问品、但未在手机上签收的会员
        </Typography.Text>
      </Flex>
    ) : null;

  return (
    <Card size="small" title={`发放名单（${campaign.recipients.length} 人）`} data-testid="campaign-recipients">
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<Show>
          value={show}
          onChange={(v) => {
            setShow(v);
            setSelected([]);
          }}
          options={[
            { value: 'waiting', label: `未签收 ${waitingCount}` },
            { value: 'received', label: `已签收 ${campaign.recipients.length - waitingCount}` },
            { value: 'all', label: '全部' },
          ]}
          data-testid="recipients-show"
        />
        {groupNames.length > 1 ? (
          <Select
            value={group ?? ''}
            onChange={(g: string) => onGroupChange(g || null)}
            options={[{ value: '', label: '全部小组' }, ...groupNames.map((g) => ({ value: g, label: g === NO_GROUP ? '未分组' : g }))]}
            style={{ minWidth: 130 }}
            aria-label="工会小组"
            data-testid="recipients-group"
          />
        ) : null}
        <Input.Search allowClear placeholder="姓名" onChange={(e) => setText(e.target.value)} style={{ width: isPhone ? '100%' : 160 }} aria-label="按姓名查找" />
      </Flex>
      {tickBar && !isPhone ? tickBar : null}
      <Table<CampaignRecipient>
        rowKey="memberId"
        size="small"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        rowSelection={
          canTick && show !== 'received'
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({ disabled: r.receivedAt !== null, 'aria-label': `选择${r.name}` }),
              }
            : undefined
        }
        onRow={(r) => ({ 'data-testid': 'recipient-row', 'data-name': r.name }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: '姓名',
            render: (_v, r) =>
              isPhone ? (
                <Flex vertical>
                  <span>{r.name}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.groupName ?? '未分组'}
                  </Typography.Text>
                </Flex>
              ) : (
                r.name
              ),
          },
          ...(isPhone ? [] : [{ key: 'group', title: '工会小组', render: (_v: unknown, r: CampaignRecipient) => r.groupName ?? '未分组' }]),
          {
            key: 'receipt',
            title: '签收',
            render: (_v, r) =>
              r.receivedAt ? (
                <Flex vertical gap={2}>
                  <span>
                    <Tag color={r.source === 'self' ? 'green' : 'blue'}>{r.source ? RECEIPT_SOURCE_LABELS[r.source] : '已领取'}</Tag>
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatShanghaiTime(r.receivedAt, false)}
                  </Typography.Text>
                </Flex>
              ) : (
                <Typography.Text type="secondary">未签收</Typography.Text>
              ),
          },
          ...(canTick
            ? [
                {
                  key: 'undo',
                  title: '',
                  width: 64,
                  render: (_v: unknown, r: CampaignRecipient) =>
                    r.source === 'leader' ? (
                      <Popconfirm title={`撤销${r.name}的领取确认？`} okText="撤销" cancelText="取消" onConfirm={() => untick.mutate(r)}>
                        <Button type="link" size="small" style={{ paddingInline: 0 }} data-testid="recipient-untick">
                          撤销
                        </Button>
                      </Popconfirm>
                    ) : null,
                },
              ]
            : []),
        ]}
        locale={{ emptyText: campaign.recipients.length === 0 ? '名单中没有人员' : show === 'waiting' && waitingCount === 0 ? '全部已签收' : '没有符合条件的人员' }}
      />
      {tickBar && isPhone ? tickBar : null}
    </Card>
  );
}
