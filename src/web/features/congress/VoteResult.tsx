import { Tag, Typography } from 'antd';
import { PASSING_RULES, VOTE_CHANNEL_LABELS, VOTE_MODE_LABELS, VOTE_STATUS_LABELS, type TermForm, type VoteStatus } from '../../../contracts/congress';
import type { VoteView } from './congress-types';

const STATUS_COLORS: Record<VoteStatus, string> = { draft: 'default', open: 'processing', closed: 'default' };

/** 记名 / 无记名, 手机 / 纸质 and the vote's state, as tags. */
export function VoteTags({ vote }: { vote: Pick<VoteView, 'mode' | 'channel' | 'status' | 'passed'> }) {
  return (
    <span className="uh-cg-tags">
      <Tag color={STATUS_COLORS[vote.status]}>{VOTE_STATUS_LABELS[vote.status]}</Tag>
      {vote.passed === null ? null : <Tag color={vote.passed ? 'success' : 'error'}>{vote.passed ? '通过' : '未通过'}</Tag>}
      <Tag>{VOTE_MODE_LABELS[vote.mode]}</Tag>
      <Tag>{VOTE_CHANNEL_LABELS[vote.channel]}</Tag>
    </span>
  );
}

/**
 * A closed vote's result: the three counts, then the outcome with its arithmetic in words (from the server) and the
 * rule it follows — the base is all representatives (all voting staff in an all-staff meeting), not those present.
 */
export function VoteResult({ vote, form }: { vote: Pick<VoteView, 'yes' | 'no' | 'abstain' | 'passed' | 'resultText' | 'id'>; form: TermForm }) {
  if (vote.passed === null) return null;
  const counts: [string, number | null, string][] = [
    ['赞成', vote.yes, 'yes'],
    ['反对', vote.no, 'no'],
    ['弃权', vote.abstain, 'abstain'],
  ];
  return (
    <div className="uh-cg-result" data-testid="vote-result">
      <div className="uh-cg-counts">
        {counts.map(([label, n, key]) => (
          <div key={key} className={`uh-cg-count uh-cg-count-${key}`} data-testid={`vote-result-${key}`}>
            <span className="uh-cg-count-n">{n ?? 0}</span>
            <span className="uh-cg-count-label">{label}</span>
          </div>
        ))}
      </div>
      <Typography.Paragraph className={vote.passed ? 'uh-cg-outcome uh-cg-passed' : 'uh-cg-outcome uh-cg-failed'} data-testid="vote-result-text">
        {vote.resultText}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        表决规则：{PASSING_RULES[form]}。
      </Typography.Text>
    </div>
  );
}
