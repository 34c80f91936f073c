import type { ReactNode } from 'react';
import { Alert, Button, Card, Result, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { SIGNUP_PHASE_LABELS } from '../../../contracts/activities';
import { ErrorAlert, PageLoading } from '../../components';
import { ApiError } from '../../lib/api';
import { formatMoment, phaseColor, seatsText } from './activity-format';
import type { ActivityDetail } from './activity-types';
import { ActivityFiles } from './ActivityFiles';
import { TimeRangeText } from './ActivityCard';
import { MySignupPanel } from './MySignupPanel';
import { useActivity } from './use-activities';
import './activities.css';

/** The facts of an activity as label/value rows: time, place, organiser, audience, seats, sign-up and cancel dates. */
function ActivityFacts({ activity: a }: { activity: ActivityDetail }) {
  const rows: [string, ReactNode][] = [
    ['时间', <TimeRangeText startsAt={a.startsAt} endsAt={a.endsAt} />],
    ['地点', a.place || '另行通知'],
    ['组织者', a.organiserName ?? '工会'],
    ['参加对象', a.audienceLabel],
  ];
  if (a.clubName) rows.push(['兴趣小组', a.clubName]);
  if (a.phase !== 'none' || a.capacity !== null) rows.push(['名额', seatsText(a)]);
  if (a.signupOpensAt && a.signupClosesAt) rows.push(['报名时间', <TimeRangeText startsAt={a.signupOpensAt} endsAt={a.signupClosesAt} />]);
  if (a.signupOpensAt && a.status === 'published') {
    rows.push(['取消截止', a.cancelDeadline ? formatMoment(a.cancelDeadline) : `活动开始前（${formatMoment(a.startsAt)}）`]);
  }
  if (a.needsApproval) rows.push(['审核', '报名需组织者审核']);
  return (
    <dl className="uh-mact-facts" data-testid="activity-facts">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** For organisers: the activity's figures in one line (the full roster is on the manage page). */
function ManagerFigures({ activity: a }: { activity: ActivityDetail }) {
  const f = a.figures;
  if (!f) return null;
  const rate = f.rate === null ? '' : ` · 参与率 ${Math.round(f.rate * 100)}%`;
  return (
    <Typography.Text type="secondary" data-testid="activity-figures">
      应参加 {f.invited} 人 · 已报名 {f.confirmed}
      {f.pending ? ` · 待审核 ${f.pending}` : ''}
      {f.waitlisted ? ` · 候补 ${f.waitlisted}` : ''} · 已签到 {f.attended}
      {rate}
    </Typography.Text>
  );
}

/**
 * 活动详情: type, phase, title; my registration with its actions (sign up, cancel, check in); the facts;
 * the description; photos and attachments. Organisers also get 管理 (roster, attendance, sign-in sheet).
 */
export function ActivityDetailPage() {
  const { id = '' } = useParams();
  const activity = useActivity(id);

  if (activity.isPending) return <PageLoading />;
  if (activity.error) {
    if (activity.error instanceof ApiError && activity.error.status === 404) {
      return (
        <Result
          status="404"
          title="活动不存在"
          subTitle="这个活动不存在、已被删除，或不属于您当前的组织。"
          extra={
            <Link to="/activities">
              <Button type="primary">返回活动</Button>
            </Link>
          }
        />
      );
    }
    return <ErrorAlert error={activity.error} />;
  }

  const a = activity.data;
  return (
    <div style={{ maxWidth: 760 }}>
      <Link to="/activities">‹ 返回活动</Link>
      <div className="uh-mact-card-top" style={{ marginTop: 12 }}>
        <span className="uh-mact-tags">
          <Tag color="volcano">{a.typeName}</Tag>
          <Tag color={phaseColor(a.phase)} data-testid="activity-phase">
            {SIGNUP_PHASE_LABELS[a.phase]}
          </Tag>
        </span>
        {a.can.manage ? (
          <Link to={`/activities/${a.id}/manage`} data-testid="activity-manage">
            <Button size="small">管理</Button>
          </Link>
        ) : null}
      </div>
      <Typography.Title level={3} className="uh-mact-title" data-testid="activity-detail-title">
        {a.title}
      </Typography.Title>
      <div className="uh-mact-panel" style={{ marginTop: 12 }}>
        {a.status === 'cancelled' ? (
          <Alert type="error" showIcon title="活动已取消" description={a.cancelReason ? `原因：${a.cancelReason}` : undefined} />
        ) : null}
        <MySignupPanel activity={a} />
        <Card size="small" title="活动信息">
          <ActivityFacts activity={a} />
          {a.figures ? (
            <div style={{ marginTop: 8 }}>
              <ManagerFigures activity={a} />
            </div>
          ) : null}
        </Card>
        {a.description ? (
          <Card size="small" title="活动介绍">
            <p className="uh-mact-description">{a.description}</p>
          </Card>
        ) : null}
        <ActivityFiles activityId={a.id} files={a.files} />
      </div>
    </div>
  );
}
