import { App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { PROPOSAL_LIMITS, RATING_LABELS, RATINGS, type Rating } from '../../../contracts/proposals';
import { useFormError } from '../../components';
import { ratingHint } from './proposal-format';
import type { ProposalDetail } from './proposal-types';
import { useRateProposal } from './use-proposals';

/**
 * 评价 the current round's reply: 满意 / 基本满意 / 不满意 as three big buttons and a comment, with what the choice
 * does (the proposer's 不满意 in round 1 sends it back for a second reply; otherwise it closes).
 */
export function RateForm({ proposal: p }: { proposal: ProposalDetail }) {
  const [form] = Form.useForm<{ rating: Rating; comment: string }>();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const rate = useRateProposal(p.id);
  const rating = Form.useWatch('rating', form);
  const isProposer = p.myRoles.includes('proposer');
  return (
    <Card size="small" title={p.round === 2 ? '评价第二轮答复' : '评价答复'} id="rate" data-testid="proposal-rate-card">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {ratingHint(p)}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ comment: '' }}
        onFinish={(v) =>
          rate.mutate(
            { rating: v.rating, comment: (v.comment ?? '').trim() },
            {
              onSuccess: (done) => {
                const moved = done.status === 'closed' ? '，提案办结' : done.status === 'assigned' ? '，提案退回承办部门再次办理' : '';
                const text = `已评价${isProposer ? moved : ''}`;
                void message.success(text);
              },
              onError: formError.onError,
            },
          )
        }
      >
        {formError.alert}
        <Form.Item name="rating" rules={[{ required: true, message: '请选择满意、基本满意或不满意' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" size="large" className="uh-prop-rating" data-testid="proposal-rating">
            {RATINGS.map((r) => (
              <Radio.Button key={r} value={r}>
                {RATING_LABELS[r]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {isProposer && rating === 'unsatisfied' && p.round === 1 ? (
          <Typography.Paragraph type="warning">提案将退回承办部门再次办理。请写明哪里不满意，便于承办部门改进。</Typography.Paragraph>
        ) : null}
        <Form.Item name="comment" label={rating === 'unsatisfied' ? '意见' : '意见（可不填）'}>
          <Input.TextArea rows={3} maxLength={PROPOSAL_LIMITS.commentMax} showCount data-testid="proposal-rate-comment" />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" loading={rate.isPending} block data-testid="proposal-rate-save">
          提交评价
        </Button>
      </Form>
    </Card>
  );
}
