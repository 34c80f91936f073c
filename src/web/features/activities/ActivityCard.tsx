import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { SIGNUP_PHASE_LABELS } from '../../../contracts/activities';
import { formatClock, myStatus, phaseColor, seatsText, timeRangeParts } from './activity-format';
import type { ActivitySummary } from './activity-types';

/** A time range whose dates never break in the middle ("11月26日 周四 10:22" stays on one line). */
export function TimeRangeText({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  const [first, second] = timeRangeParts(startsAt, endsAt);
  return (
    <>
      <span className="uh-mact-nowrap">{first}</span>
      {second ? (
        <>
          {' 至 '}
          <span className="uh-mact-nowrap">{second}</span>
        </>
      ) : null}
    </>
  );
}

/** The tags of my standing: 已报名 / 候补第 3 位 / 待审核, and 已签到 once I was marked present. */
export function MyStatusTags({ activity }: { activity: Pick<ActivitySummary, 'me'> }) {
  const status = myStatus(activity.me);
  const attendedAt = activity.me?.attendedAt;
  if (!status && !attendedAt) return null;
  return (
    <span className="uh-mact-tags uh-mact-mine" data-testid="activity-my-status">
      {status ? <Tag color={status.color}>{status.text}</Tag> : null}
      {attendedAt ? <Tag color="cyan">已签到 {formatClock(attendedAt)}</Tag> : null}
    </span>
  );
}

/** One activity in a list: type and phase, my standing, title, time, place and seats; the card opens the detail. */
export function ActivityCard({ activity }: { activity: ActivitySummary }) {
  const a = activity;
  const isCancelled = a.status === 'cancelled';
  return (
    <Link
      to={`/activities/${a.id}`}
      className={`uh-card${isCancelled ? ' uh-mact-card-cancelled' : ''}`}
      data-testid="activity-card"
      data-activity-title={a.title}
    >
      <div className="uh-mact-card-top">
        <span className="uh-mact-tags">
          <Tag color="volcano">{a.typeName}</Tag>
          <Tag color={phaseColor(a.phase)}>{SIGNUP_PHASE_LABELS[a.phase]}</Tag>
        </span>
        <MyStatusTags activity={a} />
      </div>
      <div className="uh-mact-card-title">{a.title}</div>
      <dl className="uh-mact-facts">
        <dt>时间</dt>
        <dd>
          <TimeRangeText startsAt={a.startsAt} endsAt={a.endsAt} />
        </dd>
        {a.place ? (
          <>
            <dt>地点</dt>
            <dd>{a.place}</dd>
          </>
        ) : null}
        {a.phase === 'none' && a.capacity === null ? null : (
          <>
            <dt>名额</dt>
            <dd data-testid="activity-seats">{seatsText(a)}</dd>
          </>
        )}
        {a.clubName ? (
          <>
            <dt>小组</dt>
            <dd>{a.clubName}</dd>
          </>
        ) : null}
      </dl>
    </Link>
  );
}
