import { useState } from 'react';
import dayjs from 'dayjs';
import { Button, DatePicker, Dropdown, Flex, Segmented, Select, Tabs, Typography } from 'antd';
import { ITEM_STATUS_LABELS } from '../../../contracts/plans';
import { api } from '../../lib/api';
import { ErrorAlert, PageHeader, useIsPhone } from '../../components';
import { usePlanList } from '../plans/use-plans';
import type { CalendarItem } from './calendar-types';
import { FeedModal } from './FeedModal';
import { FestivalSuggestions } from './FestivalSuggestions';
import type { ItemDefaults } from './item-form-values';
import { monthBounds } from './item-time';
import { ItemDetailModal } from './ItemDetailModal';
import { ItemFormModal } from './ItemFormModal';
import { MonthAgenda } from './MonthAgenda';
import { monthItemsOf } from './month-cells';
import { MonthGrid } from './MonthGrid';
import { MonthStrip } from './MonthStrip';
import { ScheduleList } from './ScheduleList';
import { useCalendarItems, useFestivals } from './use-calendar';
import { useCalendarParams } from './use-calendar-params';
import './calendar.css';

type Dialog = { kind: 'form'; item: CalendarItem | null; defaults?: ItemDefaults } | { kind: 'festivals' } | { kind: 'feed' } | null;

const STATUS_OPTIONS = Object.entries(ITEM_STATUS_LABELS).map(([value, label]) => ({ value, label }));

/**
 * 行事历: the union's schedule by month — a month grid (an agenda on a phone) with the month's items above it
 * and festivals on their days, or a filtered list — with 新建事项, 节日建议, Excel export and a phone feed.
 */
