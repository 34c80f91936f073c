import { Link } from 'react-router-dom';
import { Typography } from 'antd';
import { describeItemTime, monthGroups } from '../../../domain/calendar-dates';
import type { PlanDetail } from './plan-types';

/**
 * The plan's schedule as it prints under 工作安排: month by month, each month's items in order (a dated item with
 * its day). Read only; the items are changed in the 工作安排 tab, which keeps them in step with the calendar.
 */
export function ScheduleByMonth({ plan }: { plan: PlanDetail }) {
  if (plan.items.length === 0) return null;
  return (
    <div className="uh-plan-months" data-testid="plan-section-schedule">
      {monthGroups(plan.items).map((group) => (
        <div key={group.label} className="uh-plan-month">
          <div className="uh-plan-month-label">{group.label}</div>
          <ol>
            {group.items.map((item) => (
              <li key={item.id}>
                {item.title}
                {item.dateKind === 'month' ? null : <Typography.Text type="secondary">（{describeItemTime(item)}）</Typography.Text>}
              </li>
            ))}
          </ol>
        </div>
      ))}
      <Link to="?tab=schedule" replace>
        在“工作安排”中修改 →
      </Link>
    </div>
  );
}
