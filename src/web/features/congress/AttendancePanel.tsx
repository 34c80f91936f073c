import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Input, Modal, Radio, Segmented, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ABSENCE_REASONS, CONGRESS_LIMITS, REPRESENTATIVE_KIND_LABELS } from '../../../contracts/congress';
import { api } from '../../lib/api';
import { ErrorAlert, errorMessage, PageLoading, useIsPhone } from '../../components';
import { shanghaiClock } from '../activity-admin/activity-time';
import { isInRosterView, ROSTER_VIEW_LABELS, ROSTER_VIEWS, type RosterView } from './congress-format';
import type { AttendanceRow, SessionDetail } from './congress-types';
import { useAttendance, useRefreshCongress } from './use-congress';

type Mark = 'present' | 'absent' | 'unknown';

/** 出席 14:25（扫码）, 缺席（病假）or 未签到. */
function AttendanceTag({ row }: { row: AttendanceRow }) {
  if (row.status === 'present') {
    const how = row.source === 'scan' ? '扫码' : '登记';
    return <Tag color="green">出席{row.at ? ` ${shanghaiClock(row.at).format('HH:mm')}` : ''}（{how}）</Tag>;
  }
  if (row.status === 'absent') return <Tag color="orange">缺席{row.reason ? `（${row.reason}）` : ''}</Tag>;
  return <Tag>未签到</Tag>;
}

/** 缺席原因: the usual reasons as buttons, 其他 with a short text. */
function AbsenceModal({ count, open, isSaving, onOk, onClose }: { count: number; open: boolean; isSaving: boolean; onOk: (reason: string) => void; onClose: () => void }) {
  const [choice, setChoice] = useState<string>(ABSENCE_REASONS[0]);
  const [other, setOther] = useState('');
  const reason = choice === '其他' ? other.trim() : choice;
  return (
    <Modal title={`登记缺席（${count} 人）`} open={open} onCancel={onClose} onOk={() => onOk(reason)} okText="登记缺席" okButtonProps={{ disabled: !reason, loading: isSaving }} destroyOnHidden>
      <Typography.Paragraph type="secondary">缺席须注明原因。到会后扫码签到会自动改为出席。</Typography.Paragraph>
      <Radio.Group optionType="button" value={choice} onChange={(e) => setChoice(e.target.value as string)} options={ABSENCE_REASONS.map((r) => ({ value: r, label: r }))} data-testid="absence-reason" />
      {choice === '其他' ? <Input style={{ marginTop: 12 }} maxLength={CONGRESS_LIMITS.nameMax} placeholder="缺席原因" value={other} onChange={(e) => setOther(e.target.value)} /> : null}
    </Modal>
  );
}

/**
 * 出勤: everyone called to the session with their entry — scanned in, ticked present by staff, absent with the reason,
 * or not yet signed in — ticked in bulk. 特邀、列席 people are listed apart and never count in 应到.
 */
