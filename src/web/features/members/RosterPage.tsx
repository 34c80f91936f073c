import type { HTMLAttributes } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../lib/api';
import { useCan } from '../../lib/session';
import { useT } from '../../lib/i18n';
import { ErrorAlert, PageHeader } from '../../components';
import type { MemberPage } from './member-types';
import { ROSTER_TABLE_COLUMNS } from './roster-columns';
import { RosterFilterBar } from './RosterFilterBar';
import { useRosterParams } from './use-roster-params';

/** 会员名册: the union's roster with server-side paging, search, filters and sort kept in the URL. */
export function RosterPage() {
  const t = useT();
  const { filters, page, pageSize, setFilters, setPage, clearFilters, hasFilters } = useRosterParams();
  const canExport = useCan('member.export');
  const roster = useQuery({
    queryKey: ['members', 'list', filters, page, pageSize],
    queryFn: () => api.get<MemberPage>('/members', { ...filters, page, pageSize }),
    // Keep the current page on screen while the next one loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });
  const data = roster.data;

  const actions = (
    <Flex wrap gap={8}>
      {data?.canCreate ? (
        <Link to="/members/new">
          <Button type="primary" data-testid="roster-create">
            {t('新增会员')}
          </Button>
        </Link>
      ) : null}
      {data?.canImport ? (
        <Link to="/imports/new">
          <Button data-testid="roster-import">{t('导入')}</Button>
        </Link>
      ) : null}
      {canExport ? (
        <Button href={api.url('/members/export.xlsx', filters)} data-testid="roster-export">
          {t('导出 Excel')}
        </Button>
      ) : null}
    </Flex>
  );

  const empty = hasFilters ? (
    <Empty description="没有符合条件的会员。请换个关键词，或清除筛选后再看。">
      <Button onClick={clearFilters}>{t('清除筛选')}</Button>
    </Empty>
  ) : (
    <Empty
      description={
        data?.canImport || data?.canCreate
          ? '名册里还没有会员。可以点“导入”从 Excel 批量导入，或点“新增会员”逐个登记。'
          : '名册里还没有会员，请联系工会主席或组织委员登记。'
      }
    />
  );

  return (
    <div>
      <PageHeader
        title={t('会员名册')}
        subtitle={data ? `共 ${data.total} 人${hasFilters ? '（已筛选）' : ''}` : undefined}
        extra={actions}
      />
      <RosterFilterBar filters={filters} onChange={setFilters} onClear={clearFilters} hasFilters={hasFilters} />
      {roster.error ? <ErrorAlert error={roster.error} /> : null}
      <Table
        rowKey="id"
        data-testid="roster-table"
        size="middle"
        columns={ROSTER_TABLE_COLUMNS}
        dataSource={data?.items ?? []}
        loading={roster.isFetching}
        scroll={{ x: 980 }}
        locale={{ emptyText: roster.isPending ? ' ' : empty }}
        onRow={(m) => ({ 'data-testid': 'roster-row', 'data-member-name': m.name }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `共 ${total} 人`,
          onChange: setPage,
        }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        手机号、身份证号按您的权限显示，部分号码会以 * 遮盖。导出的 Excel 与导入模板的列相同，可修改后重新导入。
      </Typography.Paragraph>
    </div>
  );
}
