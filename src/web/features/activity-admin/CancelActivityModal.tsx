import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { ACTIVITY_LIMITS } from '../../../contracts/activities';
import { api } from '../../lib/api';
import { useFormError } from '../../components';
import type { ActivityDetail } from './activity-admin-types';
import { useRefreshActivities } from './use-activity-admin';

/** 取消活动: asks for the reason, which everyone signed up receives with the notice. */
export function CancelActivityModal({ activity, open, onClose }: { activity: ActivityDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const refresh = useRefreshActivities();
  const cancel = useMutation({
    mutationFn: (v: { reason: string }) => api.send<ActivityDetail>('POST', `/activities/${activity.id}/cancel`, { reason: v.reason.trim() }),
    onSuccess: () => {
      void refresh();
      message.success(`已取消活动：${activity.title}`);
      onClose();
    },
    onError: formError.onError,
  });
  const signedUp = (activity.figures?.confirmed ?? 0) + (activity.figures?.waitlisted ?? 0) + (activity.figures?.pending ?? 0);
  return (
    <Modal
      title="取消活动"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认取消活动"
      cancelText="不取消"
      okButtonProps={{ danger: true, loading: cancel.isPending, 'data-testid': 'activity-cancel-confirm' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Typography.Paragraph>
        取消“{activity.title}”后，活动不再接受报名和签到{signedUp > 0 ? `，已报名和候补的 ${signedUp} 人会收到取消通知和原因` : ''}。此操作不能撤销。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" clearOnDestroy onFinish={(v) => cancel.mutate(v)}>
        {formError.alert}
        <Form.Item name="reason" label="取消原因" rules={[{ required: true, whitespace: true, message: '请填写取消原因' }]}>
          <Input.TextArea rows={3} maxLength={ACTIVITY_LIMITS.cancelReasonMax} showCount placeholder="如 因天气原因，活动取消，另行通知" data-testid="activity-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
