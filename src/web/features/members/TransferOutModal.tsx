import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { App, DatePicker, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { api } from '../../lib/api';
import { useFormError } from '../../components';
import { LIMITS } from '../../../contracts/limits';
import type { MemberView } from './member-types';

interface Values {
  onDate: Dayjs;
  toOrgName: string;
  note?: string;
}

interface Props {
  member: MemberView;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** 办理转出: the member leaves for another union; the file stays on record, marked 已转出. */
export function TransferOutModal({ member, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const transfer = useMutation({
    mutationFn: (v: Values) =>
      api.send<MemberView>('POST', `/members/${member.id}/transfer-out`, {
        onDate: v.onDate.format('YYYY-MM-DD'),
        toOrgName: v.toOrgName.trim(),
        note: v.note?.trim() || null,
      }),
    onSuccess: () => {
      message.success(`已为 ${member.name} 办理转出`);
      onDone();
      onClose();
    },
    onError: formError.onError,
  });

  return (
    <Modal
      title={`办理转出：${member.name}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认转出"
      okButtonProps={{ danger: true, loading: transfer.isPending, 'data-testid': 'transfer-out-confirm' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Typography.Paragraph type="secondary">
        转出后该会员的会籍状态变为“已转出”，档案和变动记录仍保留在本会。
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ onDate: dayjs() }}
        onFinish={(v) => {
          formError.clear();
          transfer.mutate(v);
        }}
      >
        {formError.alert}
        <Form.Item name="toOrgName" label="转入单位" rules={[{ required: true, whitespace: true, message: '请填写转入单位' }]}>
          <Input maxLength={LIMITS.orgNameMax} placeholder="如 示例第二中学工会" />
        </Form.Item>
        <Form.Item name="onDate" label="转出日期" rules={[{ required: true, message: '请选择转出日期' }]}>
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={LIMITS.noteMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
