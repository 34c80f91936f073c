import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Tag, Typography } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert, PageLoading, useIsPhone } from '../../components';
import type { CalendarItem, Festival } from './calendar-types';
import { festivalFullName, suggestionFor } from './festival-suggestions';
import { coversDay, formatDayWithWeekday } from './item-time';
import { ItemFormModal } from './ItemFormModal';
import type { ItemDefaults } from './item-form-values';
import { useCalendarItems, useFestivals, useRefreshSchedule } from './use-calendar';

interface Props {
  year: number;
  open: boolean;
  onClose: () => void;
}

/** True when the calendar already has an item on that day about the festival (or with the suggested title). */
function isPlanned(items: CalendarItem[], festival: Festival, title: string): boolean {
  return items.some((i) => i.dateKind !== 'month' && coversDay(i, festival.date) && (i.title === title || i.title.includes(festival.name) || i.title.includes(festivalFullName(festival.name))));
}

/** 节日建议: the year's festivals, each with a suggested item that 加入行事历 puts on the festival's day. */
export function FestivalSuggestions({ year, open, onClose }: Props) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const refresh = useRefreshSchedule();
  const festivals = useFestivals(year);
  const items = useCalendarItems({ from: `${year}-01-01`, to: `${year}-12-31` }, open);
  const [adjusting, setAdjusting] = useState<ItemDefaults | null>(null);
  const add = useMutation({
    mutationFn: (f: Festival) => {
      const s = suggestionFor(f.name);
      return api.send<CalendarItem>('POST', '/calendar/items', {
        title: s.title,
        dateKind: 'date',
        startDate: f.date,
        endDate: f.date,
        category: s.category,
        status: 'planned',
      });
    },
    onSuccess: (saved) => {
      message.success(`已加入行事历：${saved?.title ?? ''}`);
      void refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const existing = items.data?.items ?? [];

  return (
    <Drawer title={`${year}年节日建议`} open={open} onClose={onClose} size={isPhone ? '100%' : 520} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        工会的节日活动和慰问通常围绕这些节日安排。农历节日的日期已按 {year} 年换算。点“加入行事历”即在节日当天添加一个事项，之后可以再修改。
      </Typography.Paragraph>
      {festivals.error ? <ErrorAlert error={festivals.error} /> : null}
      {festivals.isPending ? (
        <PageLoading />
      ) : (
        <div data-testid="festival-list">
          {(festivals.data ?? []).map((f) => {
            const s = suggestionFor(f.name);
            const isDone = isPlanned(existing, f, s.title);
            return (
              <div key={`${f.date}-${f.name}`} className="uh-cal-festival-row" data-testid="festival-row" data-festival={f.name}>
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <span>
                    <Typography.Text strong>{festivalFullName(f.name)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {formatDayWithWeekday(f.date)}
                    </Typography.Text>
                  </span>
                  {isDone ? (
                    <Tag color="green" style={{ marginInlineEnd: 0 }}>已在行事历中</Tag>
                  ) : (
                    <Button
                      size="small"
                      type="primary"
                      ghost
                      loading={add.isPending && add.variables?.date === f.date && add.variables?.name === f.name}
                      onClick={() => add.mutate(f)}
                      data-testid="festival-add"
                    >
                      加入行事历
                    </Button>
                  )}
                </Flex>
                <div>
                  <Typography.Text type="secondary">建议：</Typography.Text>
                  {s.title}
                  {isDone ? null : (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setAdjusting({ dateKind: 'date', startDate: f.date, endDate: f.date, title: s.title, category: s.category })}
                    >
                      修改后加入
                    </Button>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      )}
      <ItemFormModal open={adjusting !== null} item={null} defaults={adjusting ?? undefined} onClose={() => setAdjusting(null)} />
    </Drawer>
  );
}
