import { useMemo, type HTMLAttributes } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Pagination, Table } from 'antd';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { ErrorAlert, PageHeader, PageLoading, useIsPhone } from '../../components';
import { useGroups } from '../members/use-groups';
import { auditColumns } from './audit-columns';
import type { AuditPageData } from './audit-types';
import { AuditEventList } from './AuditEventList';
import { AuditFilterBar } from './AuditFilterBar';
import { useAuditParams } from './use-audit-params';

/** 操作记录: the read-only audit trail of the current organisation, filtered and paged on the server. */
export function AuditPage() {
  const t = useT();
  const { filters, page, pageSize, setFilters, setPage } = useAuditParams();
  const groups = useGroups();
  const trail = useQuery({
    queryKey: ['audit', 'list', filters, page, pageSize],
    queryFn: () => api.get<AuditPageData>('/audit', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const isPhone = useIsPhone();
  const groupName = useMemo(() => {
    const names = new Map((groups.data ?? []).map((g) => [g.id, g.name]));
    return (id: string) => names.get(id);
  }, [groups.data]);
  const columns = useMemo(() => auditColumns(groupName), [groupName]);
  const pagination = {
    current: page,
    pageSize,
    total: trail.data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100, 200],
    showTotal: (total: number) => `共 ${total} 条`,
    onChange: setPage,
  };
  // Events about one object all carry its name; the first one tells the filter tag what to say.
  const entityName = filters.entityId ? (trail.data?.items.find((e) => e.entityId === filters.entityId)?.entityLabel ?? null) : null;

  return (
    <div>
      <PageHeader title={t('操作记录')} subtitle="谁在什么时候做了什么：新增、修改、导入、退休、转出、任命、重置密码等。" />
      <Alert
        type="info"
        showIcon
        title="操作记录由系统自动生成，只能查看，不能修改或删除。记录中的手机号、身份证号已遮盖。"
        style={{ marginBottom: 16 }}
      />
      <AuditFilterBar filters={filters} onChange={setFilters} entityName={entityName} />
      {trail.error ? <ErrorAlert error={trail.error} /> : null}
      {isPhone ? (
        trail.isPending ? (
          <PageLoading />
        ) : (
          <>
            <AuditEventList events={trail.data?.items ?? []} groupName={groupName} />
            <Pagination {...pagination} simple align="center" style={{ marginTop: 16 }} />
          </>
        )
      ) : (
        <Table
          rowKey="id"
          size="middle"
          data-testid="audit-table"
          columns={columns}
          dataSource={trail.data?.items ?? []}
          loading={trail.isFetching}
          scroll={{ x: 1000 }}
          onRow={(e) => ({ 'data-testid': 'audit-row', 'data-action': e.action }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: trail.isPending ? ' ' : '没有符合条件的操作记录' }}
          pagination={pagination}
        />
      )}
    </div>
  );
}
