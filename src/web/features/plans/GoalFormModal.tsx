import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, type ButtonProps } from 'antd';
import { PLAN_LIMITS } from '../../../contracts/plans';
import type { Comparator, GoalMetric } from '../../../domain/goal-metrics';
import { api } from '../../lib/api';
import { useFormError } from '../../components';
import { asMetric, goalMetricBody, targetForInput } from './goal-format';
import { GoalMetricFields } from './GoalMetricFields';
import type { PlanGoal } from './plan-types';

interface Values {
  text: string;
  metric?: GoalMetric | null;
  comparator?: Comparator | null;
  target?: number | null;
}

interface Props {
  planId: string;
  open: boolean;
  /** The goal to edit; null to add one. */
  goal: PlanGoal | null;
  onClose: () => void;
}

/** 添加目标 / 编辑目标: the sentence, and optionally the metric it is measured by with comparator and target. */
export function GoalFormModal({ planId, open, goal, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const formError = useFormError(form);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { text: v.text.trim(), ...goalMetricBody(v) };
      return goal ? api.send('PATCH', `/plans/${planId}/goals/${goal.id}`, body) : api.send('POST', `/plans/${planId}/goals`, body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['plans'] });
      message.success(goal ? '目标已保存' : '目标已添加');
      onClose();
    },
    onError: formError.onError,
  });
  return (
    <Modal
      title={goal ? '编辑目标' : '添加目标'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      okButtonProps={{ loading: save.isPending, 'data-testid': 'goal-save' } as ButtonProps}
      destroyOnHidden
      width={600}
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form<Values>
        // Each opening starts from its own initial values, not from what the last opening left behind.
        clearOnDestroy
        form={form}
        layout="vertical"
        initialValues={
          goal
            ? { text: goal.text, metric: asMetric(goal.metric), comparator: goal.comparator, target: targetForInput(goal.target, goal.metric) }
            : { text: '', metric: null, comparator: null, target: null }
        }
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
        data-testid="goal-form"
      >
        {formError.alert}
        <Form.Item name="text" label="目标" rules={[{ required: true, whitespace: true, message: '请填写目标内容' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={PLAN_LIMITS.goalTextMax} placeholder="如 教职工文体活动参与率不低于85%" data-testid="goal-text" />
        </Form.Item>
        <GoalMetricFields hasLabels />
      </Form>
    </Modal>
  );
}
