import { useState } from 'react';
import { Alert, App, Button, Result, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { EvaluationDetail } from '../../../contracts/evaluations';
import { ApiError } from '../../lib/api';
import { ErrorAlert, errorMessage, PageHeader, PageLoading } from '../../components';
import { momentLabel } from '../activity-admin/activity-time';
import { asSentence, ballotBody, completedCount, emptyBallot, isRatingComplete, type BallotDraft } from './evaluation-format';
import { TargetBallotCard } from './TargetBallotCard';
import { useCastEvaluationBallot, useEvaluation } from './use-evaluations';
import './evaluations.css';

const ANONYMOUS = '您的评价以匿名方式保存，任何人都无法看到您的选择。';
const ANONYMITY = `提交后不能修改；${ANONYMOUS}`;

const back = <Link to="/evaluations">‹ 民主测评</Link>;

/** The title and the sentence under it for each reason there is no ballot; the server's reason where it says more. */
function refusalOf(e: EvaluationDetail): { status: 'success' | 'info'; title: string; text: string } {
  const reason = e.voteRefusal ? asSentence(e.voteRefusal) : '';
  if (e.me.hasVoted) {
    return { status: 'success', title: '您已提交测评', text: `${e.phase === 'closed' ? '测评已结束。' : '每人只能提交一次，提交后不能修改。'}${ANONYMOUS}` };
  }
  if (e.phase === 'closed') return { status: 'info', title: '测评已结束', text: '本次测评已经结束，不能再提交。' };
  if (!e.me.isEligible && e.phase !== 'draft') return { status: 'info', title: '无法参加本次测评', text: reason };
  if (e.phase === 'scheduled') return { status: 'info', title: '测评尚未开始', text: `将于 ${momentLabel(e.opensAt)} 开始，届时即可参加测评。` };
  return { status: 'info', title: '现在不能测评', text: reason };
}

/** Why there is no ballot to fill in: already voted, not yet open, over, or not on the roll. */
function NoBallot({ evaluation: e }: { evaluation: EvaluationDetail }) {
  const { status, title, text } = refusalOf(e);
  return (
    <div className="uh-ev-page">
      {back}
      <Result
        status={status}
        title={title}
        subTitle={
          <>
            <div className="uh-ev-result-title">{e.title}</div>
            <div data-testid="ballot-refusal">{text}</div>
          </>
        }
        extra={
          <Link to="/evaluations">
            <Button>返回民主测评</Button>
          </Link>
        }
      />
    </div>
  );
}

/** After a successful submit: thanks, and the promise of anonymity once more. */
function Done({ evaluation: e }: { evaluation: EvaluationDetail }) {
  return (
    <div className="uh-ev-page">
      <Result
        status="success"
        title="提交成功，感谢您的参与"
        subTitle={`${e.title}。您的评价已匿名保存，任何人都无法看到您的选择；结果在测评结束后由工会汇总。`}
        extra={
          <Link to="/evaluations">
            <Button type="primary" size="large">
              返回民主测评
            </Button>
          </Link>
        }
        data-testid="ballot-done"
      />
    </div>
  );
}

/** The ballot itself: one card per target, the progress and the submit bar. */
function BallotForm({ evaluation: e, onDone }: { evaluation: EvaluationDetail; onDone: () => void }) {
  const { modal, message } = App.useApp();
  const [ballot, setBallot] = useState<BallotDraft>(() => emptyBallot(e));
  const [error, setError] = useState<unknown>(null);
  const cast = useCastEvaluationBallot(e.id);
  const done = completedCount(e, ballot);
  const total = e.targets.length;
  const isComplete = done === total;
  const firstOpen = e.targets.find((t) => !isRatingComplete(ballot[t.key], e.dimensions.length));
  const confirm = () =>
    modal.confirm({
      title: '确认提交测评？',
      content: ANONYMITY,
      okText: '提交',
      cancelText: '再看看',
      onOk: () =>
        cast.mutateAsync(ballotBody(e, ballot)).then(
          () => {
            setError(null);
            onDone();
          },
          (err: unknown) => {
            // Already voted in another tab, or the window just closed: the page turns to the server's reason.
            if (err instanceof ApiError && err.status === 409) return void message.info(err.message);
            setError(err);
            return void message.warning(errorMessage(err));
          },
        ),
    });
  return (
    <div className="uh-ev-page uh-ev-ballot">
      {back}
      <PageHeader title={e.title} subtitle={`请在 ${momentLabel(e.closesAt)} 前提交`} />
      {e.description ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{e.description}</Typography.Paragraph> : null}
      <Alert type="info" showIcon title={`无记名测评。请对每位测评对象逐项选择等次，并给出总体评价。${ANONYMITY}`} style={{ marginBottom: 12 }} />
      <div className="uh-ev-targets">
        {e.targets.map((t, i) => (
          <div key={t.key} id={`ballot-${t.key}`}>
            <TargetBallotCard evaluation={e} index={i} target={t} rating={ballot[t.key]} onChange={(r) => setBallot((b) => ({ ...b, [t.key]: r }))} />
          </div>
        ))}
      </div>
      {error ? <ErrorAlert error={error} style={{ marginTop: 12, marginBottom: 0 }} /> : null}
      <div className="uh-ev-submitbar" data-testid="ballot-submitbar">
        <div className="uh-ev-submit-progress">
          <span data-testid="ballot-progress">
            已完成 {done}/{total} 人
          </span>
          {firstOpen ? (
            <Button type="link" size="small" onClick={() => document.getElementById(`ballot-${firstOpen.key}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}>
              继续填写
            </Button>
          ) : null}
        </div>
        <Button type="primary" size="large" disabled={!isComplete} loading={cast.isPending} onClick={confirm} data-testid="ballot-submit">
          提交测评
        </Button>
      </div>
    </div>
  );
}

/**
 * 测评 (/evaluations/:id/vote), on the voter's phone: the ballot while the voter may vote, else the reason why not
 * (already voted, not yet open, over, not on the roll), and a done state after submitting.
 */
export function BallotPage() {
  const { id = '' } = useParams();
  const detail = useEvaluation(id);
  const [isDone, setDone] = useState(false);
  if (detail.isPending) return <PageLoading />;
  if (detail.error) {
    return (
      <div className="uh-ev-page">
        {back}
        <PageHeader title="民主测评" />
        <ErrorAlert error={detail.error} />
      </div>
    );
  }
  const e = detail.data;
  if (isDone) return <Done evaluation={e} />;
  if (!e.can.vote) return <NoBallot evaluation={e} />;
  return <BallotForm evaluation={e} onDone={() => setDone(true)} />;
}
