import { Progress, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { EVALUATION_PHASE_LABELS, type EvaluationSummary } from '../../../contracts/evaluations';
import { participationPercent, PHASE_COLORS, windowLabel } from './evaluation-format';

/**
 * What a voter is invited to do on a card: vote now, or a tag saying it is done. An organiser who is also on the roll
 * gets only a tag: their card opens the organisers' page, which has its own 去测评.
 */
function VoterLine({ e, isManager }: { e: EvaluationSummary; isManager: boolean }) {
  if (!e.me.isEligible) return null;
  if (isManager && !e.me.hasVoted) {
    return e.phase === 'open' ? (
      <span>
        <Tag color="processing">待我测评</Tag>
      </span>
    ) : null;
  }
  if (e.me.hasVoted) {
    return (
      <span>
        <Tag color="success" data-testid="evaluation-card-voted">
          已提交
        </Tag>
      </span>
    );
  }
  if (e.phase === 'open') {
    return (
      <span className="uh-ev-cta" data-testid="evaluation-card-vote">
        去测评
      </span>
    );
  }
  return e.phase === 'scheduled' ? <span className="uh-ev-muted">尚未开始，开始后即可参加测评</span> : null;
}

/**
 * One evaluation in the list: phase, title, window and number of targets; for managers the participation so far, for
 * a voter the way in (the whole card is the link: the detail for managers, the ballot for voters).
 */
export function EvaluationCard({ evaluation: e, isManager }: { evaluation: EvaluationSummary; isManager: boolean }) {
  const to = isManager ? `/evaluations/${e.id}` : `/evaluations/${e.id}/vote`;
  const hasFigures = isManager && e.eligible !== null && e.cast !== null;
  return (
    <Link to={to} className="uh-card" data-testid="evaluation-card" data-evaluation-title={e.title}>
      <span>
        <Tag color={PHASE_COLORS[e.phase]}>{EVALUATION_PHASE_LABELS[e.phase]}</Tag>
      </span>
      <div className="uh-ev-card-title">{e.title}</div>
      <dl className="uh-ev-facts">
        <dt>测评时间</dt>
        <dd>{windowLabel(e)}</dd>
        <dt>测评对象</dt>
        <dd>{e.targetCount} 人</dd>
        {hasFigures ? (
          <>
            <dt>已参评</dt>
            <dd data-testid="evaluation-card-cast">
              {e.cast} / {e.eligible} 人
            </dd>
          </>
        ) : null}
      </dl>
      {hasFigures && e.phase !== 'scheduled' ? <Progress percent={participationPercent(e.cast ?? 0, e.eligible ?? 0)} size="small" /> : null}
      <VoterLine e={e} isManager={isManager} />
    </Link>
  );
}
