import type { ReactNode } from 'react';
import { Alert, Button, Card, Result, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { AGENDA_KIND_LABELS, SESSION_STATUS_LABELS } from '../../../contracts/congress';
import { ErrorAlert, PageLoading } from '../../components';
import { ApiError } from '../../lib/api';
import { shanghaiClock } from '../activity-admin/activity-time';
import { figuresLine, proposalWindowLabel, SESSION_STATUS_COLORS, sessionTimeLabel } from './congress-format';
import type { SessionDetail } from './congress-types';
import { MemberVoteCard } from './MemberVoteCard';
import { useSession } from './use-congress';
import './congress.css';

/** 我的签到: present (when and how), absent (why), or what to do to sign in. Nothing for people not called to it. */
function MyAttendance({ session: s }: { session: SessionDetail }) {
  const mayAttend = s.me.isVoter || s.me.representative !== null;
  if (!mayAttend) return null;
  const a = s.me.attendance;
  let body: ReactNode;
  if (a?.status === 'present') {
    body = <Alert type="success" showIcon title={`已签到 ${shanghaiClock(a.at).format('HH:mm')}（${a.source === 'scan' ? '扫码签到' : '工作人员登记'}）`} />;
  } else if (a?.status === 'absent') {
    body = <Alert type="warning" showIcon title={`已登记缺席${a.reason ? `（${a.reason}）` : ''}`} description={s.status === 'closed' ? undefined : '如能到会，到场后扫描会场二维码即可改为出席。'} />;
  } else if (s.status === 'closed') {
    body = <Alert type="info" showIcon title="本次会议未签到" />;
  } else if (s.me.canCheckIn) {
    body = <Alert type="info" showIcon title="签到已开始" description="请用手机相机扫描会场大屏上的签到二维码。" />;
  } else {
    body = <Alert type="info" showIcon title="尚未开始签到" description="会议开始前一小时起，可扫描会场大屏上的二维码签到。" />;
  }
  return (
    <Card size="small" title="我的签到" data-testid="session-my-attendance">
      {body}
    </Card>
  );
}

/** Time, place, attendance and the proposal window as label/value rows. */
function SessionFacts({ session: s }: { session: SessionDetail }) {
  const window = proposalWindowLabel(s.proposalsOpenAt, s.proposalsCloseAt);
  const rows: [string, ReactNode][] = [
    ['时间', sessionTimeLabel(s.startsAt)],
    ['地点', s.place || '另行通知'],
  ];
  if (s.status !== 'planned') rows.push(['出勤', figuresLine(s.attendance)]);
  if (s.status === 'open') rows.push(['法定人数', s.attendance.quorum.text]);
  if (window) {
    rows.push([
      '提案征集',
      <>
        {window} {s.isProposalWindowOpen ? <Tag color="green">征集中</Tag> : null}
      </>,
    ]);
  }
  return (
    <dl className="uh-facts" data-testid="session-facts">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** 议程: numbered items with their kind and explanation. */
export function AgendaList({ session: s }: { session: Pick<SessionDetail, 'agenda'> }) {
  if (s.agenda.length === 0) return <Typography.Text type="secondary">议程尚未公布</Typography.Text>;
  return (
    <ol className="uh-cg-agenda" data-testid="session-agenda">
      {s.agenda.map((item) => (
        <li key={item.id}>
          <span className="uh-cg-agenda-title">{item.title}</span> <Tag>{AGENDA_KIND_LABELS[item.kind]}</Tag>
          {item.description ? <div className="uh-cg-agenda-text">{item.description}</div> : null}
        </li>
      ))}
    </ol>
  );
}

/**
 * 会议 (/congress/sessions/:id), for representatives on their phones: my sign-in, the facts, the agenda, and the
 * votes — open ones with the ballot buttons, closed ones with the result. Followed live while the session is open.
 */
export function SessionPage() {
  const { id = '' } = useParams();
  const session = useSession(id);
  if (session.isPending) return <PageLoading />;
  if (session.error) {
    if (session.error instanceof ApiError && session.error.status === 404) {
      return <Result status="404" title="会议不存在" subTitle="这次会议不存在，或不属于您当前的组织。" extra={<Link to="/congress"><Button type="primary">返回教代会</Button></Link>} />;
    }
    return <ErrorAlert error={session.error} />;
  }
  const s = session.data;
  const votes = s.votes.filter((v) => v.status !== 'draft');
  // Once I am in the hall the votes matter more than my sign-in; before that, how to sign in comes first.
  const isPresent = s.me.attendance?.status === 'present';
  return (
    <div className="uh-cg-page">
      <Link to="/congress">‹ 返回教代会</Link>
      <div className="uh-cg-top" style={{ marginTop: 12 }}>
        <span className="uh-cg-tags">
          <Tag color={SESSION_STATUS_COLORS[s.status]} data-testid="session-status">
            {SESSION_STATUS_LABELS[s.status]}
          </Tag>
          <Tag>{s.term.label}</Tag>
        </span>
        {s.can.manage ? (
          <Link to={`/congress/sessions/${s.id}/manage`}>
            <Button size="small">会议管理</Button>
          </Link>
        ) : null}
      </div>
      <Typography.Title level={3} className="uh-cg-title" data-testid="session-title">
        {s.title}
      </Typography.Title>
      <div className="uh-cg-panel" style={{ marginTop: 12 }}>
        {isPresent ? null : <MyAttendance session={s} />}
        {votes.length > 0 ? (
          <section className="uh-cg-panel" data-testid="session-votes">
            <Typography.Title level={5} style={{ margin: 0 }}>
              表决
            </Typography.Title>
            {votes.map((v) => (
              <MemberVoteCard key={v.id} vote={v} form={s.term.form} />
            ))}
          </section>
        ) : null}
        {isPresent ? <MyAttendance session={s} /> : null}
        <Card size="small" title="会议信息">
          <SessionFacts session={s} />
        </Card>
        <Card size="small" title="议程">
          <AgendaList session={s} />
        </Card>
        {s.status === 'closed' && votes.length === 0 ? <Typography.Text type="secondary">本次会议没有表决事项。</Typography.Text> : null}
        {s.status === 'open' ? <Typography.Text type="secondary">会议进行中，本页自动更新出勤和表决。</Typography.Text> : null}
      </div>
    </div>
  );
}
