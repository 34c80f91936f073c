import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Button, DatePicker, Flex, Select, Tag } from 'antd';
import { useT } from '../../lib/i18n';
import { api } from '../../lib/api';
import { ENTITY_TYPE_LABELS } from './audit-types';
import type { AuditFilters } from './use-audit-params';

interface Props {
  filters: AuditFilters;
  onChange: (patch: AuditFilters) => void;
  /** The name of the object the trail is narrowed to (from a "查看操作记录" link), if known. */
  entityName: string | null;
}

/** Filters of the audit trail: who, what kind of object, which days (Asia/Shanghai dates). */
export function AuditFilterBar({ filters, onChange, entityName }: Props) {
  const t = useT();
  const actors = useQuery({
    queryKey: ['audit', 'actors'],
    queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/audit/actors'),
    staleTime: 60_000,
  });
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null =
    filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null;
  const hasFilters = Object.values(filters).some(Boolean);

  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
      <Select
        allowClear
        aria-label="操作人"
        data-testid="audit-filter-actor"
        placeholder="操作人"
        value={filters.actorId}
        loading={actors.isPending}
        options={(actors.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(v?: string) => onChange({ actorId: v ?? '' })}
        style={{ width: 160 }}
      />
      <Select
        allowClear
        aria-label="对象类型"
        data-testid="audit-filter-entityType"
        placeholder="对象类型"
        value={filters.entityType}
        options={Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
        // A different type of object cannot keep a single object's id.
        onChange={(v?: string) => onChange({ entityType: v ?? '', entityId: '' })}
        style={{ width: 130 }}
      />
      <DatePicker.RangePicker
        aria-label="日期范围"
        data-testid="audit-filter-dates"
        value={range}
        allowEmpty={[true, true]}
        onChange={(dates) =>
          onChange({ from: dates?.[0]?.format('YYYY-MM-DD') ?? '', to: dates?.[1]?.format('YYYY-MM-DD') ?? '' })
        }
      />
      {filters.entityId ? (
        <Tag closable onClose={() => onChange({ entityId: '' })} data-testid="audit-filter-entity" style={{ fontSize: 14, padding: '4px 8px' }}>
          仅看：{entityName ?? '指定对象'}
        </Tag>
      ) : null}
      {hasFilters ? (
        <Button type="link" onClick={() => onChange({ actorId: '', entityType: '', entityId: '', from: '', to: '' })}>
          {t('清除筛选')}
        </Button>
      ) : null}
    </Flex>
  );
}
