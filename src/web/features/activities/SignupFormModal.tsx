import { Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { ACTIVITY_LIMITS } from '../../../contracts/activities';
import { useFormError } from '../../components';
import type { RegistrationView, SignupField } from './activity-types';
import { useSignUp } from './use-activities';

interface SignupFormValues {
  answers?: Record<string, string | undefined>;
}

/** Short options read best as radio buttons; long or many ones as a drop-down. */
const isRadioFriendly = (f: SignupField) => f.options.length <= 5 && f.options.every((o) => o.length <= 8);

/** The input for one sign-up field: a choice as radio buttons or a drop-down, text as a line of input. */
function FieldInput({ field, value, onChange }: { field: SignupField; value?: string; onChange?: (v: string) => void }) {
  if (field.type === 'text') {
    return <Input value={value} onChange={(e) => onChange?.(e.target.value)} maxLength={ACTIVITY_LIMITS.answerMax} placeholder={`请填写${field.label}`} />;
  }
  if (isRadioFriendly(field)) return <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as string)} options={field.options} />;
  return <Select value={value} onChange={onChange} options={field.options.map((o) => ({ value: o, label: o }))} placeholder="请选择" allowClear={!field.required} />;
}

/**
 * 报名 with the activity's own questions (项目, 尺码 …): required ones are marked, and the server's problems
 * land on the field they name ("answers.size").
 */
export function SignupFormModal({
  activityId,
  title,
  fields,
  initialAnswers,
  isFull,
  open,
  onClose,
  onDone,
}: {
  activityId: string;
  title: string;
  fields: SignupField[];
  initialAnswers: Record<string, string>;
  isFull: boolean;
  open: boolean;
  onClose: () => void;
  onDone: (view: RegistrationView) => void;
}) {
  const [form] = Form.useForm<SignupFormValues>();
  const signUp = useSignUp(activityId);
  const formError = useFormError(form);

  const submit = (values: SignupFormValues) => {
    formError.clear();
    const answers: Record<string, string> = {};
    for (const [key, value] of Object.entries(values.answers ?? {})) if (value && value.trim()) answers[key] = value.trim();
    signUp.mutate(answers, {
      onSuccess: (view) => {
        onDone(view);
        onClose();
      },
      onError: formError.onError,
    });
  };

  return (
    <Modal
      open={open}
      title={`报名：${title}`}
      okText={isFull ? '提交（加入候补）' : '提交报名'}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={signUp.isPending}
      destroyOnHidden
      data-testid="signup-form"
    >
      {isFull ? (
        <Typography.Paragraph type="warning">名额已满，提交后将进入候补名单，有人取消时按顺序递补。</Typography.Paragraph>
      ) : null}
      {formError.alert}
      <Form<SignupFormValues> form={form} layout="vertical" initialValues={{ answers: initialAnswers }} onFinish={submit} preserve={false}>
        {fields.map((f) => (
          <Form.Item
            key={f.key}
            name={['answers', f.key]}
            label={f.label}
            required={f.required}
            rules={f.required ? [{ required: true, whitespace: true, message: f.type === 'choice' ? `请选择“${f.label}”` : `请填写“${f.label}”` }] : []}
          >
            <FieldInput field={f} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
