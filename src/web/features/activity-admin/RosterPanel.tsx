import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Popconfirm, Segmented, Select, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { ATTENDANCE_SOURCE_LABELS, REGISTRATION_STATUS_LABELS, type AttendanceSource, type RegistrationStatus } from '../../../contracts/activities';
import { api } from '../../lib/api';
import { ErrorAlert, useIsPhone } from '../../components';
import type { ActivityDetail, RosterRow } from './activity-admin-types';
import { attendanceOpensAt, momentLabel, shanghaiClock } from './activity-time';
import { isInView, ROSTER_FILTER_LABELS, ROSTER_FILTERS, tickedIds, type RosterFilter } from './roster-filters';
import { useRefreshActivities, useRoster } from './use-activity-admin';

const STATUS_COLORS: Record<RegistrationStatus, string | undefined> = {
  pending: 'gold',
  confirmed: 'green',
  waitlisted: 'blue',
  cancelled: undefined,
  rejected: 'default',
};

type Mode = Extract<AttendanceSource, 'roster' | 'paper'>;

function StatusTag({ row, hasSignup }: { row: RosterRow; hasSignup: boolean }) {
  if (!row.status) return hasSignup ? <Typography.Text type="secondary">未报名</Typography.Text> : null;
  return (
    <Tag color={STATUS_COLORS[row.status]} style={{ marginInlineEnd: 0 }}>
      {REGISTRATION_STATUS_LABELS[row.status]}
      {row.status === 'waitlisted' && row.waitlistPosition ? ` 第${row.waitlistPosition}位` : ''}
    </Tag>
  );
}

/** Where a tick came from: "扫码签到 15:32", "名单勾选", or that the change is not saved yet. */
function AttendanceCell({ row, isPresent, isChanged }: { row: RosterRow; isPresent: boolean; isChanged: boolean }) {
  if (isChanged) return <Typography.Text type="warning">{isPresent ? '已勾选，未保存' : '取消勾选，未保存'}</Typography.Text>;
  if (!row.attendedAt || !row.attendanceSource) return <Typography.Text type="secondary">—</Typography.Text>;
  const time = row.attendanceSource === 'scan' ? ` ${shanghaiClock(row.attendedAt).format('HH:mm')}` : '';
  return (
    <Typography.Text>
      {ATTENDANCE_SOURCE_LABELS[row.attendanceSource]}
      {time}
    </Typography.Text>
  );
}

/**
 * 名单: everyone invited or registered, filtered by status or attendance, with 通过 / 不通过 for pending
 * sign-ups and attendance ticks saved together — as 现场点名 or as entered from the paper sign-in sheet.
 */
