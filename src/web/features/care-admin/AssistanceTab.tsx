import { useState, type HTMLAttributes } from 'react';
import { Button, Card, Flex, Select, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ASSISTANCE_KIND_LABELS } from '../../../contracts/care';
import { formatYuan, yuanText } from '../../lib/money';
import { useUrlFilters } from '../../lib/use-url-filters';
import { ErrorAlert, useIsPhone } from '../../components';
import type { AssistanceRecord } from './care-admin-types';
import { AssistanceFormModal } from './AssistanceFormModal';
import { useAssistance } from './use-care-admin';

/** The columns of an assistance list; `hasMember` false on a file's page, where the member is known. */
export function assistanceColumns(isPhone: boolean, hasMember = true) {
  const kindOf = (r: AssistanceRecord) => `${ASSISTANCE_KIND_LABELS[r.kind]}${r.campaign ? ` · ${r.campaign}` : ''}`;
  if (isPhone) {
    return [
      {
        key: 'record',
        title: '帮扶',
        render: (_v: unknown, r: AssistanceRecord) => (
          <Flex vertical gap={2}>
            <Flex justify="space-between" gap={8}>
              <span>
                {hasMember ? <Typography.Text strong>{r.member.name} </Typography.Text> : null}
                {kindOf(r)}
              </span>
              <span style={{ whiteSpace: 'nowrap' }}>{formatYuan(r.amountFen)}</span>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.givenOn}
              {r.payee ? ` · 领款人 ${r.payee}` : ''}
              {r.notes ? ` · ${r.notes}` : ''}
            </Typography.Text>
          </Flex>
        ),
      },
    ];
  }
  return [
    { key: 'date', title: '日期', dataIndex: 'givenOn', width: 100 },
    ...(hasMember
      ? [
          {
            key: 'name',
            title: '姓名',
            render: (_v: unknown, r: AssistanceRecord) => (r.hardshipFileId ? <Link to={`/hardship/${r.hardshipFileId}`}>{r.member.name}</Link> : r.member.name),
          },
        ]
      : []),
    { key: 'kind', title: '类别', render: (_v: unknown, r: AssistanceRecord) => kindOf(r) },
    { key: 'amount', title: '金额', align: 'right' as const, render: (_v: unknown, r: AssistanceRecord) => formatYuan(r.amountFen) },
    { key: 'payee', title: '领款人', render: (_v: unknown, r: AssistanceRecord) => r.payee || '—' },
    { key: 'notes', title: '备注', render: (_v: unknown, r: AssistanceRecord) => r.notes || '—' },
    { key: 'by', title: '登记人', dataIndex: 'recordedBy' },
  ];
}

/** 帮扶记录: a year's assistance with totals (帮扶人次, 人数, amounts by kind) and a new record. */
export function AssistanceTab({ thisYear }: { thisYear: number }) {
  const isPhone = useIsPhone();
  const { filters, setFilters } = useUrlFilters(['tab', 'year'] as const);
  const year = Number(filters.year) || thisYear;
  const list = useAssistance(year);
  const [isAdding, setAdding] = useState(false);
  const years = [thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
  const totals = list.data?.totals;
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <Select value={year} onChange={(y: number) => setFilters({ year: String(y) })} options={years.map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 100 }} aria-label="年度" />
        <span style={{ flex: 1 }} />
        {list.data?.canManage ? (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="assistance-create">
            登记帮扶
          </Button>
        ) : null}
      </Flex>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {totals ? (
        <Card size="small" data-testid="assistance-totals">
          <Flex wrap gap={24} className="uh-care-figure">
            <Statistic title="帮扶人次" value={totals.count} />
            <Statistic title="帮扶人数" value={totals.people} />
            <Statistic title="帮扶金额（元）" value={yuanText(totals.amountFen)} />
            {totals.byKind
              .filter((k) => k.count > 0)
              .map((k) => (
                <Statistic key={k.kind} title={ASSISTANCE_KIND_LABELS[k.kind]} value={k.count} suffix={<Typography.Text type="secondary" style={{ fontSize: 13 }}>次 · {formatYuan(k.amountFen)}</Typography.Text>} />
              ))}
          </Flex>
        </Card>
      ) : null}
      <Card size="small" styles={{ body: { padding: isPhone ? 0 : undefined } }}>
        <Table<AssistanceRecord>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={(list.data?.items.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={isPhone ? undefined : { x: 'max-content' }}
          onRow={(r) => ({ 'data-testid': 'assistance-row', 'data-name': r.member.name }) as HTMLAttributes<HTMLElement>}
          columns={assistanceColumns(isPhone)}
          locale={{ emptyText: `${year}年还没有帮扶记录` }}
        />
      </Card>
      {list.data?.canManage ? <AssistanceFormModal open={isAdding} onClose={() => setAdding(false)} /> : null}
    </Flex>
  );
}
