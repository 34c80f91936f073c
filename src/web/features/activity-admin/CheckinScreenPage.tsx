import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../lib/api';
import { errorMessage } from '../../components';
import { useNow, useQrImage } from '../../lib/use-screen-clock';
import type { CheckinCode } from './activity-admin-types';
import { activityTimeLabel, attendanceOpensAt, momentLabel } from './activity-time';
import { useActivity } from './use-activity-admin';
import './activity-admin.css';

/** The screen asks for the code this often; a code lives 30 s, so a fresh one is never more than 5 s late. */
const REFETCH_MS = 5_000;

/** Sign-ups change slowly once the activity starts; the expected count is refreshed this often. */
const SIGNUPS_REFETCH_MS = 30_000;

/**
 * 签到大屏 (/activities/:id/screen): shown on the venue's screen or projector, without the app's menu — the
 * title, a QR code whose content changes every 30 seconds (a photo of it soon stops working), and the count
 * of people checked in so far.
 */
export function CheckinScreenPage() {
  const { id = '' } = useParams();
  const activity = useActivity(id, SIGNUPS_REFETCH_MS);
  const code = useQuery({
    queryKey: ['activities', 'checkin-code', id],
    queryFn: () => api.get<CheckinCode>(`/activities/${id}/checkin-code`),
    refetchInterval: REFETCH_MS,
    refetchIntervalInBackground: true,
    retry: false,
  });
  const now = useNow();
  const secondsLeft = code.data ? Math.max(0, Math.ceil((Date.parse(code.data.expiresAt) - now) / 1000)) : null;
  const qr = useQrImage(code.data?.url);
  const { refetch } = code;
  // The moment a code expires, ask for the next one instead of waiting for the next poll.
  useEffect(() => {
    if (secondsLeft === 0) void refetch();
  }, [secondsLeft, refetch]);

  const a = activity.data;
  // Scans count from an hour before the start until the end; outside that the code would only be refused.
  const opensAt = a ? attendanceOpensAt(a.startsAt) : 0;
  const closedNotice = !a ? null : now < opensAt ? `签到将于 ${momentLabel(new Date(opensAt).toISOString())} 开始` : now >= Date.parse(a.endsAt) ? '活动已结束，签到已关闭' : null;
  // With a sign-up, the people expected in the room are those signed up; otherwise everyone invited.
  const expected = a?.signupOpensAt && a.figures ? ` / 已报名 ${a.figures.confirmed}` : ` / 应到 ${code.data?.invited ?? 0}`;
  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.();
  };

  return (
    <div className="uh-screen" data-testid="checkin-screen">
      <div className="uh-screen-tools">
        <Link to={`/activities/${id}/manage`}>
          <Button size="small" ghost>
            返回活动管理
          </Button>
        </Link>
        <Button size="small" ghost onClick={toggleFullScreen}>
          全屏
        </Button>
      </div>
      <h1 className="uh-screen-title" data-testid="checkin-screen-title">
        {a?.title ?? ' '}
      </h1>
      {a ? (
        <div className="uh-screen-when">
          {activityTimeLabel(a.startsAt, a.endsAt)}
          {a.place ? ` · ${a.place}` : ''}
        </div>
      ) : null}
      <div className="uh-screen-body">
        <div className="uh-screen-qr">
          {closedNotice ? (
            <div className="uh-screen-error" data-testid="checkin-screen-closed">
              {closedNotice}
            </div>
          ) : code.error && !code.data ? (
            <div className="uh-screen-error" data-testid="checkin-screen-error">
              {errorMessage(code.error)}
            </div>
          ) : qr ? (
            <img src={qr} alt="签到二维码" data-testid="checkin-qr" />
          ) : (
            <Spin size="large" />
          )}
        </div>
        <div className="uh-screen-side">
          <div className="uh-screen-hint">
            请用手机登录“职工之家”
            <br />
            扫描二维码签到
          </div>
          {code.data ? (
            <>
              <div className="uh-screen-count" data-testid="checkin-count">
                已签到 <strong>{code.data.attended}</strong>
                <span className="uh-screen-of">{expected}</span>
              </div>
              {closedNotice ? null : (
                <div className="uh-screen-expiry" data-testid="checkin-expiry">
                  {secondsLeft ? `二维码 ${secondsLeft} 秒后更新` : '正在更新二维码…'}
                </div>
              )}
            </>
          ) : null}
          {code.error && code.data ? <div className="uh-screen-warning">网络不稳定，正在重试：{errorMessage(code.error)}</div> : null}
        </div>
      </div>
    </div>
  );
}