export function CalendarPage() {
  const isPhone = useIsPhone();
  const p = useCalendarParams();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [opened, setOpened] = useState<CalendarItem | null>(null);
  const isList = p.view === 'list';
  const items = useCalendarItems({ ...p.range, ...(isList ? { status: p.status, planId: p.planId } : {}) });
  const festivals = useFestivals(p.year);
  const plans = usePlanList();
  const canManage = items.data?.canManage ?? false;
  const list = items.data?.items ?? [];
  const monthNumber = Number(p.month.slice(5, 7));
  const close = () => setDialog(null);

  const exportMenu = {
    items: [
      { key: 'month', label: <a href={api.url('/calendar/export.xlsx', monthBounds(p.month))}>导出 {p.year}年{monthNumber}月</a> },
      { key: 'year', label: <a href={api.url('/calendar/export.xlsx', { from: `${p.year}-01-01`, to: `${p.year}-12-31` })}>导出 {p.year} 全年</a> },
    ],
  };
  const actions = (
    <Flex wrap gap={8}>
      {canManage ? (
        <Button type="primary" onClick={() => setDialog({ kind: 'form', item: null, defaults: { dateKind: 'month', startDate: `${p.month}-01` } })} data-testid="calendar-create">
          新建事项
        </Button>
      ) : null}
      {canManage ? (
        <Button onClick={() => setDialog({ kind: 'festivals' })} data-testid="calendar-festivals">
          节日建议
        </Button>
      ) : null}
      <Dropdown menu={exportMenu} trigger={['click']}>
        <Button data-testid="calendar-export">导出 Excel</Button>
      </Dropdown>
      <Button onClick={() => setDialog({ kind: 'feed' })} data-testid="calendar-feed">
        订阅到手机日历
      </Button>
    </Flex>
  );

  const toolbar = (
    <div className="uh-cal-toolbar">
      <Button onClick={() => p.shift(-1)} aria-label={p.isYearScope ? '上一年' : '上个月'} data-testid="calendar-prev">
        ‹
      </Button>
      <DatePicker
        picker={p.isYearScope ? 'year' : 'month'}
        value={dayjs(`${p.month}-01`)}
        format={p.isYearScope ? 'YYYY年' : 'YYYY年M月'}
        allowClear={false}
        inputReadOnly
        onChange={(d) => d && p.setFilters({ month: d.format('YYYY-MM') })}
        style={{ width: p.isYearScope ? 110 : 130 }}
        aria-label="选择月份"
        data-testid="calendar-month-picker"
      />
      <Button onClick={() => p.shift(1)} aria-label={p.isYearScope ? '下一年' : '下个月'} data-testid="calendar-next">
        ›
      </Button>
      <Button onClick={p.goToday}>{p.isYearScope ? '今年' : '本月'}</Button>
      {isList ? (
        <>
          <Segmented
            value={p.isYearScope ? 'year' : 'month'}
            options={[
              { value: 'month', label: '按月' },
              { value: 'year', label: '全年' },
            ]}
            onChange={(v) => p.setFilters({ scope: v === 'year' ? 'year' : undefined })}
            aria-label="范围"
          />
          <Select
            allowClear
            placeholder="状态"
            aria-label="状态"
            value={p.status}
            options={STATUS_OPTIONS}
            onChange={(v?: string) => p.setFilters({ status: v })}
            style={{ width: 100 }}
            data-testid="calendar-filter-status"
          />
          <Select
            allowClear
            placeholder="所属计划"
            aria-label="所属计划"
            value={p.planId}
            options={(plans.data?.items ?? []).map((plan) => ({ value: plan.id, label: plan.title }))}
            onChange={(v?: string) => p.setFilters({ planId: v })}
            style={{ width: isPhone ? '100%' : 240 }}
            popupMatchSelectWidth={false}
            data-testid="calendar-filter-plan"
          />
        </>
      ) : null}
    </div>
  );

  const openItem = (item: CalendarItem) => setOpened(item);
  let content;
  if (!isList) {
    const monthItems = monthItemsOf(list);
    content = (
      <>
        <MonthStrip items={monthItems} onOpen={openItem} />
        {isPhone ? (
          <MonthAgenda monthKey={p.month} items={list} festivals={festivals.data ?? []} today={p.today} onOpen={openItem} />
        ) : (
          <MonthGrid
            monthKey={p.month}
            items={list}
            festivals={festivals.data ?? []}
            today={p.today}
            onOpen={openItem}
            onCreateOn={canManage ? (date) => setDialog({ kind: 'form', item: null, defaults: { dateKind: 'date', startDate: date } }) : undefined}
          />
        )}
      </>
    );
  } else {
    const hasFilters = !!(p.status || p.planId);
    content = (
      <ScheduleList
        items={list}
        canManage={canManage}
        isPlanShown
        loading={items.isFetching}
        onEdit={(item) => setDialog({ kind: 'form', item })}
        empty={
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', padding: 32 }}>
            {hasFilters ? '没有符合条件的事项。' : `${p.isYearScope ? `${p.year}年` : `${monthNumber}月`}还没有安排事项。`}
            {canManage && !hasFilters ? '可以点“新建事项”添加，或在工作计划中安排。' : ''}
          </Typography.Paragraph>
        }
      />
    );
  }

  return (
    <div>
      <PageHeader title="行事历" subtitle={canManage && !isPhone && !isList ? '工会全年工作安排：点日期可在当天新建事项' : '工会全年工作安排'} extra={actions} />
      <Tabs
        activeKey={p.view}
        onChange={(key) => p.setFilters({ view: key === 'list' ? 'list' : undefined })}
        items={[
          { key: 'grid', label: '月历' },
          { key: 'list', label: '列表' },
        ]}
        style={{ marginBottom: 0 }}
        data-testid="calendar-tabs"
      />
      {toolbar}
      {items.error ? <ErrorAlert error={items.error} /> : null}
      {content}
      <ItemDetailModal
        item={opened}
        canManage={canManage}
        onClose={() => setOpened(null)}
        onEdit={(item) => {
          setOpened(null);
          setDialog({ kind: 'form', item });
        }}
      />
      <ItemFormModal
        open={dialog?.kind === 'form'}
        item={dialog?.kind === 'form' ? dialog.item : null}
        defaults={dialog?.kind === 'form' ? dialog.defaults : undefined}
        plans={plans.data?.items}
        onClose={close}
      />
      <FestivalSuggestions year={p.year} open={dialog?.kind === 'festivals'} onClose={close} />
      <FeedModal open={dialog?.kind === 'feed'} onClose={close} />
    </div>
  );
}
