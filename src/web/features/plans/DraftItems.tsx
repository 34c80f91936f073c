import dayjs, { type Dayjs } from 'dayjs';
import { Button, DatePicker, Empty, Flex, Input, Select, Typography } from 'antd';
import { DATE_KIND_LABELS, PLAN_LIMITS } from '../../../contracts/plans';
import type { DateKind } from '../calendar/calendar-types';
import { monthLabel } from '../calendar/item-time';
import { draftItem, isOutsidePeriod, type DraftItem } from './plan-draft';

const KIND_OPTIONS = Object.entries(DATE_KIND_LABELS).map(([value, label]) => ({ value, label }));
const F = 'YYYY-MM-DD';

/** The item with a new time kind: a month item covers whole months, a day item one day. */
function withKind(item: DraftItem, kind: DateKind): DraftItem {
  const start = dayjs(item.startDate);
  switch (kind) {
    case 'month':
      return { ...item, dateKind: kind, startDate: start.startOf('month').format(F), endDate: dayjs(item.endDate).endOf('month').format(F) };
    case 'date':
      return { ...item, dateKind: kind, endDate: item.startDate };
    case 'range':
      return { ...item, dateKind: kind };
  }
}

function TimeEditor({ item, onChange }: { item: DraftItem; onChange: (item: DraftItem) => void }) {
  const range = [dayjs(item.startDate), dayjs(item.endDate)] as [Dayjs, Dayjs];
  const setRange = (r: [Dayjs | null, Dayjs | null] | null, isMonths: boolean) => {
    if (!r?.[0] || !r?.[1]) return;
    onChange({
      ...item,
      startDate: (isMonths ? r[0].startOf('month') : r[0]).format(F),
      endDate: (isMonths ? r[1].endOf('month') : r[1]).format(F),
    });
  };
  return (
    <Flex gap={6} wrap>
      <Select value={item.dateKind} options={KIND_OPTIONS} onChange={(k: DateKind) => onChange(withKind(item, k))} style={{ width: 108 }} aria-label="时间类型" />
      {item.dateKind === 'month' ? (
        <DatePicker.RangePicker picker="month" format="YYYY年M月" value={range} allowClear={false} onChange={(r) => setRange(r, true)} style={{ width: 230 }} aria-label="月份" />
      ) : item.dateKind === 'date' ? (
        <DatePicker
          value={range[0]}
          format={F}
          allowClear={false}
          onChange={(d) => d && onChange({ ...item, startDate: d.format(F), endDate: d.format(F) })}
          style={{ width: 150 }}
          aria-label="日期"
        />
      ) : (
        <DatePicker.RangePicker value={range} format={F} allowClear={false} onChange={(r) => setRange(r, false)} style={{ width: 250 }} aria-label="日期范围" />
      )}
    </Flex>
  );
}

interface Props {
  items: DraftItem[];
  onChange: (items: DraftItem[]) => void;
  periodStart: string;
  periodEnd: string;
  /** Set after a save was refused for blank titles, so those rows show it. */
  isShowingBlanks: boolean;
}

/**
 * The draft's schedule by month: each item's title and time can be corrected or the item removed, items can be
 * added to a month; an item outside the plan's period is highlighted, since a wrong year is the usual cause.
 */
export function DraftItems({ items, onChange, periodStart, periodEnd, isShowingBlanks }: Props) {
  const months = [...new Set(items.map((i) => i.startDate.slice(0, 7)))].sort();
  const replace = (next: DraftItem) => onChange(items.map((i) => (i.key === next.key ? next : i)));
  const addTo = (month: string) =>
    onChange([...items, draftItem({ title: '', dateKind: 'month', startDate: `${month}-01`, endDate: dayjs(`${month}-01`).endOf('month').format(F) })]);
  const outside = items.filter((i) => isOutsidePeriod(i, periodStart, periodEnd)).length;

  return (
    <div data-testid="draft-items">
      {outside > 0 ? (
        <Typography.Paragraph type="warning" style={{ marginBottom: 8 }} data-testid="draft-outside-note">
          有 {outside} 项不在计划期间内（已用橙色标出），请检查月份或年份是否识别正确；如果是计划期间选错了，请点“返回上一步”改正期间后重新识别。
        </Typography.Paragraph>
      ) : null}
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有识别出工作安排，可以手动添加" /> : null}
      {months.map((month) => (
        <section key={month}>
          <Flex justify="space-between" align="center" className="uh-draft-month">
            <span>{monthLabel(month)}</span>
            <Button type="link" size="small" onClick={() => addTo(month)}>
              在本月添加
            </Button>
          </Flex>
          <Flex vertical gap={6}>
            {items
              .filter((i) => i.startDate.slice(0, 7) === month)
              .map((item) => {
                const isOutside = isOutsidePeriod(item, periodStart, periodEnd);
                return (
                  <div key={item.key} className={`uh-draft-row${isOutside ? ' uh-draft-row-outside' : ''}`} data-testid="draft-item" data-outside={isOutside || undefined}>
                    <Flex gap={8} align="flex-start">
                      <Input.TextArea
                        value={item.title}
                        onChange={(e) => replace({ ...item, title: e.target.value })}
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={PLAN_LIMITS.itemTitleMax}
                        placeholder="事项"
                        status={isShowingBlanks && !item.title.trim() ? 'error' : undefined}
                        style={{ flex: 1 }}
                        aria-label="事项"
                        data-testid="draft-item-title"
                      />
                      <Button danger type="text" onClick={() => onChange(items.filter((i) => i.key !== item.key))} aria-label="移除此事项" data-testid="draft-item-remove">
                        移除
                      </Button>
                    </Flex>
                    <Flex gap={8} align="center" wrap style={{ marginTop: 6 }}>
                      <TimeEditor item={item} onChange={replace} />
                      {isOutside ? (
                        <Typography.Text type="warning" style={{ fontSize: 12 }}>
                          {item.endDate < periodStart ? '早于计划期间' : item.startDate > periodEnd ? '晚于计划期间' : '超出计划期间'}
                        </Typography.Text>
                      ) : null}
                    </Flex>
                  </div>
                );
              })}
          </Flex>
        </section>
      ))}
      <Button type="dashed" block style={{ marginTop: 12 }} onClick={() => addTo(months.at(-1) ?? periodStart.slice(0, 7))} data-testid="draft-item-add">
        添加事项
      </Button>
    </div>
  );
}
