import { Alert, App, Button, Card, Typography } from 'antd';
import { VOTE_CHOICE_LABELS, VOTE_CHOICES, type TermForm, type VoteChoice } from '../../../contracts/congress';
import { errorMessage } from '../../components';
import { ApiError } from '../../lib/api';
import type { VoteView } from './congress-types';
import { useCastBallot } from './use-congress';
import { VoteResult, VoteTags } from './VoteResult';

const CHOICE_BUTTONS: Record<VoteChoice, { type: 'primary' | 'default'; danger: boolean }> = {
  yes: { type: 'primary', danger: false },
  no: { type: 'primary', danger: true },
  abstain: { type: 'default', danger: false },
};

/** What I did or may do in the vote, in one line under its title. */
function MyBallot({ vote }: { vote: VoteView }) {
  if (vote.me.hasVoted) {
    const text = vote.me.choice ? `您已投票：${VOTE_CHOICE_LABELS[vote.me.choice]}` : '您已投票（无记名表决，您的选择不与您的姓名关联）';
    return <Alert type="success" showIcon title={text} data-testid="vote-my-ballot" />;
  }
  // A paper vote already says so in its progress line; the other reasons (sign in first, not a voter) need saying.
  if (vote.status === 'open' && vote.channel === 'online' && vote.me.reason) return <Alert type="info" showIcon title={vote.me.reason} data-testid="vote-refusal" />;
  return null;
}

/**
 * One vote on the representative's phone: while open, 赞成 / 反对 / 弃权 as large buttons (confirmed first — a
 * ballot is final) and how many have voted; once closed, the result with its arithmetic. A second ballot's 409 is
 * answered kindly: the page simply shows the ballot already cast.
 */
export function MemberVoteCard({ vote, form }: { vote: VoteView; form: TermForm }) {
  const { modal, message } = App.useApp();
  const cast = useCastBallot(vote.id);
  const confirm = (choice: VoteChoice) =>
    modal.confirm({
      title: `确认投“${VOTE_CHOICE_LABELS[choice]}”票？`,
      content: `${vote.title}${vote.mode === 'secret' ? '（无记名表决：系统只记录您已投票，不记录您的选择与您的对应关系）' : '（记名表决）'}。每人只能投一次，投出后不能更改。`,
      okText: `投${VOTE_CHOICE_LABELS[choice]}票`,
      cancelText: '再想想',
      okButtonProps: { danger: choice === 'no' },
      onOk: () =>
        cast.mutateAsync(choice).then(
          () => void message.success('投票成功'),
          (e: unknown) => {
            // A second ballot (another tab, a double tap) or a vote just closed: nothing for the member to fix.
            if (e instanceof ApiError && e.status === 409) return void message.info(e.message);
            return void message.warning(errorMessage(e));
          },
        ),
    });

  const progress =
    vote.status !== 'open' ? null : vote.channel === 'online' ? (
      <Typography.Text type="secondary" data-testid="vote-progress">
        已投 {vote.ballots ?? 0} 人{vote.present !== null ? ` · 实到 ${vote.present} 人` : ''}
      </Typography.Text>
    ) : (
      <Typography.Text type="secondary">纸质选票表决中，请在会场填写选票，结果在计票后公布。</Typography.Text>
    );

  return (
    <Card size="small" className="uh-cg-vote" data-testid="member-vote">
      <div className="uh-cg-vote-head">
        <Typography.Text strong className="uh-cg-vote-title">
          {vote.title}
        </Typography.Text>
        <VoteTags vote={vote} />
      </div>
      {progress}
      <div style={{ marginTop: 8 }}>
        <MyBallot vote={vote} />
      </div>
      {vote.me.canVote ? (
        <div className="uh-cg-ballot" data-testid="vote-buttons">
          {VOTE_CHOICES.map((c) => (
            <Button key={c} size="large" type={CHOICE_BUTTONS[c].type} danger={CHOICE_BUTTONS[c].danger} onClick={() => confirm(c)} loading={cast.isPending && cast.variables === c} data-testid={`vote-${c}`}>
              {VOTE_CHOICE_LABELS[c]}
            </Button>
          ))}
        </div>
      ) : null}
      {vote.status === 'closed' ? <VoteResult vote={vote} form={form} /> : null}
    </Card>
  );
}
