import type { ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Progress, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../lib/api';
import { errorMessage } from '../../components';
import { isQuorum, namesOf, nextRoundButton, nextStepText, roundLabel, sequelOf } from './election-format';
import type { ElectionDetail, Round } from './elections-types';
import { OutcomeView } from './OutcomeView';
import { PaperSection } from './PaperSection';
import { usePaperBoard, useRefreshElections } from './use-elections';

/** 计票: refused (and says why) while paper ballots are unmatched or the numbers disagree; a count is final. */
function CountButton({ round, blockers }: { round: Round; blockers: string[] }) {
  const { modal, message } = App.useApp();
  const refresh = useRefreshElections();
  const count = useMutation({
    mutationFn: () => api.send('POST', `/elections/rounds/${round.id}/count`),
    onSuccess: () => {
      void refresh();
      message.success(`${roundLabel(round.number)}已计票`);
    },
    onError: (e) => modal.warning({ title: '不能计票', content: errorMessage(e) }),
  });
  const confirm = () =>
    modal.confirm({
      title: `${roundLabel(round.number)}计票？`,
      content: '计票后本轮不能再投票或录入选票，结果和全部选票内容（按查验码）向选举人公布。',
      okText: '计票',
      cancelText: '取消',
      onOk: () => count.mutateAsync().catch(() => undefined),
    });
  return (
    <Flex vertical gap={4} align="flex-start">
      <Button type="primary" size="large" disabled={blockers.length > 0} loading={count.isPending} onClick={confirm} data-testid="round-count">
        计票
      </Button>
      {blockers.length ? <Typography.Text type="secondary">“录入情况”中列出的问题解决后才能计票</Typography.Text> : null}
    </Flex>
  );
}

/** One round for the organisers and tellers: while open, ballots coming in and the paper work; once counted, the outcome. */
function RoundCard({ election: e, round, isLast, nextAction }: { election: ElectionDetail; round: Round; isLast: boolean; nextAction: ReactNode }) {
  const isOpen = round.status === 'open';
  const board = usePaperBoard(round.id, isOpen && e.paper);
  const nameById = new Map(e.candidates.map((c) => [c.id, c.name]));
  const candidates = round.candidateIds.flatMap((id) => e.candidates.filter((c) => c.id === id));
  const present = round.present || 1;
  return (
    <Card
      size="small"
      className="uh-el-round-card"
      title={`${roundLabel(round.number)} · 应选 ${round.seats} 名`}
      extra={isOpen ? <Tag color="processing">投票中</Tag> : <Tag>已计票</Tag>}
      data-testid="manage-round"
      data-round={round.number}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          候选人（{candidates.length}）：{namesOf(round.candidateIds, nameById)} · 应到 {round.due} 人，开始时实到 {round.present} 人
        </Typography.Text>
        {isOpen && e.online ? (
          <div data-testid="round-online">
            <Typography.Text>
              已收到手机选票 <strong>{round.onlineCast}</strong> 张（实到 {round.present} 人）
            </Typography.Text>
            <Progress percent={Math.min(100, Math.round((round.onlineCast * 100) / present))} showInfo={false} size="small" />
          </div>
        ) : null}
        {isOpen && e.paper ? <PaperSection election={e} round={round} candidates={candidates} board={board} /> : null}
        {isOpen && e.can.manage ? <CountButton round={round} blockers={e.paper ? (board.data?.blockers ?? ['…']) : []} /> : null}
        {round.outcome ? <OutcomeView outcome={round.outcome} nameById={nameById} sequel={sequelOf(e, round.number)} nextAction={isLast ? nextAction : undefined} isStepsOpen={isLast} /> : null}
        {round.status === 'counted' ? (
          <Link to={`/elections/rounds/${round.id}/tracker?election=${e.id}`} data-testid="round-tracker-link">
            选票公示与自行复核 ›
          </Link>
        ) : null}
      </Flex>
    </Card>
  );
}

/**
 * 投票与计票: the quorum, 开始第 N 轮投票 (refused below two thirds present — the refusal says how many more are
 * needed), then each round newest first: the ballots coming in, the paper work, the count and what it calls for.
 */
export function RoundsPanel({ election: e }: { election: ElectionDetail }) {
  const { message } = App.useApp();
  const refresh = useRefreshElections();
  const openRound = useMutation({
    mutationFn: () => api.send('POST', `/elections/${e.id}/rounds`),
    onSuccess: () => {
      void refresh();
      message.success(`${roundLabel(e.rounds.length + 1)}投票已开始`);
    },
  });
  const rounds = [...e.rounds].sort((a, b) => b.number - a.number);
  const last = rounds[0];
  const hasOpen = last?.status === 'open';
  const nameById = new Map(e.candidates.map((c) => [c.id, c.name]));
  const lastNext = last?.outcome ? nextStepText(last.outcome.next, nameById) : null;
  const isRunning = e.status === 'running';
  const canOpenFirst = isRunning && e.can.manage && rounds.length === 0;
  const canOpenNext = isRunning && e.can.manage && !hasOpen && !!last?.outcome && !!lastNext?.isRound;
  const refusal = openRound.error ? <Alert type="error" showIcon title={errorMessage(openRound.error)} data-testid="round-open-refusal" /> : null;
  const openButton = (label: string) => (
    <Flex vertical gap={8} align="flex-start">
      <Button type="primary" size="large" loading={openRound.isPending} onClick={() => openRound.mutate()} data-testid="round-open">
        {label}
      </Button>
      {refusal}
    </Flex>
  );
  return (
    <Flex vertical gap={12}>
      {e.attendance && isRunning && !openRound.error ? <Alert type={isQuorum(e.attendance) ? 'success' : 'warning'} showIcon title={e.attendance.quorumText} data-testid="rounds-quorum" /> : null}
      {e.status === 'draft' ? <Alert type="info" showIcon title="开始选举后才能投票。" /> : null}
      {canOpenFirst ? openButton('开始第 1 轮投票') : null}
      {rounds.length === 0 && !canOpenFirst && e.status !== 'draft' ? <Empty description="还没有投票轮次" /> : null}
      {rounds.map((r) => (
        <RoundCard key={r.id} election={e} round={r} isLast={r === last} nextAction={canOpenNext && last.outcome ? openButton(nextRoundButton(last.outcome.next, last.number + 1)) : null} />
      ))}
    </Flex>
  );
}
