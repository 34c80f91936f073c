import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { SESSION_STATUS_LABELS } from '../../../contracts/congress';
import { proposalWindowLabel, SESSION_STATUS_COLORS, sessionTimeLabel } from './congress-format';
import type { SessionSummary } from './congress-types';

/** One session in a list: state, title, time, place and the proposal window; the card opens `to`. */
export function SessionCard({ session: s, to }: { session: SessionSummary; to: string }) {
  const window = proposalWindowLabel(s.proposalsOpenAt, s.proposalsCloseAt);
  return (
    <Link to={to} className="uh-card" data-testid="session-card" data-session-title={s.title}>
      <span className="uh-cg-tags">
        <Tag color={SESSION_STATUS_COLORS[s.status]}>{SESSION_STATUS_LABELS[s.status]}</Tag>
        {s.isProposalWindowOpen ? <Tag color="green">提案征集中</Tag> : null}
      </span>
      <div className="uh-card-title">{s.title}</div>
      <dl className="uh-facts">
        <dt>时间</dt>
        <dd>{sessionTimeLabel(s.startsAt)}</dd>
        {s.place ? (
          <>
            <dt>地点</dt>
            <dd>{s.place}</dd>
          </>
        ) : null}
        {window ? (
          <>
            <dt>提案征集</dt>
            <dd>{window}</dd>
          </>
        ) : null}
      </dl>
    </Link>
  );
}
