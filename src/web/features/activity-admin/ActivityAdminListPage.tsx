import type { HTMLAttributes } from 'react';
import dayjs from 'dayjs';
import { Button, Card, DatePicker, Empty, Flex, List, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { todayInShanghai } from '../../../domain/dates';
import { useUrlFilters } from '../../lib/use-url-filters';
import { ErrorAlert, PageHeader, useIsPhone } from '../../components';
import type { ActivitySummary } from './activity-admin-types';
import { activityTimeLabel, schoolYearOf } from './activity-time';
import { PhaseTag } from './PhaseTag';
import { useActivityTypes, useAdminActivities } from './use-activity-admin';
import './activity-admin.css';

const FILTER_KEYS = ['from', 'to', 'typeId'] as const;

/** "12 / 30 人，候补 3" — how full an activity is. */
function signupLabel(a: ActivitySummary): string {
  if (a.phase === 'none') return '无需报名';
  const seats = a.capacity ? `${a.confirmedCount} / ${a.capacity} 人` : `${a.confirmedCount} 人`;
  return a.waitlistCount ? `${seats}，候补 ${a.waitlistCount}` : seats;
}

/** 活动管理 (/activities/admin): every activity of the union in a period, to manage, edit or publish. */
export function ActivityAdminListPage() {
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { filters, page, setFilters, setPage } = useUrlFilters(FILTER_KEYS);
  const year = schoolYearOf(todayInShanghai());
  const from = filters.from ?? year.from;
  const to = filters.to ?? year.to;
  const types = useActivityTypes();
  const list = useAdminActivities({ from, to, typeId: filters.typeId, page });
  const items = list.data?.items ?? [];

  const actions = (
    <Flex wrap gap={8}>
      <Link to="/activities/new">
        <Button type="primary" data-testid="activities-create">
          发布活动
        </Button>
      </Link>
      <Link to="/activities/stats">
        <Button>活动统计</Button>
      </Link>
      <Link to="/clubs">
        <Button data-testid="activities-clubs">兴趣小组</Button>
      </Link>
      <Link to="/activities/types">
        <Button data-testid="activities-types">活动类型</Button>
      </Link>
    </Flex>
  );

  const columns: TableColumnsType<ActivitySummary> = [
    { key: 'time', title: '时间', width: 190, render: (_v, a) => activityTimeLabel(a.startsAt, a.endsAt) },
    {
      key: 'title',
      title: '活动',
      render: (_v, a) => (
        <Flex vertical gap={2}>
          <Link to={`/activities/${a.id}/manage`} onClick={(e) => e.stopPropagation()}>
            {a.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.audienceLabel}
            {a.place ? ` · ${a.place}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'type', title: '类型', width: 100, render: (_v, a) => <Tag style={{ marginInlineEnd: 0 }}>{a.typeName}</Tag> },
    { key: 'phase', title: '状态', width: 110, render: (_v, a) => <PhaseTag phase={a.phase} /> },
    { key: 'signup', title: '报名', width: 150, render: (_v, a) => signupLabel(a) },
    {
      key: 'actions',
      title: '操作',
      width: 110,
      render: (_v, a) => (
        <Flex gap={8}>
          <Link to={`/activities/${a.id}/manage`} onClick={(e) => e.stopPropagation()}>
            管理
          </Link>
          {a.status === 'published' ? (
            <Link to={`/activities/${a.id}/edit`} onClick={(e) => e.stopPropagation()}>
              编辑
            </Link>
          ) : null}
        </Flex>
      ),
    },
  ];

  const empty = (
    <Empty description={filters.typeId ? '这段时间没有这类活动。' : '这段时间还没有活动。点“发布活动”开始组织第一场吧。'} />
  );
  const pagination = {
    current: page,
    pageSize: 20,
    total: list.data?.total ?? 0,
    hideOnSinglePage: true,
    showSizeChanger: false,
    onChange: (p: number) => setPage(p, 20),
  };

  return (
    <div>
      <PageHeader title="活动管理" subtitle={list.data ? `共 ${list.data.total} 场活动` : undefined} extra={actions} />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={[dayjs(from), dayjs(to)]}
          format="YYYY-MM-DD"
          allowClear={false}
          inputReadOnly
          onChange={(r) => r?.[0] && r[1] && setFilters({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })}
          aria-label="活动期间"
          data-testid="activities-period"
        />
        <Select
          allowClear
          placeholder="活动类型"
          aria-label="活动类型"
          value={filters.typeId}
          onChange={(v?: string) => setFilters({ typeId: v })}
          options={(types.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          style={{ width: 140 }}
          data-testid="activities-filter-type"
        />
      </Flex>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {isPhone ? (
        <List<ActivitySummary>
          dataSource={items}
          loading={list.isFetching}
          locale={{ emptyText: list.isPending ? ' ' : empty }}
          pagination={list.data && list.data.total > 20 ? pagination : false}
          renderItem={(a) => (
            <Card size="small" className="uh-act-card" onClick={() => navigate(`/activities/${a.id}/manage`)} data-testid="admin-activity" data-title={a.title}>
              <Flex justify="space-between" gap={8} align="start">
                <Typography.Text strong>{a.title}</Typography.Text>
                <PhaseTag phase={a.phase} />
              </Flex>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {activityTimeLabel(a.startsAt, a.endsAt)}
                {a.place ? ` · ${a.place}` : ''}
              </Typography.Text>
              <Typography.Text style={{ fontSize: 13 }}>
                {a.typeName} · {signupLabel(a)}
              </Typography.Text>
            </Card>
          )}
        />
      ) : (
        <Table<ActivitySummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={list.isFetching}
          rowClassName="uh-clickable-row"
          onRow={(a) => ({ onClick: () => navigate(`/activities/${a.id}/manage`), 'data-testid': 'admin-activity', 'data-title': a.title }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: list.isPending ? ' ' : empty }}
          pagination={pagination}
        />
      )}
    </div>
  );
}
