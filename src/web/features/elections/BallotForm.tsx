import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Input, Typography, type ButtonProps } from 'antd';
import { ELECTION_LIMITS, type BallotMark } from '../../../contracts/elections';
import { api, ApiError } from '../../lib/api';
import { errorMessage } from '../../components';
import { ballotMarks, cleanWriteIns, countYes, tooManyYesWarning } from './ballot-rules';
import type { Candidate, CastReceipt, Round } from './elections-types';
import { MarkButtons } from './MarkButtons';
import { useRefreshElections } from './use-elections';

/** "赞成 2 人 · 不赞成 1 人 · 弃权 4 人 · 另选 1 人": what the ballot says, counted as the count will. */
function summaryText(marks: Record<string, BallotMark | undefined>, writeIns: string[], candidates: Candidate[]): string {
  const sent = { marks: ballotMarks(marks, candidates.map((c) => c.id)), writeIns };
  const { yes, writeIns: added } = countYes(sent, candidates);
  const no = candidates.filter((c) => marks[c.id] === 'no').length;
  const listedYes = yes - added;
  const parts = [`赞成 ${listedYes} 人`, `不赞成 ${no} 人`, `弃权 ${candidates.length - listedYes - no} 人`];
  if (added) parts.push(`另选 ${added} 人`);
  return parts.join(' · ');
}

/**
 * The voter's ballot on the phone: every candidate of the round in the order given with 赞成 / 不赞成 / 弃权 (none
 * = 弃权), up to `seats` write-ins (另选他人), a live warning once 赞成 + 另选 exceed the seats (the ballot would be
 * void), a confirmation, then the receipt code handed to `onCast`.
 */
export function BallotForm({ round, candidates, onCast }: { round: Round; candidates: Candidate[]; onCast: (receipt: CastReceipt) => void }) {
  const { modal, message } = App.useApp();
  const refresh = useRefreshElections();
  const [marks, setMarks] = useState<Record<string, BallotMark | undefined>>({});
  const [writeIns, setWriteIns] = useState<string[]>([]);
  const names = cleanWriteIns(writeIns);
  const ballot = { marks: ballotMarks(marks, round.candidateIds), writeIns: names };
  const tooMany = tooManyYesWarning(ballot, round.seats, candidates);
  const warning = tooMany ? `${tooMany}，提交后将成为废票（无效票）` : null;
  const cast = useMutation({
    mutationFn: () => api.send<CastReceipt>('POST', `/elections/rounds/${round.id}/ballots`, ballot),
    onSuccess: (r) => onCast(r),
    onSettled: () => refresh(),
  });
  const submit = () =>
    modal.confirm({
      title: '确认提交选票？',
      content: (
        <div>
          <p>{summaryText(marks, names, candidates)}</p>
          {warning ? <Alert type="error" showIcon title={warning} style={{ marginBottom: 8 }} /> : null}
          <p>每人只能投一次，提交后不能更改。系统只记录您已投票，不记录您投了什么。</p>
        </div>
      ),
      okText: warning ? '仍然提交' : '提交选票',
      cancelText: '再看看',
      okButtonProps: { danger: !!warning, 'data-testid': 'ballot-confirm' } as ButtonProps,
      onOk: () =>
        cast.mutateAsync().catch((e: unknown) => {
          // A second ballot (another tab, a double tap) or a round just counted: nothing for the voter to fix.
          if (e instanceof ApiError && e.status === 409) return void message.info(e.message);
          return void message.warning(errorMessage(e));
        }),
    });
  return (
    <div className="uh-el-ballot" data-testid="ballot-form">
      <Typography.Paragraph type="secondary" className="uh-el-ballot-help">
        应选 {round.seats} 名。请对每位候选人选择 赞成、不赞成 或 弃权；不选即为弃权。赞成的人数（含另选他人）不能多于 {round.seats} 名，否则为废票。
      </Typography.Paragraph>
      <ol className="uh-el-candidates">
        {candidates.map((c) => (
          <li key={c.id} className="uh-el-candidate" data-testid="ballot-candidate" data-name={c.name}>
            <div className="uh-el-candidate-head">
              <span className="uh-el-candidate-name">{c.name}</span>
              {c.note ? <span className="uh-el-candidate-note">{c.note}</span> : null}
            </div>
            <MarkButtons name={c.name} value={marks[c.id]} onChange={(m) => setMarks((prev) => ({ ...prev, [c.id]: m }))} />
            {marks[c.id] ? null : <span className="uh-el-unmarked">未选择，按弃权计</span>}
          </li>
        ))}
      </ol>
      <section className="uh-el-writeins">
        <Typography.Text strong>另选他人</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '2px 0 8px' }}>
          如需选举候选人以外的人，写上姓名即为赞成（最多 {round.seats} 人）。
        </Typography.Paragraph>
        {writeIns.map((w, i) => (
          <div key={i} className="uh-el-writein">
            <Input
              size="large"
              value={w}
              maxLength={ELECTION_LIMITS.writeInNameMax}
              placeholder="姓名"
              aria-label={`另选人 ${i + 1}`}
              onChange={(e) => setWriteIns((prev) => prev.map((x, j) => (j === i ? e.target.value : x)))}
              data-testid="ballot-writein"
            />
            <Button size="large" onClick={() => setWriteIns((prev) => prev.filter((_x, j) => j !== i))} aria-label={`删除另选人 ${i + 1}`}>
              删除
            </Button>
          </div>
        ))}
        {writeIns.length < round.seats ? (
          <Button onClick={() => setWriteIns((prev) => [...prev, ''])} data-testid="ballot-add-writein">
            + 另选他人
          </Button>
        ) : null}
      </section>
      <div className="uh-el-ballot-foot">
        {warning ? <Alert type="error" showIcon title={`${warning}。`} data-testid="ballot-warning" /> : null}
        <Typography.Text type="secondary" data-testid="ballot-summary">
          {summaryText(marks, names, candidates)}
        </Typography.Text>
        <Button type="primary" size="large" block onClick={submit} loading={cast.isPending} data-testid="ballot-submit">
          提交选票
        </Button>
      </div>
    </div>
  );
}

/**
 * The receipt code, shown once after casting: large, with a copy button, and what it is for — find it in the list
 * published after the count to check the ballot was counted as cast; nobody can tell whose code it is.
 */
export function ReceiptCard({ receipt, roundNumber, onDone }: { receipt: CastReceipt; roundNumber: number; onDone: () => void }) {
  return (
    <div className="uh-el-receipt" data-testid="ballot-receipt">
      <div className="uh-el-receipt-title">投票成功</div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        第 {roundNumber} 轮选票的查验码
      </Typography.Paragraph>
      <Typography.Paragraph className="uh-el-receipt-code" copyable={{ text: receipt.receipt, tooltips: ['复制查验码', '已复制'] }} data-testid="ballot-receipt-code">
        {receipt.receipt}
      </Typography.Paragraph>
      <ul className="uh-el-receipt-help">
        <li>请记下或截图保存这个查验码，它只显示这一次，离开本页后无法再查看。</li>
        <li>计票后，本轮所有选票的内容会按查验码公布。找到您的查验码，就能核对您的选票是否按您所投被计入。</li>
        <li>查验码是随机生成的，不与您的姓名关联：除了您自己，没有人知道哪个查验码是您的。请不要把它告诉别人。</li>
      </ul>
      <Button onClick={onDone} data-testid="ballot-receipt-done">
        我已记下
      </Button>
    </div>
  );
}
