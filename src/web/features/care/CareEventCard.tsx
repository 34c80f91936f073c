import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { formatYuan } from '../../lib/money';
import { dayText, dueColor, dueText } from './care-format';
import type { CareEventSummary } from './care-types';

/** The due state of an event as a tag: 还剩 2 天 / 今天到期 / 已逾期 3 天 / 已慰问 / 已关闭. */
export function DueTag({ event }: { event: Pick<CareEventSummary, 'state' | 'daysLeft'> }) {
  return (
    <Tag color={dueColor(event)} data-testid="care-due-tag">
      {dueText(event)}
    </Tag>
  );
}

/** One event in a list: the member and their group, the type, the due state, the dates and visits so far. */
export function CareEventCard({ event: e, showMember = true }: { event: CareEventSummary; showMember?: boolean }) {
  return (
    <Link
      to={`/care/events/${e.id}`}
      className={`uh-card${e.state === 'overdue' ? ' uh-care-card-overdue' : ''}`}
      data-testid="care-event-card"
      data-member-name={e.member.name}
      data-state={e.state}
    >
      <div className="uh-care-card-top">
        <div className="uh-care-name">
          {showMember ? e.member.name : e.type.name}
          {showMember && e.member.groupName ? <span className="uh-care-sub">{e.member.groupName}</span> : null}
        </div>
        <DueTag event={e} />
      </div>
      <dl className="uh-care-facts">
        {showMember ? (
          <>
            <dt>事由</dt>
            <dd>{e.type.name}</dd>
          </>
        ) : null}
        <dt>发生</dt>
        <dd>{dayText(e.occurredOn)}</dd>
        {e.dueOn && (e.state === 'due' || e.state === 'overdue') ? (
          <>
            <dt>时限</dt>
            <dd>{dayText(e.dueOn)} 前</dd>
          </>
        ) : null}
        {e.visitCount > 0 ? (
          <>
            <dt>慰问</dt>
            <dd>
              {e.visitCount} 次{e.amountFen > 0 ? `，共 ${formatYuan(e.amountFen)}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
    </Link>
  );
}
