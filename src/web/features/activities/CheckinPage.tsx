import { Button } from 'antd';
import { Link } from 'react-router-dom';
import { ACTIVITY_LIMITS } from '../../../contracts/activities';
import { errorMessage } from '../../components';
import { ScanCheckinResult } from '../../components';
import { ApiError } from '../../lib/api';
import { useScan, useScanOnce } from '../../lib/use-scan-once';
import { formatMoment, formatTimeRange } from './activity-format';
import { useActivity, useCheckIn } from './use-activities';
import './activities.css';

/** The server's reason; a user of several organisations may simply be in the wrong one when the activity is not found. */
function refusalText(e: unknown, hasOtherOrgs: boolean): string {
  if (hasOtherOrgs && e instanceof ApiError && e.status === 404) {
    return `${e.message.replace(/。$/, '')}。您在多个组织任职，请先在菜单中切换到活动所在的组织，再重新扫码。`;
  }
  return errorMessage(e);
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
  const scan = useScan('activity');
  const checkIn = useCheckIn(scan.id);
  const detail = useActivity(scan.id);
  useScanOnce(scan, checkIn);

  const activity = detail.data;
  // A stale or wrong code does not matter to someone already marked present: they see their check-in.
  const attendedAt = checkIn.data?.attendedAt ?? activity?.me?.attendedAt ?? null;
  return (
    <ScanCheckinResult
      scan={scan}
      checkIn={checkIn}
      detail={detail}
      subject={activity && { title: activity.title, when: formatTimeRange(activity.startsAt, activity.endsAt), place: activity.place, testId: 'checkin-activity' }}
      presentAt={attendedAt}
      successTitle={checkIn.isSuccess ? '签到成功' : '您已签到'}
      timeLabel={(at) => formatMoment(at)}
      texts={{
        incomplete: '请用手机相机重新扫描活动现场的签到二维码。',
        expired: `请用手机相机重新扫描现场屏幕上的二维码。二维码每 ${ACTIVITY_LIMITS.checkinWindowSeconds} 秒更换一次，截图或转发的二维码很快就会失效。`,
        idle: '请扫描现场的签到二维码',
      }}
      refusalText={refusalText}
      actions={(id) => <Actions activityId={id} />}
      className="uh-checkin"
    />
  );
}
