import { useState } from 'react';
import { App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { PROPOSAL_LIMITS, RESULT_CODE_LABELS, RESULT_CODES, type ResultCode } from '../../../contracts/proposals';
import { errorMessage, useFormError } from '../../components';
import { dayText } from './proposal-format';
import type { ProposalDetail } from './proposal-types';
import { FilePicker } from './ProposalFiles';
import { useReplyProposal } from './use-proposals';

/** What each result code commits the department to, under its name. */
const RESULT_HINTS: Record<ResultCode, string> = {
  A: '问题已经解决或建议已经采纳落实',
  B: '正在解决，或已列入工作计划（请写明时间安排）',
  C: '目前条件不具备，条件成熟后解决（请说明原因）',
  D: '暂不能采纳，留作今后工作参考（请说明原因）',
};

/**
 * 答复 by the lead department of the current round: the result code A–D, the reply text, and attachments (a
 * plan, a photo of the work done). In round 2 the proposer's 不满意 and their comment come first.
 */
export function ReplyForm({ proposal: p }: { proposal: ProposalDetail }) {
  const [form] = Form.useForm<{ resultCode: ResultCode; text: string }>();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const reply = useReplyProposal(p.id);
  const [files, setFiles] = useState<File[]>([]);
  const complaint = p.round === 2 ? p.ratings.find((r) => r.round === 1 && r.isProposer) : undefined;
  return (
    <Card size="small" title={p.round === 2 ? '第二轮答复' : '答复提案'} id="reply" data-testid="proposal-reply-card">
      {complaint ? (
        <Typography.Paragraph type="warning" style={{ marginTop: 0 }}>
          提案人对第一轮答复不满意{complaint.comment ? `：${complaint.comment}` : ''}。请再次办理并答复，第二轮答复后提案人评价即办结。
        </Typography.Paragraph>
      ) : null}
      {p.replyDueOn ? (
        <Typography.Paragraph type={p.isOverdue ? 'danger' : 'secondary'} style={{ marginTop: 0 }}>
          请于 {dayText(p.replyDueOn)} 前答复{p.isOverdue ? `，已逾期 ${-(p.daysLeft ?? 0)} 天` : ''}
        </Typography.Paragraph>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          reply.mutate(
            { body: { resultCode: v.resultCode, text: v.text.trim() }, files, round: p.round },
            {
              onSuccess: ({ fileError }) => {
                void message.success('已答复，提案人会收到通知');
                if (fileError) void message.warning(`附件未能全部上传（${errorMessage(fileError)}），可在答复下重新上传`, 6);
                setFiles([]);
              },
              onError: formError.onError,
            },
          )
        }
      >
        {formError.alert}
        <Form.Item name="resultCode" label="答复结果" rules={[{ required: true, message: '请选择答复结果' }]}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 10 }} data-testid="proposal-reply-code">
            {RESULT_CODES.map((c) => (
              <Radio key={c} value={c}>
                <strong>
                  {c} {RESULT_CODE_LABELS[c]}
                </strong>
                <div className="uh-prop-hint">{RESULT_HINTS[c]}</div>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="text" label="答复内容" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}>
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={PROPOSAL_LIMITS.replyMax} showCount data-testid="proposal-reply-text" />
        </Form.Item>
        <Form.Item label="附件（可不选）">
          <FilePicker files={files} onChange={setFiles} testId="proposal-reply-files" />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" loading={reply.isPending} data-testid="proposal-reply-save">
          提交答复
        </Button>
      </Form>
    </Card>
  );
}
