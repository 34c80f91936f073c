import { useState, type HTMLAttributes } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../lib/api';
import { useCan } from '../../lib/session';
import { ErrorAlert, PageHeader, PageLoading, useIsPhone } from '../../components';
import type { ActivitySummary, ClubDetail } from './activity-admin-types';
import { activityTimeLabel } from './activity-time';
import { ClubFormModal } from './ClubFormModal';
import { MemberSearchSelect } from './MemberSearchSelect';
import { PhaseTag } from './PhaseTag';
import { useClub, useRefreshActivities } from './use-activity-admin';

type ClubMember = ClubDetail['members'][number];

/** 添加组员: several members found by search, added to the club in one go. */
function AddMembers({ club }: { club: ClubDetail }) {
  const { message } = App.useApp();
  const refresh = useRefreshActivities();
  const [picked, setPicked] = useState<string[]>([]);
  const current = club.members.map((m) => m.memberId);
  const add = useMutation({
    mutationFn: (ids: string[]) => api.send('PUT', `/clubs/${club.id}/members`, { memberIds: [...new Set([...current, ...ids])] }),
    onSuccess: (_r, ids) => {
      const added = ids.filter((id) => !current.includes(id)).length;
      message.success(added ? `已添加 ${added} 名组员` : '所选人员已经是组员');
      setPicked([]);
      void refresh();
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <div style={{ flex: '1 1 240px', minWidth: 0 }}>
        <MemberSearchSelect isMultiple value={picked} onChange={(v) => setPicked(Array.isArray(v) ? v : [])} placeholder="搜索会员加入小组（可多选）" testId="club-add-members" />
      </div>
      <Button type="primary" disabled={picked.length === 0} loading={add.isPending} onClick={() => add.mutate(picked)} data-testid="club-add-members-save">
        添加{picked.length ? ` ${picked.length} 人` : ''}
      </Button>
    </Flex>
  );
}

/** 兴趣小组 (/clubs/:id): leader and members with their attendance counts, adding and removing members, its activities. */
export function ClubDetailPage() {
  const { id = '' } = useParams();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const club = useClub(id);
  const refresh = useRefreshActivities();
  const [isEditing, setEditing] = useState(false);
  // Managers run the club; its leader may also change who is in it (c.canManage).
  const canManageClub = useCan('activity.manage');
  const archive = useMutation({
    mutationFn: (archived: boolean) => api.send('PATCH', `/clubs/${id}`, { archived }),
    onSuccess: (_r, archived) => {
      message.success(archived ? '已停用兴趣小组' : '已恢复兴趣小组');
      void refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const remove = useMutation({
    mutationFn: (m: ClubMember) =>
      api.send('PUT', `/clubs/${id}/members`, { memberIds: (club.data?.members ?? []).map((x) => x.memberId).filter((x) => x !== m.memberId) }),
    onSuccess: (_r, m) => {
      message.success(`已将 ${m.name} 移出小组`);
      void refresh();
    },
    onError: (e) => message.error(e.message),
  });
  if (club.isPending) return <PageLoading />;
  if (club.error) {
    return (
      <div>
        <PageHeader title="兴趣小组" />
        <ErrorAlert error={club.error} />
      </div>
    );
  }
  const c = club.data;
  const actions = (
    <Flex gap={8} wrap>
      {canManageClub && !c.archived ? (
        <Link to={`/activities/new?clubId=${c.id}`}>
          <Button type="primary" data-testid="club-new-activity">
            发布小组活动
          </Button>
        </Link>
      ) : null}
      {canManageClub ? <Button onClick={() => setEditing(true)}>编辑</Button> : null}
      {canManageClub ? (
        <Popconfirm
          title={c.archived ? '恢复这个兴趣小组？' : '停用这个兴趣小组？'}
          description={c.archived ? undefined : '停用后不能再为它发布活动，已有的活动和出勤记录保留。'}
          okText={c.archived ? '恢复' : '停用'}
          cancelText="取消"
          onConfirm={() => archive.mutate(!c.archived)}
        >
          <Button>{c.archived ? '恢复' : '停用'}</Button>
        </Popconfirm>
      ) : null}
      <Link to="/clubs">
        <Button>全部兴趣小组</Button>
      </Link>
    </Flex>
  );

  return (
    <div>
      <PageHeader title={<span data-testid="club-title">{c.name}</span>} subtitle={c.description ?? undefined} extra={actions} />
      {c.archived ? <Alert type="info" showIcon title="这个兴趣小组已停用。" style={{ marginBottom: 16 }} /> : null}
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          column={isPhone ? 1 : 3}
          bordered={!isPhone}
          items={[
            { key: 'leader', label: '组长', children: c.leaderName ?? '未设' },
            { key: 'members', label: '组员', children: `${c.members.length} 人` },
            { key: 'activities', label: '活动', children: `${c.activities.length} 次` },
          ]}
        />
        <Card size="small" title="组员" data-testid="club-members">
          {c.canManage ? <AddMembers club={c} /> : null}
          <Table<ClubMember>
            rowKey="memberId"
            size="small"
            // The leader heads the list; the rest keep the server's (pinyin) order.
            dataSource={[...c.members].sort((a, b) => Number(b.memberId === c.leaderMemberId) - Number(a.memberId === c.leaderMemberId))}
            pagination={c.members.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            onRow={(m) => ({ 'data-testid': 'club-member', 'data-member-name': m.name }) as HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'name', title: '姓名', render: (_v, m) => (m.memberId === c.leaderMemberId ? `${m.name}（组长）` : m.name) },
              { key: 'group', title: '工会小组', render: (_v, m) => m.groupName ?? '—' },
              { key: 'attended', title: '出勤次数', dataIndex: 'attended', align: 'right', sorter: (a, b) => a.attended - b.attended },
              ...(c.canManage
                ? [
                    {
                      key: 'actions',
                      title: '',
                      width: 72,
                      render: (_v: unknown, m: ClubMember) => (
                        <Popconfirm title={`将${m.name}移出小组？`} okText="移出" cancelText="不移出" onConfirm={() => remove.mutate(m)}>
                          <Button type="link" danger size="small" style={{ paddingInline: 0 }}>
                            移出
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
            locale={{ emptyText: '还没有组员' }}
          />
        </Card>
        <Card size="small" title="小组活动" data-testid="club-activities">
          <Table<ActivitySummary>
            rowKey="id"
            size="small"
            dataSource={c.activities}
            pagination={c.activities.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'time', title: '时间', render: (_v, a) => activityTimeLabel(a.startsAt, a.endsAt) },
              { key: 'title', title: '活动', render: (_v, a) => (canManageClub ? <Link to={`/activities/${a.id}/manage`}>{a.title}</Link> : <Link to={`/activities/${a.id}`}>{a.title}</Link>) },
              { key: 'phase', title: '状态', render: (_v, a) => <PhaseTag phase={a.phase} /> },
            ]}
            locale={{
              emptyText: (
                <Typography.Text type="secondary">{canManageClub ? '还没有小组活动。点“发布小组活动”，可设为每周重复。' : '还没有小组活动。'}</Typography.Text>
              ),
            }}
          />
        </Card>
      </Flex>
      <ClubFormModal open={isEditing} club={c} onClose={() => setEditing(false)} />
    </div>
  );
}
