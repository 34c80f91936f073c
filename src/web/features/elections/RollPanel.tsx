import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../lib/api';
import { ErrorAlert, errorMessage, PageLoading, useIsPhone } from '../../components';
import { isQuorum } from './election-format';
import type { ElectionDetail, RollPerson } from './elections-types';
import { useRefreshElections, useRoll } from './use-elections';

type View = 'all' | 'present' | 'absent';
const VIEW_LABELS: Record<View, string> = { all: '全部', present: '已出席', absent: '未出席' };
const isInView = (p: RollPerson, v: View) => v === 'all' || (v === 'present' ? p.present : !p.present);

/**
 * 出席: 应到 / 实到 and the quorum, then the roll fixed at the start. At a members' meeting the staff tick people
 * present in bulk (search, select many, 标记出席 / 取消出席); at a congress session presence is the session's
 * attendance and is ticked there.
 */
export function RollPanel({ election: e }: { election: ElectionDetail }) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const refresh = useRefreshElections();
  const isRunning = e.status === 'running';
  const roll = useRoll(e.id, isRunning);
  const [view, setView] = useState<View>('all');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const mark = useMutation({
    mutationFn: (present: boolean) => api.send<unknown>('POST', `/elections/${e.id}/attendance`, { memberIds: selected, present }),
    onSuccess: (_r, present) => {
      void refresh();
      message.success(`${present ? '已标记出席' : '已取消出席'}：${selected.length} 人`);
      setSelected([]);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  if (e.status === 'draft') return <Alert type="info" showIcon title="开始选举时确定选举人名单（应到人数），之后在这里登记出席。" />;
  if (roll.isPending) return <PageLoading minHeight={200} />;
  if (roll.error) return <ErrorAlert error={roll.error} />;
  const r = roll.data;
  const canTick = r.presenceFrom === 'roll' && isRunning;
  const needle = q.trim();
  const shown = r.people.filter((p) => isInView(p, view) && (!needle || p.name.includes(needle) || (p.department ?? '').includes(needle)));
  const counts: Record<View, number> = { all: r.people.length, present: r.present, absent: r.people.length - r.present };
  const columns: TableColumnsType<RollPerson> = [
    { key: 'name', title: '姓名', render: (_v, p) => <strong>{p.name}</strong> },
    ...(isPhone ? [] : [{ key: 'department', title: '部门', render: (_v: unknown, p: RollPerson) => p.department ?? '—' }]),
    {
      key: 'present',
      title: '出席',
      width: 150,
      render: (_v, p) => (
        <>
          {p.present ? <Tag color="green">出席</Tag> : <Tag>未出席</Tag>}
          {p.votedOnline && <Tag color="blue" title="本轮已在手机上投票，不再发纸质选票">已手机投票</Tag>}
        </>
      ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      {e.attendance ? <Alert type={isQuorum(e.attendance) ? 'success' : 'warning'} showIcon title={e.attendance.quorumText} data-testid="roll-quorum" /> : null}
      {r.presenceFrom === 'congress' && e.meeting.kind === 'congress' ? (
        <Alert
          type="info"
          showIcon
          title="本次选举在教代会会议上进行，出席按会议签到计。"
          description={
            <Link to={`/congress/sessions/${e.meeting.sessionId}/manage?tab=attendance`} data-testid="roll-congress-link">
              到会议管理登记出勤
            </Link>
          }
        />
      ) : null}
      <Flex gap={8} wrap align="center" justify="space-between">
        <Segmented value={view} onChange={(v) => setView(v as View)} options={(Object.keys(VIEW_LABELS) as View[]).map((v) => ({ value: v, label: `${VIEW_LABELS[v]} ${counts[v]}` }))} data-testid="roll-view" />
        <Input.Search allowClear placeholder="姓名、部门" value={q} onChange={(ev) => setQ(ev.target.value)} style={{ width: isPhone ? '100%' : 220 }} data-testid="roll-search" />
      </Flex>
      <Table<RollPerson>
        rowKey="memberId"
        size="small"
        columns={columns}
        dataSource={shown}
        pagination={shown.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        rowSelection={canTick ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (p) => ({ 'aria-label': `选择${p.name}` }) } : undefined}
        locale={{ emptyText: '没有符合条件的人员' }}
        data-testid="roll-table"
      />
      {canTick ? (
        <div className="uh-bulkbar" data-testid="roll-bulkbar">
          <Typography.Text>已选 {selected.length} 人</Typography.Text>
          <Button type="primary" disabled={selected.length === 0} loading={mark.isPending && mark.variables === true} onClick={() => mark.mutate(true)} data-testid="roll-present">
            标记出席
          </Button>
          <Button disabled={selected.length === 0} loading={mark.isPending && mark.variables === false} onClick={() => mark.mutate(false)} data-testid="roll-absent">
            取消出席
          </Button>
        </div>
      ) : null}
    </Flex>
  );
}
