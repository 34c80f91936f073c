import { Card, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ASSIGNMENT_ROLE_LABELS, PROPOSAL_STATUS_LABELS } from '../../../contracts/proposals';
import { formatShanghaiTime } from '../../lib/time';
import { dayText, deadlineColor, deadlineText, proposalName, RATING_COLORS, ratingText, RESULT_COLORS, resultText } from './proposal-format';
import type { ProposalDetail } from './proposal-types';
import { ProposalFileList } from './ProposalFiles';

/** 审查结果: the decision, its reason, who and when; what was merged into it, or what it was merged into. */
export function ReviewCard({ proposal: p }: { proposal: ProposalDetail }) {
  const isReviewed = p.review.at !== null || p.mergedInto !== null;
  if (!isReviewed && p.mergedFrom.length === 0) return null;
  const decision = p.number !== null ? `立案，第${p.number}号` : PROPOSAL_STATUS_LABELS[p.status];
  return (
    <Card size="small" title="审查" data-testid="proposal-review">
      <dl className="uh-prop-facts">
        {isReviewed ? (
          <>
            <dt>审查结果</dt>
            <dd data-testid="proposal-review-decision-text">{p.mergedInto ? '已并案' : decision}</dd>
          </>
        ) : null}
        {p.review.reason && !p.mergedInto ? (
          <>
            <dt>{p.status === 'rejected' ? '不予立案理由' : '审查意见'}</dt>
            <dd className="uh-prop-pre">{p.review.reason}</dd>
          </>
        ) : null}
        {p.mergedInto ? (
          <>
            <dt>并入</dt>
            <dd>
              <Link to={`/proposals/${p.mergedInto.id}`}>{proposalName(p.mergedInto)}</Link>
            </dd>
          </>
        ) : null}
        {p.mergedFrom.length ? (
          <>
            <dt>并入本案</dt>
            <dd>
              {p.mergedFrom.map((m) => (
                <div key={m.id}>
                  <Link to={`/proposals/${m.id}`}>{m.title}</Link>（{m.proposerName}）
                </div>
              ))}
            </dd>
          </>
        ) : null}
        {p.review.at ? (
          <>
            <dt>审查</dt>
            <dd>
              {p.review.by ?? '提案工作委员会'} · {formatShanghaiTime(p.review.at, false)}
            </dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}

/** 交办: the departments of each round, the responsible leader, and the reply deadline with the days left. */
export function AssignmentCard({ proposal: p }: { proposal: ProposalDetail }) {
  if (p.assignments.length === 0) return null;
  const rounds = [...new Set(p.assignments.map((a) => a.round))];
  const deadline = deadlineText(p);
  const current = p.assignments.filter((a) => a.round === p.round);
  // Each round keeps its own deadline on its assignment rows; the proposal carries the current one.
  const dueOf = (round: number) => p.assignments.find((a) => a.round === round && a.replyDueOn)?.replyDueOn ?? (round === p.round ? p.replyDueOn : null);
  return (
    <Card size="small" title="交办" data-testid="proposal-assignment">
      <dl className="uh-prop-facts">
        {(['lead', 'assist'] as const).map((role) => {
          const names = current.filter((a) => a.role === role).map((a) => a.handler.name);
          return names.length ? (
            <div key={role} style={{ display: 'contents' }}>
              <dt>{ASSIGNMENT_ROLE_LABELS[role]}部门</dt>
              <dd data-testid={`proposal-${role}`}>{names.join('、')}</dd>
            </div>
          ) : null;
        })}
        {p.responsibleLeader ? (
          <>
            <dt>责任领导</dt>
            <dd>{p.responsibleLeader}</dd>
          </>
        ) : null}
        {rounds.map((r) => {
          const due = dueOf(r);
          return due ? (
            <div key={r} style={{ display: 'contents' }}>
              <dt>{rounds.length > 1 ? `${r === 2 ? '第二轮' : '第一轮'}期限` : '答复期限'}</dt>
              <dd>
                {dayText(due)}
                {r === p.round && deadline ? (
                  <Tag color={deadlineColor(p.daysLeft)} style={{ marginInlineStart: 6 }} data-testid="proposal-deadline">
                    {deadline}
                  </Tag>
                ) : null}
              </dd>
            </div>
          ) : null;
        })}
        <dt>交办时间</dt>
        <dd>{rounds.map((r) => `${r === 2 ? '第二轮 ' : ''}${formatShanghaiTime(p.assignments.find((a) => a.round === r)!.assignedAt, false)}`).join('；')}</dd>
      </dl>
    </Card>
  );
}

/** One round's reply: the result code, the text, its files, whether it came in time, and the ratings of it. */
function ReplyRound({ proposal: p, round }: { proposal: ProposalDetail; round: number }) {
  const reply = p.replies.find((r) => r.round === round);
  if (!reply) return null;
  const files = p.files.filter((f) => f.replyRound === round);
  const ratings = p.ratings.filter((r) => r.round === round);
  const canAddFiles = p.myRoles.includes('lead') && p.status === 'replied' && p.round === round;
  return (
    <div className="uh-prop-reply" data-testid="proposal-reply" data-round={round}>
      <div className="uh-prop-reply-head">
        {p.round === 2 ? <Typography.Text strong>{round === 2 ? '第二轮答复' : '第一轮答复'}</Typography.Text> : null}
        <Tag color={RESULT_COLORS[reply.resultCode]} data-testid="proposal-reply-code-tag">
          {resultText(reply.resultCode)}
        </Tag>
        {reply.isOnTime === false ? <Tag color="red">逾期答复</Tag> : null}
      </div>
      <div className="uh-prop-pre">{reply.text}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {reply.handler} · {formatShanghaiTime(reply.repliedAt, false)}
      </Typography.Text>
      {files.length || canAddFiles ? <ProposalFileList proposalId={p.id} files={files} uploadPath={canAddFiles ? `/proposals/${p.id}/replies/${round}/files` : undefined} /> : null}
      {ratings.length ? (
        <ul className="uh-prop-ratings">
          {ratings.map((r) => (
            <li key={`${r.name}-${r.at}`} data-testid="proposal-rating-row">
              <span>
                {r.name}
                {r.isProposer ? '（提案人）' : ''}
              </span>
              <Tag color={RATING_COLORS[r.rating]}>{ratingText(r.rating)}</Tag>
              {r.comment ? <div className="uh-prop-pre uh-prop-comment">{r.comment}</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {round === 1 && p.round === 2 ? (
        <Typography.Paragraph type="secondary" className="uh-prop-second-round" data-testid="proposal-second-round">
          提案人对第一轮答复不满意，提案已退回承办部门再次办理（第二轮）。第二轮答复后，提案人再评价即办结。
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

/** 答复与评价: each round's reply with its ratings. */
export function RepliesCard({ proposal: p }: { proposal: ProposalDetail }) {
  if (p.replies.length === 0) return null;
  return (
    <Card size="small" title="答复与评价" data-testid="proposal-replies">
      <ReplyRound proposal={p} round={1} />
      <ReplyRound proposal={p} round={2} />
    </Card>
  );
}
