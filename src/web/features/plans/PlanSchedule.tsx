import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { todayInShanghai } from '../../../domain/dates';
import type { CalendarItem } from '../calendar/calendar-types';
import { ItemFormModal } from '../calendar/ItemFormModal';
import { ScheduleList } from '../calendar/ScheduleList';
import type { PlanDetail } from './plan-types';

/** 工作安排: the plan's schedule month by month, edited with the calendar's own item form. */
export function PlanSchedule({ plan }: { plan: PlanDetail }) {
  const [editing, setEditing] = useState<{ item: CalendarItem | null } | null>(null);
  const today = todayInShanghai();
  // A new item starts in the current month while the plan runs, otherwise in the plan's first month.
  const month = today >= plan.periodStart && today <= plan.periodEnd ? today.slice(0, 7) : plan.periodStart.slice(0, 7);
  const overdue = plan.items.filter((i) => i.overdue).length;
  const done = plan.items.filter((i) => i.status === 'done').length;
  return (
    <div>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          共 {plan.items.length} 项，已完成 {done} 项
          {overdue ? (
            <Typography.Text type="danger">，已逾期 {overdue} 项</Typography.Text>
          ) : null}
          。这些事项也显示在<Link to={`/calendar?view=list&planId=${plan.id}&scope=year&month=${month}`}>行事历</Link>中。
        </Typography.Text>
        {plan.can.manage ? (
          <Button onClick={() => setEditing({ item: null })} data-testid="plan-item-add">
            添加事项
          </Button>
        ) : null}
      </Flex>
      <ScheduleList items={plan.items} canManage={plan.can.manage} onEdit={(item) => setEditing({ item })} />
      <ItemFormModal
        open={editing !== null}
        item={editing?.item ?? null}
        defaults={{ planId: plan.id, dateKind: 'month', startDate: `${month}-01` }}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
