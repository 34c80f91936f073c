import type { ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { App, DatePicker, Form, Input, Modal, type ButtonProps } from 'antd';
import { api } from '../../lib/api';
import { useFormError } from '../../components';
import { LIMITS } from '../../../contracts/limits';
import type { MemberView } from './member-types';

/** What every member action form holds: the date it takes effect and an optional note. */
export interface ActionValues {
  onDate: Dayjs;
  note?: string;
}

/** The common props of a modal that records an action on a member file. */
export interface MemberActionProps {
  member: MemberView;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

interface Props<V extends ActionValues> extends MemberActionProps {
  /** The action's route under /members/:id/, e.g. 'retire'. */
  action: string;
  title: string;
  okText: string;
  isDanger?: boolean;
  testId: string;
  dateLabel: string;
  successText: string;
  intro?: ReactNode;
  initialValues?: Partial<V>;
  /** The action's own fields (before the date), and how they go into the request body. */
  fields?: ReactNode;
  extraBody?: (values: V) => Record<string, unknown>;
}

/**
 * A modal that records an action on a member (办理退休, 办理转出): its own fields, the date it takes effect and a
 * note; server errors land under the fields; on success the file is refreshed.
 */
export function MemberActionModal<V extends ActionValues>(props: Props<V>) {
  const { member, open, onClose, onDone } = props;
  const [form] = Form.useForm<V>();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const mutation = useMutation({
    mutationFn: (v: V) =>
      api.send<MemberView>('POST', `/members/${member.id}/${props.action}`, {
        ...props.extraBody?.(v),
        onDate: v.onDate.format('YYYY-MM-DD'),
        note: v.note?.trim() || null,
      }),
    onSuccess: () => {
      message.success(props.successText);
      onDone();
      onClose();
    },
    onError: formError.onError,
  });

  return (
    <Modal
      title={`${props.title}：${member.name}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={props.okText}
      okButtonProps={{ danger: props.isDanger, loading: mutation.isPending, 'data-testid': props.testId } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      {props.intro}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={{ onDate: dayjs(), ...props.initialValues } as never}
        onFinish={(v) => {
          formError.clear();
          mutation.mutate(v);
        }}
      >
        {formError.alert}
        {props.fields}
        <Form.Item name="onDate" label={props.dateLabel} rules={[{ required: true, message: `请选择${props.dateLabel}` }]}>
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={LIMITS.noteMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
