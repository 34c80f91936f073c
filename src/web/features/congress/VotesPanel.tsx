import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Empty, Flex, Popconfirm, Progress, Typography } from 'antd';
import { PASSING_RULES, VOTE_CHOICE_LABELS, VOTE_CHOICES, type TermForm } from '../../../contracts/congress';
import { api } from '../../lib/api';
import { ErrorAlert, errorMessage } from '../../components';
import type { SessionDetail, VoteView } from './congress-types';
import { useRefreshCongress, useVote } from './use-congress';
import { PaperTallyModal, VoteCreateModal } from './VoteModals';
import { VoteResult, VoteTags } from './VoteResult';

/** 记名表决明细: who voted what in a closed named vote, grouped by choice (managers only; fetched when opened). */
function NamedBallots({ voteId }: { voteId: string }) {
  const vote = useVote(voteId, true);
  if (vote.error) return <ErrorAlert error={vote.error} />;
  const ballots = vote.data?.namedBallots ?? [];
  if (vote.isPending) return <Typography.Text type="secondary">正在读取…</Typography.Text>;
  return (
    <Flex vertical gap={6}>
      {VOTE_CHOICES.map((c) => {
        const names = ballots.filter((b) => b.choice === c).map((b) => b.name);
        return (
          <div key={c}>
            <Typography.Text strong>
              {VOTE_CHOICE_LABELS[c]}（{names.length}）：
            </Typography.Text>
            <Typography.Text>{names.length ? names.join('、') : '无'}</Typography.Text>
          </div>
        );
      })}
    </Flex>
  );
}

/** The progress of an open vote: ballots cast online out of those present, or the paper totals entered so far. */
function OpenProgress({ vote }: { vote: VoteView }) {
  if (vote.channel === 'online') {
    const present = vote.present ?? 0;
    return (
      <div data-testid="vote-progress">
        <Typography.Text>
          已投 {vote.ballots ?? 0} 人 / 开始时实到 {present} 人（结果在结束表决后公布）
        </Typography.Text>
        <Progress percent={present ? Math.min(100, Math.round(((vote.ballots ?? 0) * 100) / present)) : 0} showInfo={false} size="small" />
      </div>
    );
  }
  const t = vote.paperTally;
  return (
    <Typography.Text data-testid="vote-paper-tally">
      {t ? `已录入：赞成 ${t.yes} 票、反对 ${t.no} 票、弃权 ${t.abstain} 票（结束表决后公布结果）` : '纸质选票表决中，计票后请录入票数。'}
    </Typography.Text>
  );
}

/** One vote for the organiser: open it (refused below quorum, in the server's words), enter paper totals, close it, see the result. */
function VoteManageCard({ vote, form, onPaper }: { vote: VoteView; form: TermForm; onPaper: (v: VoteView) => void }) {
  const { message } = App.useApp();
  const refresh = useRefreshCongress();
  const act = useMutation({
    mutationFn: (action: 'open' | 'close' | 'delete') => (action === 'delete' ? api.send('DELETE', `/congress/votes/${vote.id}`) : api.send('POST', `/congress/votes/${vote.id}/${action}`)),
    onSuccess: (_r, action) => {
      void refresh();
      message.success({ open: '表决已开始', close: '表决已结束，结果已公布', delete: '表决事项已删除' }[action]);
    },
  });
  const isNamedOnline = vote.mode === 'named' && vote.channel === 'online';
  const whole = form === 'congress' ? '全体代表' : '全体教职工';
  return (
    <Card size="small" data-testid="manage-vote" data-vote-title={vote.title}>
      <div className="uh-cg-vote-head">
        <Typography.Text strong className="uh-cg-vote-title">
          {vote.title}
        </Typography.Text>
        <VoteTags vote={vote} />
      </div>
      {vote.status === 'open' ? <OpenProgress vote={vote} /> : null}
      {vote.status === 'closed' ? <VoteResult vote={vote} form={form} /> : null}
      {act.error ? <Alert type="warning" showIcon title={errorMessage(act.error)} style={{ marginTop: 8 }} data-testid="vote-action-refusal" /> : null}
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        {vote.can.open ? (
          <Button type="primary" loading={act.isPending && act.variables === 'open'} onClick={() => act.mutate('open')} data-testid="vote-open">
            开始表决
          </Button>
        ) : null}
        {vote.can.enterPaper ? (
          <Button onClick={() => onPaper(vote)} data-testid="vote-paper">
            {vote.paperTally ? '修改纸质票数' : '录入纸质票数'}
          </Button>
        ) : null}
        {vote.can.close ? (
          <Popconfirm
            title="结束表决？"
            description={`结束后不能再投票，按${whole} ${vote.base ?? 0} 人计算是否通过。`}
            okText="结束表决"
            cancelText="再等等"
            onConfirm={() => act.mutate('close')}
          >
            <Button type="primary" danger loading={act.isPending && act.variables === 'close'} data-testid="vote-close">
              结束表决
            </Button>
          </Popconfirm>
        ) : null}
        {vote.can.delete ? (
          <Popconfirm title="删除这个表决事项？" okText="删除" cancelText="取消" onConfirm={() => act.mutate('delete')}>
            <Button type="text" danger>
              删除
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
      {vote.status === 'closed' && isNamedOnline ? (
        <Collapse size="small" style={{ marginTop: 8 }} items={[{ key: 'names', label: '记名表决明细', children: <NamedBallots voteId={vote.id} /> }]} destroyOnHidden />
      ) : null}
    </Card>
  );
}

/**
 * 表决: the quorum as it stands, 安排表决, and each vote from draft to result. Opening is refused below two thirds
 * present; the refusal says how many more must arrive.
 */
export function VotesPanel({ session }: { session: SessionDetail }) {
  const [isCreating, setCreating] = useState(false);
  const [paperVote, setPaperVote] = useState<VoteView | null>(null);
  const q = session.attendance.quorum;
  return (
    <Flex vertical gap={12}>
      {session.status === 'closed' ? null : (
        <Alert
          type={q.met ? 'success' : 'warning'}
          showIcon
          title={q.text}
          description={session.status === 'planned' ? '会议尚未开始：宣布开会后才能开始表决。' : `${PASSING_RULES[session.term.form]}，不按到会人数计算。`}
          data-testid="vote-quorum"
        />
      )}
      {session.status === 'closed' ? null : (
        <div>
          <Button type="primary" onClick={() => setCreating(true)} data-testid="vote-create">
            安排表决
          </Button>
        </div>
      )}
      {session.votes.length === 0 ? <Empty description="还没有安排表决事项" /> : null}
      {session.votes.map((v) => (
        <VoteManageCard key={v.id} vote={v} form={session.term.form} onPaper={setPaperVote} />
      ))}
      <VoteCreateModal session={session} open={isCreating} onClose={() => setCreating(false)} />
      <PaperTallyModal vote={paperVote} present={session.attendance.present} onClose={() => setPaperVote(null)} />
    </Flex>
  );
}