export function AttendancePanel({ session }: { session: SessionDetail }) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const refresh = useRefreshCongress();
  const roster = useAttendance(session.id, session.status === 'open');
  const [view, setView] = useState<RosterView>('all');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [isAskingReason, setAskingReason] = useState(false);
  const isClosed = session.status === 'closed';
  const mark = useMutation({
    mutationFn: ({ status, reason }: { status: Mark; reason?: string }) => api.send<{ changed: number }>('POST', `/congress/sessions/${session.id}/attendance`, { memberIds: selected, status, reason }),
    onSuccess: (r, { status }) => {
      void refresh();
      setSelected([]);
      setAskingReason(false);
      message.success(`${{ present: '已登记出席', absent: '已登记缺席', unknown: '已恢复为未签到' }[status]}：${r.changed} 人`);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (roster.isPending) return <PageLoading minHeight={200} />;
  if (roster.error) return <ErrorAlert error={roster.error} />;
  const rows = roster.data.items;
  const needle = q.trim();
  const shown = rows.filter((r) => isInRosterView(r, view) && (!needle || r.name.includes(needle) || (r.groupName ?? '').includes(needle) || (r.constituencyName ?? '').includes(needle)));
  const counts = Object.fromEntries(ROSTER_VIEWS.map((v) => [v, rows.filter((r) => isInRosterView(r, v)).length])) as Record<RosterView, number>;
  const views = ROSTER_VIEWS.filter((v) => v !== 'nonVoting' || counts.nonVoting > 0);

  const nameCell = (row: AttendanceRow) => (
    <Flex vertical gap={2}>
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{row.name}</Typography.Text>
        {row.kind && row.kind !== 'representative' ? <Tag color="purple">{REPRESENTATIVE_KIND_LABELS[row.kind]}</Tag> : null}
      </Flex>
      <span className="uh-cg-rep-meta">{[isPhone ? row.constituencyName : null, row.groupName].filter(Boolean).join(' · ')}</span>
    </Flex>
  );
  const columns: TableColumnsType<AttendanceRow> = isPhone
    ? [
        { key: 'name', title: '姓名', render: (_v, row) => nameCell(row) },
        { key: 'status', title: '出勤', width: 140, render: (_v, row) => <AttendanceTag row={row} /> },
      ]
    : [
        { key: 'name', title: '姓名', width: 220, render: (_v, row) => nameCell(row) },
        { key: 'constituency', title: '代表团', width: 160, render: (_v, row) => row.constituencyName ?? '—' },
        { key: 'status', title: '出勤', render: (_v, row) => <AttendanceTag row={row} /> },
      ];
  const viewPicker = isPhone ? (
    <Select value={view} onChange={setView} options={views.map((v) => ({ value: v, label: `${ROSTER_VIEW_LABELS[v]}（${counts[v]}）` }))} style={{ width: 150 }} aria-label="筛选" />
  ) : (
    <Segmented value={view} onChange={(v) => setView(v as RosterView)} options={views.map((v) => ({ value: v, label: `${ROSTER_VIEW_LABELS[v]} ${counts[v]}` }))} data-testid="attendance-view" />
  );
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center" justify="space-between">
        {viewPicker}
        <Input.Search allowClear placeholder="姓名、代表团、小组" value={q} onChange={(e) => setQ(e.target.value)} style={{ width: isPhone ? '100%' : 220 }} />
      </Flex>
      <Table<AttendanceRow>
        rowKey="memberId"
        size="small"
        columns={columns}
        dataSource={shown}
        pagination={false}
        rowSelection={isClosed ? undefined : { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (row) => ({ 'aria-label': `选择${row.name}` }) }}
        locale={{ emptyText: '没有符合条件的人员' }}
        data-testid="attendance-roster"
      />
      {isClosed ? (
        <Typography.Text type="secondary">会议已闭幕，出勤不能再修改。</Typography.Text>
      ) : (
        <div className="uh-bulkbar" data-testid="attendance-bulkbar">
          <Typography.Text>已选 {selected.length} 人</Typography.Text>
          <Button type="primary" disabled={selected.length === 0} loading={mark.isPending && mark.variables?.status === 'present'} onClick={() => mark.mutate({ status: 'present' })} data-testid="attendance-present">
            登记出席
          </Button>
          <Button disabled={selected.length === 0} onClick={() => setAskingReason(true)} data-testid="attendance-absent">
            登记缺席
          </Button>
          <Button type="text" disabled={selected.length === 0} loading={mark.isPending && mark.variables?.status === 'unknown'} onClick={() => mark.mutate({ status: 'unknown' })}>
            恢复未签到
          </Button>
        </div>
      )}
      <AbsenceModal count={selected.length} open={isAskingReason} isSaving={mark.isPending} onOk={(reason) => mark.mutate({ status: 'absent', reason })} onClose={() => setAskingReason(false)} />
    </Flex>
  );
}
