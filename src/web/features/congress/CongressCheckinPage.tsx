import { Button, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../components';
import { ScanCheckinResult } from '../../components';
import { ApiError } from '../../lib/api';
import { useScan, useScanOnce } from '../../lib/use-scan-once';
import { shanghaiClock } from '../activity-admin/activity-time';
import { sessionTimeLabel } from './congress-format';
import { useCongressCheckIn, useSession } from './use-congress';
import './congress.css';

/**
 * The server's reason; someone in several organisations (a group leader, say) may be in the wrong one when the
 * session is not found or the congress is out of reach.
 */
function refusalText(e: unknown, hasOtherOrgs: boolean): string {
  if (hasOtherOrgs && e instanceof ApiError && (e.status === 404 || (e.status === 403 && e.message.includes('当前组织')))) return `${e.message.replace(/。$/, '')}。您在多个组织任职，请先在菜单中切换到会议所在的组织，再重新扫码。`;
  return errorMessage(e);
}

function Actions({ sessionId }: { sessionId: string }) {
  return (
    <div className="uh-cg-actions" style={{ justifyContent: 'center' }}>
      {sessionId ? (
        <Link to={`/congress/sessions/${sessionId}`}>
          <Button type="primary" size="large">
            查看会议与表决
          </Button>
        </Link>
      ) : null}
      <Link to="/congress">
        <Button size="large">教代会</Button>
      </Link>
    </div>
  );
}

/**
 * /congress/checkin?session=<id>&code=<code>: where the phone lands after scanning the hall's QR code. The code is
 * sent once and then dropped from the address (a reload shows the sign-in from the session, not a stale code).
 */
export function CongressCheckinPage() {
  const scan = useScan('session');
  const checkIn = useCongressCheckIn(scan.id);
  const detail = useSession(scan.id);
  useScanOnce(scan, checkIn);

  const session = detail.data;
  // Someone already marked present does not care that the code they scanned has just expired.
  const mine = session?.me.attendance;
  const presentAt = checkIn.data?.at ?? (mine?.status === 'present' ? mine.at : null);
  return (
    <ScanCheckinResult
      scan={scan}
      checkIn={checkIn}
      detail={detail}
      subject={session && { title: session.title, when: sessionTimeLabel(session.startsAt), place: session.place, testId: 'checkin-session' }}
      presentAt={presentAt}
      successTitle={checkIn.data?.message ?? '您已签到'}
      timeLabel={(at) => shanghaiClock(at).format('HH:mm')}
      successHint={<Typography.Paragraph type="secondary">表决开始后，请在“查看会议与表决”中投票。</Typography.Paragraph>}
      texts={{
        incomplete: '请用手机相机重新扫描会场大屏上的签到二维码。',
        expired: '请用手机相机重新扫描会场大屏上的二维码。二维码每 30 秒更换一次，截图或转发的二维码很快就会失效。',
        idle: '请扫描会场的签到二维码',
      }}
      refusalText={refusalText}
      actions={(id) => <Actions sessionId={id} />}
      className="uh-cg-checkin"
    />
  );
}
