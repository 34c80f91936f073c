import { useEffect, useRef } from 'react';
import { Button, Result, Spin, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../components';
import { ApiError } from '../../lib/api';
import { useMe } from '../../lib/session';
import { shanghaiClock } from '../activity-admin/activity-time';
import { sessionTimeLabel } from './congress-format';
import type { SessionDetail } from './congress-types';
import { useCongressCheckIn, useSession } from './use-congress';
import './congress.css';

/** True when the server refused the code itself (expired or wrong), as opposed to the person or the time. */
const isCodeProblem = (e: unknown) => e instanceof ApiError && e.fields.some((f) => f.path === 'code');

/**
 * The server's reason; someone in several organisations (a group leader, say) may be in the wrong one when the
 * session is not found or the congress is out of reach.
 */
function refusalText(e: unknown, hasOtherOrgs: boolean): string {
  if (hasOtherOrgs && e instanceof ApiError && (e.status === 404 || (e.status === 403 && e.message.includes('当前组织')))) return `${e.message.replace(/。$/, '')}。您在多个组织任职，请先在菜单中切换到会议所在的组织，再重新扫码。`;
  return errorMessage(e);
}

function SessionLine({ session }: { session: SessionDetail | undefined }) {
  if (!session) return null;
  return (
    <>
      <Typography.Title level={4} style={{ margin: '0 0 4px' }} data-testid="checkin-session">
        {session.title}
      </Typography.Title>
      <Typography.Text type="secondary">
        {sessionTimeLabel(session.startsAt)}
        {session.place ? ` · ${session.place}` : ''}
      </Typography.Text>
    </>
  );
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
  const [params, setParams] = useSearchParams();
  const sessionId = params.get('session') ?? '';
  const code = params.get('code') ?? '';
  const checkIn = useCongressCheckIn(sessionId);
  const detail = useSession(sessionId);
  const isSent = useRef(false);
  const { data: me } = useMe();

  // Sent once per visit: a re-render (or React's double effect in development) must not post the code again.
  useEffect(() => {
    if (isSent.current || !sessionId || !code) return;
    isSent.current = true;
    checkIn.mutate(code, { onSuccess: () => setParams({ session: sessionId }, { replace: true }) });
  }, [sessionId, code, checkIn, setParams]);

  // Someone already marked present does not care that the code they scanned has just expired.
  const mine = detail.data?.me.attendance;
  const presentAt = checkIn.data?.at ?? (mine?.status === 'present' ? mine.at : null);
  const shownId = detail.data ? sessionId : '';
  let body;
  if (!sessionId) {
    body = <Result status="warning" title="签到链接不完整" subTitle="请用手机相机重新扫描会场大屏上的签到二维码。" extra={<Actions sessionId="" />} />;
  } else if (checkIn.isPending || (code && checkIn.isIdle) || (checkIn.isError && detail.isPending)) {
    body = (
      <div style={{ textAlign: 'center', padding: '64px 0' }}>
        <Spin size="large" />
        <Typography.Paragraph style={{ marginTop: 16 }}>正在签到…</Typography.Paragraph>
      </div>
    );
  } else if (presentAt) {
    body = (
      <Result
        status="success"
        title={<span data-testid="checkin-success">{checkIn.data?.message ?? '您已签到'}</span>}
        subTitle={
          <div>
            <SessionLine session={detail.data} />
            <Typography.Paragraph style={{ marginTop: 12, fontSize: 16 }}>签到时间：{shanghaiClock(presentAt).format('HH:mm')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">表决开始后，请在“查看会议与表决”中投票。</Typography.Paragraph>
          </div>
        }
        extra={<Actions sessionId={sessionId} />}
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
            {isExpired ? '请用手机相机重新扫描会场大屏上的二维码。二维码每 30 秒更换一次，截图或转发的二维码很快就会失效。' : refusalText(checkIn.error, (me?.memberships.length ?? 0) > 1)}
          </div>
        }
        extra={<Actions sessionId={shownId} />}
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
        title="请扫描会场的签到二维码"
        subTitle={detail.data ? <SessionLine session={detail.data} /> : errorMessage(detail.error)}
        extra={<Actions sessionId={shownId} />}
      />
    );
  }
  return <div className="uh-cg-checkin">{body}</div>;
}
