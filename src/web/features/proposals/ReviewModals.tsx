import { App, Alert, Form, Input, Modal, Radio, Select, Typography, type ButtonProps } from 'antd';
import { PROPOSAL_LIMITS } from '../../../contracts/proposals';
import { useFormError } from '../../components';
import { proposalName } from './proposal-format';
import type { ProposalDetail } from './proposal-types';
import { useMergeProposals, useProposalList, useReviewProposal } from './use-proposals';

type Decision = 'accept' | 'convert' | 'reject';
const DECISIONS: { value: Decision; label: string; hint: string }[] = [
  { value: 'accept', label: '立案', hint: '按本次会议的顺序编号，之后交办承办部门' },
  { value: 'convert', label: '转为意见建议', hint: '不立案，作为意见建议处理' },
  { value: 'reject', label: '不予立案', hint: '须写明理由，提案人会收到通知' },
];

/** 审查: 立案 (numbered), 转为意见建议, or 不予立案 with the reason the proposer will read. */
export function ReviewModal({ proposal: p, open, onClose }: { proposal: ProposalDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ decision: Decision; reason: string }>();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const review = useReviewProposal(p.id);
  const decision = Form.useWatch('decision', form);
  const isOpinion = p.kind === 'opinion';
  return (
    <Modal
      title={`审查：${p.title}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ loading: review.isPending, 'data-testid': 'proposal-review-ok' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      {isOpinion ? <Alert type="info" showIcon title="这是意见建议，不能立案" style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decision: isOpinion ? 'convert' : 'accept', reason: '' }}
        clearOnDestroy
        onFinish={(v) =>
          review.mutate(
            { decision: v.decision, reason: (v.reason ?? '').trim() },
            {
              onSuccess: (done) => {
                void message.success(v.decision === 'accept' ? `已立案，编号第${done.number}号` : `已${DECISIONS.find((d) => d.value === v.decision)!.label}`);
                onClose();
              },
              onError: formError.onError,
            },
          )
        }
      >
        {formError.alert}
        <Form.Item name="decision" label="处理意见">
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="proposal-review-decision">
            {DECISIONS.map((d) => (
              <Radio key={d.value} value={d.value} disabled={isOpinion && d.value === 'accept'}>
                {d.label}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                  {d.hint}
                </Typography.Text>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={decision === 'reject' ? '不予立案的理由' : '审查意见（可不填）'}
          rules={decision === 'reject' ? [{ required: true, whitespace: true, message: '请填写不予立案的理由' }] : []}
        >
          <Input.TextArea rows={3} maxLength={PROPOSAL_LIMITS.reasonMax} showCount placeholder={decision === 'reject' ? '如 属于个人诉求，不属于提案范围' : undefined} data-testid="proposal-review-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 并案: other proposals of the same session waiting for review, folded into this one; their proposers join it. */
export function MergeModal({ proposal: p, open, onClose }: { proposal: ProposalDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ sourceIds: string[] }>();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const merge = useMergeProposals(p.id);
  const waiting = useProposalList({ sessionId: p.session.id, status: 'submitted', kind: 'proposal', page: 1 }, open);
  const options = (waiting.data?.items ?? []).filter((o) => o.id !== p.id).map((o) => ({ value: o.id, label: `${o.title}（${o.proposer.name}）` }));
  return (
    <Modal
      title={`并案：并入“${p.title}”`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="并案"
      cancelText="取消"
      okButtonProps={{ loading: merge.isPending, disabled: options.length === 0, 'data-testid': 'proposal-merge-ok' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Typography.Paragraph>
        把内容相同或相近的提案并入本提案{p.status === 'submitted' ? '（本提案随之立案）' : `（${proposalName(p)}）`}。被并入提案的提案人成为本提案的联名提案人，原提案不再单独办理。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ sourceIds: [] }}
        clearOnDestroy
        onFinish={(v) =>
          merge.mutate(
            { sourceIds: v.sourceIds },
            {
              onSuccess: () => {
                void message.success(`已并入 ${v.sourceIds.length} 件提案`);
                onClose();
              },
              onError: formError.onError,
            },
          )
        }
      >
        {formError.alert}
        <Form.Item name="sourceIds" label="并入的提案" rules={[{ required: true, message: '请选择要并入的提案' }]} extra="同一次会议、待审查的提案">
          <Select
            mode="multiple"
            options={options}
            loading={waiting.isPending}
            placeholder={waiting.isPending ? '正在加载…' : options.length ? '请选择' : '没有其他待审查的提案'}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="proposal-merge-sources"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
