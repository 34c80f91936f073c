import { useEffect, useRef } from 'react';
import { Button, Result, Spin, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { ACTIVITY_LIMITS } from '../../../contracts/activities';
import { errorMessage } from '../../components';
import { ApiError } from '../../lib/api';
import { useMe } from '../../lib/session';
import { formatMoment, formatTimeRange } from './activity-format';
import type { ActivityDetail } from './activity-types';
import { useActivity, useCheckIn } from './use-activities';
import './activities.css';

/** True when the server refused the code itself (expired or wrong), as opposed to the person or the time. */
const isCodeProblem = (e: unknown) => e instanceof ApiError && e.fields.some((f) => f.path === 'code');

/** The server's reason; a user of several organisations may simply be in the wrong one when the activity is not found. */
function refusalText(e: unknown, hasOtherOrgs: boolean): string {
  if (hasOtherOrgs && e instanceof ApiError && e.status === 404) {
    return `${e.message.replace(/。$/, '')}。您在多个组织任职，请先在菜单中切换到活动所在的组织，再重新扫码。`;
  }
  return errorMessage(e);
}

function ActivityLine({ activity }: { activity: ActivityDetail | undefined }) {
  if (!activity) return null;
  return (
    <>
      <Typography.Title level={4} style={{ margin: '0 0 4px' }} data-testid="checkin-activity">
        {activity.title}
      </Typography.Title>
      <Typography.Text type="secondary">
        {formatTimeRange(activity.startsAt, activity.endsAt)}
        {activity.place ? ` · ${activity.place}` : ''}
      </Typography.Text>
    </>
  );
}

function Actions({ activityId }: { activityId: string }) {
  return (
    <div className="uh-mact-actions" style={{ justifyContent: 'center' }}>
      {activityId ? (
        <Link to={`/activities/${activityId}`}>
          <Button type="primary" size="large">
            查看活动
          </Button>
        </Link>
      ) : null}
      <Link to="/activities/mine">
        <Button size="large">我的活动</Button>
      </Link>
    </div>
  );
}

/**
 * /checkin?activity=<id>&code=<code>: where the phone camera lands after scanning the QR code on site. It sends
 * the code once, then drops it from the address (a reload shows the result from the activity, not a stale code),
 * and says plainly whether the member is checked in — or why not, in Chinese.
 */
export function CheckinPage() {
  const [params, setParams] = useSearchParams();
  const activityId = params.get('activity') ?? '';
  const code = params.get('code') ?? '';
  const checkIn = useCheckIn(activityId);
  const detail = useActivity(activityId);
  const isSent = useRef(false);
  const { data: me } = useMe();

  // Sent once per visit: a re-render (or React's double effect in development) must not post the code again.
  useEffect(() => {
    if (isSent.current || !activityId || !code) return;
    isSent.current = true;
    checkIn.mutate(code, { onSuccess: () => setParams({ activity: activityId }, { replace: true }) });
  }, [activityId, code, checkIn, setParams]);

  // A stale or wrong code does not matter to someone already marked present: they see their check-in.
  const attendedAt = checkIn.data?.attendedAt ?? detail.data?.me?.attendedAt ?? null;
  const shownId = detail.data ? activityId : '';
  let body;
  if (!activityId) {
    body = <Result status="warning" title="签到链接不完整" subTitle="请用手机相机重新扫描活动现场的签到二维码。" extra={<Actions activityId="" />} />;
  } else if (checkIn.isPending || (code && checkIn.isIdle) || (checkIn.isError && detail.isPending)) {
    body = (
      <div style={{ textAlign: 'center', padding: '64px 0' }}>
        <Spin size="large" />
        <Typography.Paragraph style={{ marginTop: 16 }}>正在签到…</Typography.Paragraph>
      </div>
    );
  } else if (attendedAt) {
    body = (
      <Result
        status="success"
        title={<span data-testid="checkin-success">{checkIn.isSuccess ? '签到成功' : '您已签到'}</span>}
        subTitle={
          <div>
            <ActivityLine activity={detail.data} />
            <Typography.Paragraph style={{ marginTop: 12, fontSize: 16 }}>签到时间：{formatMoment(attendedAt)}</Typography.Paragraph>
          </div>
        }
        extra={<Actions activityId={activityId} />}
      />
    );
  } else if (checkIn.isError) {
    const isExpired = isCodeProblem(checkIn.error);
    body = (
      <Result
        status={isExpired ? 'warning' : 'error'}
        title={isExpired ? '签到码已过期' : '未能签到'}
        subTitle={
          <div data-testid="checkin-error">
            {isExpired
              ? `请用手机相机重新扫描现场屏幕上的二维码。二维码每 ${ACTIVITY_LIMITS.checkinWindowSeconds} 秒更换一次，截图或转发的二维码很快就会失效。`
              : refusalText(checkIn.error, (me?.memberships.length ?? 0) > 1)}
          </div>
        }
        extra={<Actions activityId={shownId} />}
      />
    );
  } else if (detail.isPending) {
    body = (
      <div style={{ textAlign: 'center', padding: '64px 0' }}>
        <Spin size="large" />
      </div>
    );
  } else {
    body = (
      <Result
        status="info"
        title="请扫描现场的签到二维码"
        subTitle={detail.data ? <ActivityLine activity={detail.data} /> : errorMessage(detail.error)}
        extra={<Actions activityId={shownId} />}
      />
    );
  }
  return <div className="uh-checkin">{body}</div>;
}
