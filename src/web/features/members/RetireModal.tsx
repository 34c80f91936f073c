import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { App, DatePicker, Form, Input, Modal, Switch, type ButtonProps } from 'antd';
import { api } from '../../lib/api';
import { useFormError } from '../../components';
import { LIMITS } from '../../../contracts/limits';
import type { MemberView } from './member-types';

interface Values {
  onDate: Dayjs;
  keepMembership: boolean;
  note?: string;
}

interface Props {
  member: MemberView;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** 办理退休: records the retirement date and whether membership is kept (保留会籍, the usual case). */
export function RetireModal({ member, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const retire = useMutation({
    mutationFn: (v: Values) =>
      api.send<MemberView>('POST', `/members/${member.id}/retire`, {
        onDate: v.onDate.format('YYYY-MM-DD'),
        keepMembership: v.keepMembership,
        note: v.note?.trim() || null,
      }),
    onSuccess: () => {
      message.success(`已为 ${member.name} 办理退休`);
      onDone();
      onClose();
    },
    onError: formError.onError,
  });

  return (
    <Modal
      title={`办理退休：${member.name}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认办理"
      okButtonProps={{ loading: retire.isPending, 'data-testid': 'retire-confirm' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ onDate: dayjs(), keepMembership: true }}
        onFinish={(v) => {
          formError.clear();
          retire.mutate(v);
        }}
      >
        {formError.alert}
        <Form.Item name="onDate" label="退休日期" rules={[{ required: true, message: '请选择退休日期' }]}>
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item
          name="keepMembership"
          label="保留会籍"
          valuePropName="checked"
          extra="保留会籍的退休会员继续享受会员福利和慰问，但不参加工会选举的投票和被选举。"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={LIMITS.noteMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
