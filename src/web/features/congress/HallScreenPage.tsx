import { useEffect } from 'react';
import { Button, Spin } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PASSING_RULES, VOTE_CHANNEL_LABELS, VOTE_MODE_LABELS } from '../../../contracts/congress';
import { errorMessage } from '../../components';
import { useNow, useQrImage } from '../../lib/use-screen-clock';
import { sessionTimeLabel } from './congress-format';
import type { HallScreen, ScreenVote } from './congress-types';
import { useHallScreen } from './use-congress';
import './congress-screen.css';

/** Ballots and attendance move by the second during a vote; the code inside the answer changes every 30 s. */
const POLL_MS = 3_000;

/** 应到 / 实到 / 缺席 / 未签到 in large figures, and whether two thirds are present. */
function AttendanceStrip({ screen: s }: { screen: HallScreen }) {
  const f = s.attendance;
  const cells: [string, number][] = [
    ['应到', f.expected],
    ['实到', f.present],
    ['缺席', f.absent],
    ['未签到', f.notYet],
  ];
  return (
    <div className="uh-hall-strip" data-testid="hall-attendance">
      <div className="uh-hall-figures">
        {cells.map(([label, n]) => (
          <div key={label} className="uh-hall-figure">
            <span className="uh-hall-figure-n">{n}</span>
            <span className="uh-hall-figure-label">{label}</span>
          </div>
        ))}
      </div>
      {s.status === 'closed' ? null : <div className={f.quorum.met ? 'uh-hall-quorum' : 'uh-hall-quorum uh-hall-quorum-short'}>{f.quorum.text}</div>}
    </div>
  );
}

/** An open vote: what is voted on and how many have voted — never how. */
function OpenVote({ vote: v }: { vote: ScreenVote }) {
  return (
    <div className="uh-hall-vote" data-testid="hall-open-vote">
      <div className="uh-hall-vote-kicker">
        正在表决 · {VOTE_MODE_LABELS[v.mode]} · {VOTE_CHANNEL_LABELS[v.channel]}
      </div>
      <div className="uh-hall-vote-title">{v.title}</div>
      {v.channel === 'online' ? (
        <div className="uh-hall-cast" data-testid="hall-ballots">
          已投 <strong>{v.ballots ?? 0}</strong> 人<span className="uh-hall-of"> / 实到 {v.present ?? 0} 人</span>
        </div>
      ) : (
        <div className="uh-hall-cast">请在选票上填写意见，投入票箱</div>
      )}
    </div>
  );
}

/** A closed vote's result: passed or not, the three counts and the arithmetic. */
function ClosedVote({ vote: v }: { vote: ScreenVote }) {
  return (
    <div className="uh-hall-result" data-testid="hall-result">
      <div className="uh-hall-result-head">
        <span className="uh-hall-result-title">{v.title}</span>
        <span className={v.passed ? 'uh-hall-badge uh-hall-badge-yes' : 'uh-hall-badge uh-hall-badge-no'}>{v.passed ? '通过' : '未通过'}</span>
      </div>
      <div className="uh-hall-result-counts">
        赞成 <strong>{v.yes}</strong> 反对 <strong>{v.no}</strong> 弃权 <strong>{v.abstain}</strong>
      </div>
      <div className="uh-hall-result-text">{v.resultText}</div>
    </div>
  );
}

/** The QR code to sign in with, and how long this one lives. */
function CheckinCode({ screen: s, now, isLarge }: { screen: HallScreen; now: number; isLarge: boolean }) {
  const qr = useQrImage(s.checkin?.url);
  if (!s.checkin) return null;
  const secondsLeft = Math.max(0, Math.ceil((Date.parse(s.checkin.expiresAt) - now) / 1000));
  return (
    <div className={isLarge ? 'uh-hall-checkin uh-hall-checkin-large' : 'uh-hall-checkin'} data-testid="hall-checkin">
      <div className="uh-hall-qr">{qr ? <img src={qr} alt="签到二维码" data-testid="hall-qr" /> : <Spin />}</div>
      <div className="uh-hall-checkin-text">
        {isLarge ? (
          <>
            请用手机登录“职工之家”
            <br />
            扫描二维码签到
          </>
        ) : (
          '未签到的代表请扫码签到'
        )}
        <div className="uh-hall-expiry">{secondsLeft ? `二维码 ${secondsLeft} 秒后更新` : '正在更新二维码…'}</div>
      </div>
    </div>
  );
}

