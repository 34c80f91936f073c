import { App, Form, Input, Modal, Radio, Typography, type ButtonProps } from 'antd';
import { CARE_LIMITS } from '../../../contracts/care';
import { useFormError } from '../../components';
import type { CareEventDetail } from './care-types';
import { useCloseEvent } from './use-care';

const COMMON_REASONS = ['已由学校慰问', '登记有误', '会员不需要慰问'];
const OTHER = '其他';

/** 关闭事由: asks why (a common reason or one's own words); a closed event leaves the 待慰问 list. */
export function CloseEventModal({ event, open, onClose }: { event: CareEventDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ choice: string; other: string }>();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const close = useCloseEvent(event.id);
  const choice = Form.useWatch('choice', form);
  return (
    <Modal
      title="关闭事由"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="关闭事由"
      cancelText="不关闭"
      okButtonProps={{ loading: close.isPending, 'data-testid': 'care-close-confirm' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Typography.Paragraph>
        关闭后，{event.member.name}的“{event.type.name}”不再列入待慰问，也不计入逾期。已有的慰问记录保留。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ choice: COMMON_REASONS[0], other: '' }}
        clearOnDestroy
        onFinish={(v) => {
          const reason = v.choice === OTHER ? v.other.trim() : v.choice;
          close.mutate(reason, {
            onSuccess: () => {
              void message.success('已关闭事由');
              onClose();
            },
            onError: formError.onError,
          });
        }}
      >
        {formError.alert}
        <Form.Item name="choice" label="关闭原因">
          <Radio.Group options={[...COMMON_REASONS, OTHER].map((r) => ({ value: r, label: r }))} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
        </Form.Item>
        {choice === OTHER ? (
          <Form.Item name="other" rules={[{ required: true, whitespace: true, message: '请填写关闭原因' }]}>
            <Input.TextArea rows={2} maxLength={CARE_LIMITS.reasonMax} showCount placeholder="请写明原因" data-testid="care-close-reason" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