export function RosterPanel({ activity }: { activity: ActivityDetail }) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const refresh = useRefreshActivities();
  const roster = useRoster(activity.id);
  // Once people have signed up, they are the ones an organiser checks off; before that, everyone invited.
  const [view, setView] = useState<RosterFilter>(() => (activity.signupOpensAt !== null && (activity.figures?.confirmed ?? 0) > 0 ? 'confirmed' : 'all'));
  const [q, setQ] = useState('');
  const [mode, setMode] = useState<Mode>('roster');
  const [edits, setEdits] = useState<Map<string, boolean>>(new Map());
  const rows = useMemo(() => roster.data ?? [], [roster.data]);
  const saved = useMemo(() => tickedIds(rows), [rows]);
  const hasSignup = activity.signupOpensAt !== null;
  const isCancelled = activity.status === 'cancelled';
  const opensAt = attendanceOpensAt(activity.startsAt);
  const isTooEarly = Date.now() < opensAt;
  const canTick = !isCancelled && !isTooEarly;

  const isScanned = (r: RosterRow) => r.attendedAt !== null && r.attendanceSource === 'scan';
  const isPresent = (r: RosterRow) => isScanned(r) || (edits.get(r.memberId) ?? saved.has(r.memberId));
  const changed = [...edits.entries()].filter(([id, v]) => v !== saved.has(id));

  const save = useMutation({
    mutationFn: () => {
      const memberIds = rows.filter((r) => !isScanned(r) && isPresent(r)).map((r) => r.memberId);
      return api.send('PUT', `/activities/${activity.id}/attendance`, { memberIds, source: mode });
    },
    onSuccess: async () => {
      await refresh();
      setEdits(new Map());
      message.success(mode === 'paper' ? '已录入纸质签到表' : '出勤已保存');
    },
    onError: (e) => message.error(e.message),
  });
  const decide = useMutation({
    mutationFn: ({ row, decision }: { row: RosterRow; decision: 'approve' | 'reject' }) =>
      api.send('POST', `/activities/${activity.id}/registrations/${row.registrationId}/decision`, { decision }),
    onSuccess: (_r, { row, decision }) => {
      void refresh();
      message.success(decision === 'approve' ? `已通过：${row.name}` : `未通过：${row.name}`);
    },
    onError: (e) => message.error(e.message),
  });

  const counts = Object.fromEntries(ROSTER_FILTERS.map((f) => [f, rows.filter((r) => isInView(r, f, isPresent(r), hasSignup)).length])) as Record<RosterFilter, number>;
  const filters = ROSTER_FILTERS.filter((f) => hasSignup || !['confirmed', 'waitlisted', 'pending'].includes(f))
    .filter((f) => f !== 'pending' || activity.needsApproval || counts.pending > 0)
    // Nobody attends a cancelled activity: its roster is only about who had signed up.
    .filter((f) => !isCancelled || (f !== 'attended' && f !== 'absent'));
  const needle = q.trim();
  const shown = rows.filter((r) => isInView(r, view, isPresent(r), hasSignup) && (!needle || r.name.includes(needle) || (r.groupName ?? '').includes(needle)));

  const decisionButtons = (row: RosterRow): ReactNode =>
    row.status === 'pending' && row.registrationId && !isCancelled ? (
      <Flex gap={4}>
        <Button size="small" type="primary" ghost loading={decide.isPending && decide.variables?.row === row} onClick={() => decide.mutate({ row, decision: 'approve' })} data-testid="roster-approve">
          通过
        </Button>
        <Popconfirm title={`不通过${row.name}的报名？`} okText="不通过" cancelText="再想想" onConfirm={() => decide.mutate({ row, decision: 'reject' })}>
          <Button size="small" danger data-testid="roster-reject">
            不通过
          </Button>
        </Popconfirm>
      </Flex>
    ) : null;
  const answersText = (row: RosterRow) =>
    activity.fields
      .filter((f) => row.answers[f.key])
      .map((f) => `${f.label}：${row.answers[f.key]}`)
      .join('；');
  const nameCell = (row: RosterRow) => (
    <Flex vertical gap={2}>
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{row.name}</Typography.Text>
        {!row.isInvited ? <Tag style={{ marginInlineEnd: 0 }}>非参加对象</Tag> : null}
      </Flex>
      {isPhone ? (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.groupName ?? row.department ?? ''}
          </Typography.Text>
          {answersText(row) ? <Typography.Text style={{ fontSize: 12 }}>{answersText(row)}</Typography.Text> : null}
        </>
      ) : null}
    </Flex>
  );

  const columns: TableColumnsType<RosterRow> = isPhone
    ? [
        { key: 'name', title: '姓名', render: (_v, row) => nameCell(row) },
        {
          key: 'status',
          title: hasSignup ? '报名 / 出勤' : '出勤',
          width: 124,
          render: (_v, row) => (
            <Flex vertical gap={4} align="start">
              <StatusTag row={row} hasSignup={hasSignup} />
              <span style={{ fontSize: 12 }}>
                <AttendanceCell row={row} isPresent={isPresent(row)} isChanged={edits.has(row.memberId) && edits.get(row.memberId) !== saved.has(row.memberId)} />
              </span>
              {decisionButtons(row)}
            </Flex>
          ),
        },
      ]
    : [
        { key: 'name', title: '姓名', width: 140, render: (_v, row) => nameCell(row) },
        { key: 'group', title: '工会小组', width: 130, render: (_v, row) => row.groupName ?? row.department ?? '—' },
        ...(hasSignup
          ? [
              { key: 'status', title: '报名状态', width: 120, render: (_v: unknown, row: RosterRow) => <StatusTag row={row} hasSignup={hasSignup} /> },
              {
                key: 'registeredAt',
                title: '报名时间',
                width: 120,
                render: (_v: unknown, row: RosterRow) => (row.registeredAt ? shanghaiClock(row.registeredAt).format('M月D日 HH:mm') : '—'),
              },
            ]
          : []),
        ...activity.fields.map((f) => ({ key: `answer-${f.key}`, title: f.label, width: 110, render: (_v: unknown, row: RosterRow) => row.answers[f.key] ?? '—' })),
        {
          key: 'attendance',
          title: '出勤',
          width: 150,
          render: (_v, row) => <AttendanceCell row={row} isPresent={isPresent(row)} isChanged={edits.has(row.memberId) && edits.get(row.memberId) !== saved.has(row.memberId)} />,
        },
        ...(activity.needsApproval || counts.pending > 0 ? [{ key: 'actions', title: '审核', width: 150, render: (_v: unknown, row: RosterRow) => decisionButtons(row) }] : []),
      ];

  const viewPicker = isPhone ? (
    <Select
      value={view}
      onChange={setView}
      options={filters.map((f) => ({ value: f, label: `${ROSTER_FILTER_LABELS[f]}（${counts[f]}）` }))}
      style={{ width: 140 }}
      aria-label="筛选"
      data-testid="roster-view"
    />
  ) : (
    <Segmented
      value={view}
      onChange={(v) => setView(v as RosterFilter)}
      options={filters.map((f) => ({ value: f, label: `${ROSTER_FILTER_LABELS[f]} ${counts[f]}` }))}
      data-testid="roster-view"
    />
  );

  const selection: TableProps<RosterRow>['rowSelection'] = canTick
    ? {
        selectedRowKeys: rows.filter(isPresent).map((r) => r.memberId),
        preserveSelectedRowKeys: true,
        getCheckboxProps: (row) => ({ disabled: isScanned(row), 'aria-label': `${row.name}到场` }),
        onChange: (keys) => {
          const picked = new Set(keys.map(String));
          setEdits((before) => {
            const next = new Map(before);
            for (const r of rows) if (!isScanned(r) && picked.has(r.memberId) !== isPresent(r)) next.set(r.memberId, picked.has(r.memberId));
            return next;
          });
        },
      }
    : undefined;

  const saveBar = !canTick ? null : (
    <Flex gap={8} align="center" wrap className={`uh-act-savebar${isPhone ? ' uh-act-savebar-phone' : ''}${changed.length ? ' uh-act-savebar-dirty' : ''}`}>
      <Segmented
        value={mode}
        onChange={(v) => setMode(v as Mode)}
        options={[
          { value: 'roster', label: '现场点名' },
          { value: 'paper', label: '录入纸质签到表' },
        ]}
        size={isPhone ? 'small' : 'middle'}
        data-testid="roster-mode"
      />
      <Button type="primary" disabled={changed.length === 0} loading={save.isPending} onClick={() => save.mutate()} data-testid="roster-save">
        保存出勤{changed.length ? `（改动 ${changed.length} 人）` : ''}
      </Button>
      {changed.length ? (
        <Button type="link" onClick={() => setEdits(new Map())} style={{ paddingInline: 4 }}>
          撤销改动
        </Button>
      ) : null}
    </Flex>
  );

  return (
    <Card title="名单" size="small" extra={isPhone || !canTick ? null : <Typography.Text type="secondary">勾选到场的人，再点“保存出勤”；扫码签到的无需勾选</Typography.Text>} data-testid="roster">
      {roster.error ? <ErrorAlert error={roster.error} /> : null}
      {isTooEarly && !isCancelled ? (
        <Typography.Paragraph type="secondary" data-testid="roster-too-early">
          活动开始前一小时（{momentLabel(new Date(opensAt).toISOString())}）起可以勾选出勤、扫码签到。
        </Typography.Paragraph>
      ) : null}
      {mode === 'paper' && canTick ? (
        <Typography.Paragraph type="secondary">对照纸质签到表上的签名逐一勾选，保存后记为“纸质签到表”。</Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        {viewPicker}
        <Input.Search allowClear placeholder={isPhone ? '查找姓名' : '查找姓名或小组'} value={q} onChange={(e) => setQ(e.target.value)} style={isPhone ? { flex: '1 1 120px' } : { width: 200 }} aria-label="查找姓名" />
      </Flex>
      {isPhone ? null : saveBar}
      <Table<RosterRow>
        rowKey="memberId"
        size={isPhone ? 'small' : 'middle'}
        columns={columns}
        dataSource={shown}
        loading={roster.isFetching && !roster.data}
        pagination={shown.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        rowSelection={selection}
        onRow={(row) => ({ 'data-testid': 'roster-row', 'data-member-name': row.name }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: roster.isPending ? ' ' : view === 'all' ? '没有参加对象。请检查活动的参加对象设置。' : `没有“${ROSTER_FILTER_LABELS[view]}”的人` }}
        data-testid="roster-table"
      />
      {isPhone ? saveBar : null}
    </Card>
  );
}
