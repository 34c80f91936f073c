import { useMemo, useState, type HTMLAttributes } from 'react';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, Card, DatePicker, Flex, Form, Input, Modal, Segmented, Select, Statistic, Table, Typography, type ButtonProps } from 'antd';
import { todayInShanghai } from '../../../domain/dates';
import { api } from '../../lib/api';
import { useUrlFilters } from '../../lib/use-url-filters';
import { ErrorAlert, PageHeader, useFormError, useIsPhone } from '../../components';
import type { HealthCheck } from './care-admin-types';
import { rateText } from './CoverageBar';
import { useHealthChecks, useRefreshCare } from './use-care-admin';
import './care-admin.css';

type Show = 'all' | 'waiting' | 'checked';

/** 登记筛查: the day of the check (empty: not done) and a short note — never a diagnosis. */
function CheckModal({ row, year, onClose }: { row: HealthCheck | null; year: number; onClose: () => void }) {
  const [form] = Form.useForm<{ checkedOn: Dayjs | null; note: string }>();
  const { message } = App.useApp();
  const refresh = useRefreshCare();
  const formError = useFormError(form);
  const save = useMutation({
    mutationFn: (v: { checkedOn: Dayjs | null; note: string }) =>
      api.send('PUT', `/care/health-checks/${row!.memberId}`, { year, checkedOn: v.checkedOn ? v.checkedOn.format('YYYY-MM-DD') : null, note: v.note.trim() }),
    onSuccess: () => {
      void refresh();
      message.success('已登记');
      onClose();
    },
    onError: formError.onError,
  });
  return (
    <Modal
      title={row ? `${row.name}：${year}年两癌筛查` : ''}
      open={row !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      okButtonProps={{ loading: save.isPending, 'data-testid': 'health-save' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ checkedOn: row?.checkedOn ? dayjs(row.checkedOn) : dayjs(todayInShanghai()), note: row?.note ?? '' }}
        onFinish={(v) => save.mutate(v)}
      >
        {formError.alert}
        <Form.Item name="checkedOn" label="检查日期" extra="清空表示本年度尚未检查">
          <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="health-date" />
        </Form.Item>
        <Form.Item name="note" label="备注" extra="只记录是否参加、在哪里检查等，不填写检查结果" style={{ marginBottom: 0 }}>
          <Input maxLength={200} placeholder="如 县妇幼保健院集中检查" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 女工健康 (/care/health): women members' 两癌筛查 of a year — only the chair and the 女工 committee member. */
export function HealthChecksPage() {
  const isPhone = useIsPhone();
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const { filters, setFilters } = useUrlFilters(['year'] as const);
  const year = Number(filters.year) || thisYear;
  const list = useHealthChecks(year);
  const [show, setShow] = useState<Show>('all');
  const [group, setGroup] = useState('');
  const [editing, setEditing] = useState<HealthCheck | null>(null);
  const items = useMemo(
    () =>
      (list.data?.items ?? []).filter(
        (r) => (show === 'all' || (show === 'checked') === (r.checkedOn !== null)) && (group === '' || (r.groupName ?? '未分组') === group),
      ),
    [list.data, show, group],
  );
  const groups = [...new Set((list.data?.items ?? []).map((r) => r.groupName ?? '未分组'))].sort((a, b) => a.localeCompare(b, 'zh'));
  const totals = list.data?.totals;
  const canManage = list.data?.canManage ?? false;
  const action = (r: HealthCheck) =>
    canManage ? (
      <Button size="small" type={r.checkedOn ? 'link' : 'default'} onClick={() => setEditing(r)} data-testid="health-edit">
        {r.checkedOn ? '修改' : '登记'}
      </Button>
    ) : null;
  return (
    <div>
      <PageHeader
        title="女工健康"
        subtitle="女教职工两癌筛查情况；仅工会主席和女工委员可见"
        extra={
          <Select
            value={year}
            onChange={(y: number) => setFilters({ year: y === thisYear ? undefined : String(y) })}
            options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))}
            style={{ width: 100 }}
            aria-label="年度"
          />
        }
      />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Flex vertical gap={12}>
        {totals ? (
          <Card size="small" data-testid="health-totals">
            <Flex wrap gap={24} className="uh-care-figure">
              <Statistic title="女会员" value={totals.women} suffix="人" />
              <Statistic title="已筛查" value={totals.checked} suffix="人" />
              <Statistic title="筛查率" value={rateText(totals.rate)} />
            </Flex>
          </Card>
        ) : null}
        <Flex wrap gap={8}>
          <Segmented<Show>
            value={show}
            onChange={setShow}
            options={[
              { value: 'all', label: '全部' },
              { value: 'waiting', label: `未筛查 ${totals ? totals.women - totals.checked : ''}` },
              { value: 'checked', label: `已筛查 ${totals?.checked ?? ''}` },
            ]}
          />
          <Select
            value={group}
            onChange={setGroup}
            options={[{ value: '', label: '全部小组' }, ...groups.map((g) => ({ value: g, label: g }))]}
            style={{ minWidth: 130 }}
            aria-label="工会小组"
          />
        </Flex>
        <Card size="small" styles={{ body: { padding: isPhone ? 0 : undefined } }}>
          <Table<HealthCheck>
            rowKey="memberId"
            size="small"
            loading={list.isPending}
            dataSource={items}
            pagination={items.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
            onRow={(r) => ({ 'data-testid': 'health-row', 'data-name': r.name }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'name',
                title: '姓名',
                render: (_v, r) => (
                  <Flex vertical>
                    <span>{r.name}</span>
                    {isPhone ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.groupName ?? '未分组'}
                        {r.note ? ` · ${r.note}` : ''}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
              ...(isPhone ? [] : [{ key: 'group', title: '工会小组', render: (_v: unknown, r: HealthCheck) => r.groupName ?? '未分组' }]),
              { key: 'date', title: '检查日期', render: (_v, r) => r.checkedOn ?? <Typography.Text type="secondary">未检查</Typography.Text> },
              ...(isPhone ? [] : [{ key: 'note', title: '备注', render: (_v: unknown, r: HealthCheck) => r.note || '—' }]),
              { key: 'act', title: '', width: 72, render: (_v, r) => action(r) },
            ]}
            locale={{ emptyText: '没有符合条件的会员' }}
          />
        </Card>
      </Flex>
      {canManage ? <CheckModal row={editing} year={year} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
