import { Button, Card, Empty, Pagination, Segmented, Select, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { CARE_LIMITS } from '../../../contracts/care';
import { ErrorAlert, PageHeader, PageLoading, useIsPhone } from '../../components';
import { useCan } from '../../lib/session';
import { useUrlFilters } from '../../lib/use-url-filters';
import { CareEventCard } from './CareEventCard';
import type { CareListStatus } from './care-types';
import { useCareEvents, useCareEventTypes, useCareSummary } from './use-care';
import './care.css';

const FILTER_KEYS = ['status', 'groupId', 'typeId'] as const;

const STATUS_OPTIONS: { value: CareListStatus; label: string }[] = [
  { value: 'open', label: '待慰问' },
  { value: 'overdue', label: '已逾期' },
  { value: 'visited', label: '已慰问' },
  { value: 'all', label: '全部' },
];

const EMPTY_TEXT: Partial<Record<CareListStatus, string>> = {
  open: '眼下没有待慰问的事由。会员生病住院、结婚、生育等，点“登记慰问事由”记下来，系统会按时限提醒。',
  overdue: '没有逾期未慰问的事由。',
  visited: '这段时间还没有慰问记录。',
  all: '还没有登记过慰问事由。',
};

function isStatus(v: string | undefined): v is CareListStatus {
  return STATUS_OPTIONS.some((o) => o.value === v);
}

/**
 * 待慰问 (/care): the 五必访 events of the union (a group leader: of their group) that wait for a visit, overdue
 * ones marked, with the count per group and filters by state, group and type; each card opens the event.
 */
export function CareListPage() {
  const isPhone = useIsPhone();
  const canRegister = useCan('care.register');
  const { filters, page, setFilters, setPage } = useUrlFilters(FILTER_KEYS);
  const status: CareListStatus = isStatus(filters.status) ? filters.status : 'open';
  const list = useCareEvents({ status, groupId: filters.groupId, typeId: filters.typeId, page });
  const summary = useCareSummary();
  const types = useCareEventTypes();
  const groups = summary.data?.groups ?? [];
  const hasGroupChoice = groups.filter((g) => g.groupId).length > 1;

  const header = (
    <PageHeader
      title="待慰问"
      subtitle={summary.data ? `待慰问 ${summary.data.due} 件 · 已逾期 ${summary.data.overdue} 件` : '五必访：生病住院、结婚、生育、去世、退休等，按时上门慰问'}
      extra={
        canRegister ? (
          <Link to="/care/events/new">
            <Button type="primary" data-testid="care-register">
              登记慰问事由
            </Button>
          </Link>
        ) : null
      }
    />
  );

  const groupLine = hasGroupChoice ? (
    <div className="uh-care-groups" data-testid="care-group-counts">
      {groups
        .filter((g) => g.groupId && (g.due > 0 || g.overdue > 0))
        .map((g) => (
          <Tag
            key={g.groupId}
            color={filters.groupId === g.groupId ? 'volcano' : g.overdue > 0 ? 'red' : undefined}
            onClick={() => setFilters({ groupId: filters.groupId === g.groupId ? undefined : (g.groupId ?? undefined) })}
          >
            {g.groupName}：{[g.overdue > 0 ? `逾期 ${g.overdue}` : '', g.due > 0 ? `待 ${g.due}` : ''].filter(Boolean).join(' · ')}
          </Tag>
        ))}
    </div>
  ) : null;

  const filterBar = (
    <div className="uh-care-filters">
      <Segmented<CareListStatus>
        value={status}
        options={STATUS_OPTIONS}
        onChange={(v) => setFilters({ status: v === 'open' ? undefined : v })}
        block={isPhone}
        data-testid="care-status"
      />
      {hasGroupChoice ? (
        <Select
          allowClear
          placeholder="全部小组"
          value={filters.groupId}
          onChange={(v?: string) => setFilters({ groupId: v })}
          options={groups.filter((g) => g.groupId).map((g) => ({ value: g.groupId!, label: g.groupName }))}
          data-testid="care-group-filter"
        />
      ) : null}
      <Select
        allowClear
        placeholder="全部事由"
        value={filters.typeId}
        onChange={(v?: string) => setFilters({ typeId: v })}
        options={(types.data ?? []).map((t) => ({ value: t.id, label: t.archived ? `${t.name}（已停用）` : t.name }))}
        data-testid="care-type-filter"
      />
    </div>
  );

  let body;
  if (list.isPending) body = <PageLoading />;
  else if (list.error) body = <ErrorAlert error={list.error} />;
  else if (list.data.items.length === 0) {
    const isFiltered = !!filters.groupId || !!filters.typeId;
    body = (
      <Card>
        <Empty description={isFiltered ? '没有符合筛选条件的事由。' : (EMPTY_TEXT[status] ?? '没有符合条件的事由。')} data-testid="care-empty" />
      </Card>
    );
  } else {
    body = (
      <>
        <div className="uh-card-list" data-testid="care-event-list">
          {list.data.items.map((e) => (
            <CareEventCard key={e.id} event={e} />
          ))}
        </div>
        {list.data.total > CARE_LIMITS.pageSize ? (
          <Pagination
            style={{ marginTop: 16, justifyContent: 'center' }}
            current={page}
            pageSize={CARE_LIMITS.pageSize}
            total={list.data.total}
            simple={isPhone}
            showSizeChanger={false}
            onChange={(next) => {
              setPage(next, CARE_LIMITS.pageSize);
              window.scrollTo({ top: 0 });
            }}
          />
        ) : null}
      </>
    );
  }

  return (
    <div>
      {header}
      {groupLine}
      {filterBar}
      {body}
    </div>
  );
}
