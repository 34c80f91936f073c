import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ELECTION_POSITION_LABELS, ELECTION_STATUS_LABELS } from '../../../contracts/elections';
import { ErrorAlert, PageHeader, PageLoading } from '../../components';
import { BallotForm, ReceiptCard } from './BallotForm';
import { ELECTION_STATUS_COLORS, roundLabel, sequelOf } from './election-format';
import type { CastReceipt, ElectionDetail, Round } from './elections-types';
import { OutcomeView } from './OutcomeView';
import { useElection } from './use-elections';
import './elections.css';

/** Where I stand before any round is open: on the roll or not, present or not. */
function standingText(e: ElectionDetail): { text: string; isOk: boolean } {
  if (!e.me.memberId) return { text: '您的账号未关联会员档案，可以查看选举结果。', isOk: false };
  if (e.status === 'closed') return { text: `选举已结束${e.elected.length ? `，当选 ${e.elected.length} 人` : ''}。`, isOk: true };
  if (e.status === 'draft') return { text: '选举正在筹备，开始选举时确定选举人名单。', isOk: true };
  if (!e.me.isOnRoll) return { text: '您不在本次选举的选举人名单中，可以查看选举结果。', isOk: false };
  if (!e.me.isPresent) return { text: e.meeting.kind === 'congress' ? '您是选举人。请先在会场签到，签到后才能投票。' : '您是选举人。请到会场登记出席，登记后才能投票。', isOk: false };
  return { text: `您是选举人，已登记出席。${e.rounds.length ? '下一轮' : ''}投票开始后可在此投票。`, isOk: true };
}

/** The open round: my ballot, or why I cannot cast one (already voted, not present, paper only…). */
function OpenRound({ election: e, round, onCast }: { election: ElectionDetail; round: Round; onCast: (r: CastReceipt) => void }) {
  const candidates = round.candidateIds.flatMap((id) => e.candidates.filter((c) => c.id === id));
  const canVote = !round.me.hasVoted && round.me.voteRefusal === null;
  return (
    <Card size="small" className="uh-el-round-card" title={`${roundLabel(round.number)}投票 · 应选 ${round.seats} 名`} data-testid="open-round">
      {round.me.hasVoted ? <Alert type="success" showIcon title="您已投票。" description="系统只记录您已投票，不记录您投了什么。计票后可在选票公示中用查验码核对。" data-testid="ballot-done" /> : null}
      {!round.me.hasVoted && round.me.voteRefusal ? <Alert type="info" showIcon title={round.me.voteRefusal} data-testid="ballot-refusal" /> : null}
      {canVote ? <BallotForm round={round} candidates={candidates} onCast={onCast} /> : null}
    </Card>
  );
}

/** A counted round for the voter: the outcome and the way to the published ballots. */
function CountedRound({ election: e, round }: { election: ElectionDetail; round: Round }) {
  const nameById = new Map(e.candidates.map((c) => [c.id, c.name]));
  return (
    <Card size="small" title={`${roundLabel(round.number)} · 应选 ${round.seats} 名`} className="uh-el-round-card" data-testid="counted-round">
      {round.outcome ? <OutcomeView outcome={round.outcome} nameById={nameById} sequel={sequelOf(e, round.number)} isStepsOpen={false} /> : null}
      <Link to={`/elections/rounds/${round.id}/tracker?election=${e.id}`}>
        <Button block style={{ marginTop: 12 }} data-testid="round-tracker-link">
          选票公示与自行复核
        </Button>
      </Link>
    </Card>
  );
}

/**
 * 选举 (/elections/:id), for the voter on a phone: the election, my standing, the open round's ballot (then the
 * receipt code, once), the candidates, and each counted round's result with the published ballots.
 */
export function ElectionPage() {
  const { id = '' } = useParams();
  const election = useElection(id);
  const { modal } = App.useApp();
  const [receipt, setReceipt] = useState<{ round: number; value: CastReceipt } | null>(null);
  if (election.isPending) return <PageLoading />;
  if (election.error) {
    return (
      <div>
        <PageHeader title="选举" />
        <ErrorAlert error={election.error} />
      </div>
    );
  }
  const e = election.data;
  const open = e.rounds.find((r) => r.status === 'open');
  const counted = e.rounds.filter((r) => r.status === 'counted').sort((a, b) => b.number - a.number);
  const standing = standingText(e);
  const dismissReceipt = () =>
    modal.confirm({
      title: '已经记下查验码了吗？',
      content: '关闭后查验码不能再次显示。',
      okText: '已记下，关闭',
      cancelText: '再看一眼',
      onOk: () => setReceipt(null),
    });
  const tools =
    e.can.manage || e.can.enterPaper ? (
      <Link to={`/elections/${e.id}/manage`}>
        <Button data-testid="election-manage-link">{e.can.manage ? '选举管理' : '录入纸质选票'}</Button>
      </Link>
    ) : undefined;
  return (
    <div className="uh-el-page uh-el-voter">
      <Link to="/elections">‹ 选举</Link>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="election-title">{e.title}</span>
            <Tag color={ELECTION_STATUS_COLORS[e.status]}>{ELECTION_STATUS_LABELS[e.status]}</Tag>
          </Flex>
        }
        subtitle={`${ELECTION_POSITION_LABELS[e.position]} · 应选 ${e.seats} 名 · ${e.meetingLabel}`}
        extra={tools}
      />
      <Flex vertical gap={12}>
        {receipt ? <ReceiptCard receipt={receipt.value} roundNumber={receipt.round} onDone={dismissReceipt} /> : null}
        {!open && !receipt ? <Alert type={standing.isOk ? 'success' : 'info'} showIcon title={standing.text} data-testid="election-standing" /> : null}
        {open && !receipt ? <OpenRound election={e} round={open} onCast={(value) => setReceipt({ round: open.number, value })} /> : null}
        {e.elected.length ? (
          <Card size="small" title="当选名单" data-testid="election-elected">
            <ol className="uh-el-elected">
              {e.elected.map((w) => (
                <li key={`${w.round}-${w.name}`}>
                  <strong>{w.name}</strong>
                  <span className="uh-el-muted">
                    {roundLabel(w.round)} · 赞成 {w.yes} 票
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        ) : null}
        {open ? null : (
          <Card size="small" title={`候选人（${e.candidates.length} 人，按姓氏笔画排序）`} data-testid="election-candidates">
            {e.candidates.length === 0 ? (
              <Empty description="尚未确定候选人" />
            ) : (
              <ol className="uh-el-namelist">
                {e.candidates.map((c) => (
                  <li key={c.id}>
                    <strong>{c.name}</strong>
                    {c.note ? <span className="uh-el-muted">{c.note}</span> : null}
                  </li>
                ))}
              </ol>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.candidateRule}
            </Typography.Text>
          </Card>
        )}
        {counted.map((r) => (
          <CountedRound key={r.id} election={e} round={r} />
        ))}
      </Flex>
    </div>
  );
}
