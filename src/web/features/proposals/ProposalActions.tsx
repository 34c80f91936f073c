import { useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PROPOSAL_LIMITS, SIGNER_STATUS_LABELS } from '../../../contracts/proposals';
import { errorMessage } from '../../components';
import { hasEnoughCosigners, refusalReasons } from './proposal-format';
import type { ProposalDetail } from './proposal-types';
import { useCosign, useSubmitProposal, useWithdrawProposal } from './use-proposals';

/**
 * The refusal to take a draft as a proposal: every reason on its own line, and 作为意见建议提交 — an opinion goes to
 * the committee but is not numbered or assigned as a proposal.
 */
function SubmitRefusal({ reasons, isSaving, onOpinion }: { reasons: string[]; isSaving: boolean; onOpinion: () => void }) {
  return (
    <div className="uh-prop-refusal" data-testid="proposal-submit-refusal">
      <Alert
        type="warning"
        showIcon
        title="现在不能作为提案提交："
        description={
          <ul className="uh-prop-reasons">
            {reasons.map((r) => (
              <li key={r} data-testid="proposal-refusal-reason">
                {r}
              </li>
            ))}
          </ul>
        }
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
        可以等附议人确认后再提交；也可以现在作为意见建议提交，由提案工作委员会转有关部门参考，不再立案编号。
      </Typography.Paragraph>
      <Button size="large" onClick={onOpinion} loading={isSaving} data-testid="proposal-submit-opinion">
        作为意见建议提交
      </Button>
    </div>
  );
}

/** The proposer's draft: 修改, 提交 (with the refusal and the opinion route), 撤回 (also after submitting, before review). */
export function ProposerActions({ p }: { p: ProposalDetail }) {
  const { message, modal } = App.useApp();
  const submit = useSubmitProposal(p.id);
  const withdraw = useWithdrawProposal(p.id);
  const [reasons, setReasons] = useState<string[] | null>(null);
  const [isWithdrawing, setWithdrawing] = useState(false);
  const [withdrawReason, setWithdrawReason] = useState('');

  const send = (asOpinion: boolean) =>
    submit.mutate(
      { asOpinion },
      {
        onSuccess: (done) => {
          setReasons(null);
          const isOpinion = done.submission?.kind === 'opinion';
          void message.success(isOpinion ? '已作为意见建议提交' : '已提交，等待提案工作委员会审查');
        },
        onError: (e) => {
          const why = refusalReasons(e);
          if (why) setReasons(why);
          else void message.error(errorMessage(e));
        },
      },
    );
  const confirmSubmit = () =>
    modal.confirm({
      title: '提交这件提案？',
      content: hasEnoughCosigners(p.cosigners) ? '提交后不能再修改，由提案工作委员会审查。' : `已确认的附议人不足 ${p.cosigners.required} 人，系统会说明原因。`,
      okText: '提交',
      cancelText: '再看看',
      onOk: () => send(false),
    });

  return (
    <>
      {reasons ? <SubmitRefusal reasons={reasons} isSaving={submit.isPending} onOpinion={() => send(true)} /> : null}
      <div className="uh-prop-actions">
        {p.can.submit ? (
          <Button type="primary" size="large" onClick={confirmSubmit} loading={submit.isPending && !reasons} data-testid="proposal-submit">
            提交
          </Button>
        ) : null}
        {p.can.edit ? (
          <Link to={`/proposals/${p.id}/edit`}>
            <Button size="large" data-testid="proposal-edit">
              修改
            </Button>
          </Link>
        ) : null}
        {p.can.withdraw ? (
          <Button size="large" danger onClick={() => setWithdrawing(true)} data-testid="proposal-withdraw">
            撤回
          </Button>
        ) : null}
      </div>
      <Modal
        title="撤回提案"
        open={isWithdrawing}
        onCancel={() => setWithdrawing(false)}
        okText="撤回"
        cancelText="不撤回"
        okButtonProps={{ danger: true, loading: withdraw.isPending }}
        onOk={() =>
          withdraw.mutate(
            { reason: withdrawReason.trim() },
            {
              onSuccess: () => {
                setWithdrawing(false);
                void message.success('已撤回');
              },
              onError: (e) => void message.error(errorMessage(e)),
            },
          )
        }
        destroyOnHidden
      >
        <Typography.Paragraph>撤回后提案不再办理，也不能恢复。</Typography.Paragraph>
        <Input.TextArea rows={2} value={withdrawReason} onChange={(e) => setWithdrawReason(e.target.value)} maxLength={PROPOSAL_LIMITS.reasonMax} placeholder="撤回理由（可不填）" />
      </Modal>
    </>
  );
}

/** An invited co-signer: 确认附议 / 不同意, and where they stand (they may change their mind until it is submitted). */
export function CosignerActions({ p }: { p: ProposalDetail }) {
  const { message } = App.useApp();
  const cosign = useCosign();
  const status = p.mySignerStatus;
  const answer = (decision: 'confirm' | 'decline') =>
    cosign.mutate(
      { id: p.id, decision },
      { onSuccess: () => void message.success(decision === 'confirm' ? '已确认附议' : '已谢绝附议'), onError: (e) => void message.error(errorMessage(e)) },
    );
  return (
    <Card size="small" title="附议" data-testid="proposal-cosign-card">
      <Typography.Paragraph style={{ marginTop: 0 }}>
        {status === 'invited'
          ? `${p.proposer.name}请您附议这件提案。请看过内容后确认或谢绝。`
          : `您${status === 'confirmed' ? '已确认附议' : '已谢绝附议'}。提交之前还可以改变主意。`}
      </Typography.Paragraph>
      <div className="uh-prop-actions">
        {status !== 'confirmed' ? (
          <Button type="primary" size="large" onClick={() => answer('confirm')} loading={cosign.isPending && cosign.variables?.decision === 'confirm'} data-testid="proposal-cosign-confirm">
            确认附议
          </Button>
        ) : null}
        {status !== 'declined' ? (
          <Button size="large" onClick={() => answer('decline')} loading={cosign.isPending && cosign.variables?.decision === 'decline'} data-testid="proposal-cosign-decline">
            不同意
          </Button>
        ) : null}
      </div>
      {status ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 13 }}>
          当前：{SIGNER_STATUS_LABELS[status]}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