/**
 * 会场大屏 (/congress/sessions/:id/screen): on the hall's projector, without the app's menu. Attendance is live; an
 * open vote shows how many have voted (never the choices); closed votes show their results with the arithmetic;
 * with `?view=checkin`, or before any vote, the check-in code fills the screen.
 */
export function HallScreenPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const screen = useHallScreen(id, POLL_MS);
  const now = useNow();
  const { refetch } = screen;
  const expiresAt = screen.data?.checkin?.expiresAt;
  // The moment a code expires, ask for the next one instead of waiting for the next poll.
  useEffect(() => {
    if (!expiresAt) return;
    const wait = Date.parse(expiresAt) - Date.now() + 200;
    const timer = setTimeout(() => void refetch(), Math.max(wait, 0));
    return () => clearTimeout(timer);
  }, [expiresAt, refetch]);

  const s = screen.data;
  const open = s?.votes.filter((v) => v.status === 'open') ?? [];
  const closed = s?.votes.filter((v) => v.status === 'closed') ?? [];
  const view = params.get('view');
  const isCheckinView = !!s?.checkin && (view === 'checkin' || (view !== 'votes' && open.length === 0 && closed.length === 0));
  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.();
  };

  let body;
  if (!s) {
    body = screen.error ? <div className="uh-hall-message">{errorMessage(screen.error)}</div> : <Spin size="large" />;
  } else if (isCheckinView) {
    body = <CheckinCode screen={s} now={now} isLarge />;
  } else if (open.length > 0) {
    body = (
      <div className="uh-hall-main">
        {open.map((v) => (
          <OpenVote key={v.id} vote={v} />
        ))}
      </div>
    );
  } else if (closed.length > 0) {
    body = (
      <div className="uh-hall-main">
        {closed.map((v) => (
          <ClosedVote key={v.id} vote={v} />
        ))}
        <div className="uh-hall-rule">表决规则：{PASSING_RULES[s.term.form]}</div>
      </div>
    );
  } else {
    body = <div className="uh-hall-message">{s.status === 'closed' ? '会议已闭幕' : '会议即将开始'}</div>;
  }

  return (
    <div className="uh-hall" data-testid="hall-screen">
      <div className="uh-hall-tools">
        <Link to={`/congress/sessions/${id}/manage`}>
          <Button size="small" ghost>
            返回会议管理
          </Button>
        </Link>
        {s?.checkin ? (
          <Button size="small" ghost onClick={() => setParams(isCheckinView ? { view: 'votes' } : { view: 'checkin' }, { replace: true })} data-testid="hall-toggle">
            {isCheckinView ? '显示表决' : '显示签到码'}
          </Button>
        ) : null}
        <Button size="small" ghost onClick={toggleFullScreen}>
          全屏
        </Button>
      </div>
      {s ? (
        <>
          <div className="uh-hall-org">{s.orgName}</div>
          <h1 className="uh-hall-title" data-testid="hall-title">
            {s.title}
          </h1>
          <div className="uh-hall-when">
            {sessionTimeLabel(s.startsAt)}
            {s.place ? ` · ${s.place}` : ''}
          </div>
          <AttendanceStrip screen={s} />
        </>
      ) : null}
      <div className="uh-hall-body">{body}</div>
      {s && !isCheckinView && s.checkin && open.length > 0 ? (
        <div className="uh-hall-corner">
          <CheckinCode screen={s} now={now} isLarge={false} />
        </div>
      ) : null}
      {screen.error && s ? <div className="uh-hall-warning">网络不稳定，正在重试：{errorMessage(screen.error)}</div> : null}
    </div>
  );
}
