import { useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { App, DatePicker, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { PLAN_LIMITS } from '../../../contracts/plans';
import { copiedTitle, monthsBetween } from '../../../domain/plan-period';
import { api } from '../../lib/api';
import { useFormError } from '../../components';
import { nextPeriod, periodLabel } from './period';
import { rangeOf, withPlanFormPaths } from './plan-form-values';
import type { PlanDetail, PlanSummary } from './plan-types';

interface Values {
  title: string;
  period: [Dayjs, Dayjs];
}

/**
 * 复制为新计划: a new plan from an old one for the period asked here; the server copies the text, goals and
 * schedule and moves the schedule's dates to the new period.
 */
export function PlanCopyModal({ plan, onClose }: { plan: PlanSummary | PlanDetail | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const formError = useFormError(form);
  const lastPeriod = useRef<string | null>(null);
  const next = plan ? nextPeriod(plan.periodKind, plan.periodStart, plan.periodEnd) : null;
  // The title follows the chosen period (years moved on) until the user types one of their own.
  const titleFor = (start: string) => (plan ? copiedTitle(plan.title, monthsBetween(plan.periodStart, start), PLAN_LIMITS.titleMax) : '');

  const copy = useMutation({
    mutationFn: (v: Values) =>
      api.send<PlanDetail>('POST', `/plans/${plan!.id}/copy`, {
        title: v.title.trim(),
        periodStart: v.period[0].format('YYYY-MM-DD'),
        periodEnd: v.period[1].format('YYYY-MM-DD'),
      }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['plans'] });
      void client.invalidateQueries({ queryKey: ['calendar', 'items'] });
      message.success('已复制为新计划，请检查工作安排的日期');
      onClose();
      if (saved?.id) navigate(`/plans/${saved.id}`);
    },
    onError: (e) => formError.onError(withPlanFormPaths(e)),
  });

  return (
    <Modal
      title="复制为新计划"
      open={plan !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="复制"
      okButtonProps={{ loading: copy.isPending, 'data-testid': 'plan-copy-confirm' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      {plan && next ? (
        <>
          <Typography.Paragraph type="secondary">
            以“{plan.title}”（{periodLabel(plan.periodKind, plan.periodStart, plan.periodEnd)}）为底稿，复制正文、目标和工作安排；工作安排的日期按新期间顺延。原计划保持不变。
          </Typography.Paragraph>
          <Form<Values>
            // Each opening starts from its own initial values, not from what the last opening left behind.
            clearOnDestroy
            form={form}
            layout="vertical"
            initialValues={{ title: titleFor(next.start), period: rangeOf(next.start, next.end) }}
            onValuesChange={(changed: Partial<Values>, all: Values) => {
              if (!changed.period || !all.period) return;
              const before = form.getFieldValue('title') as string;
              const suggestions = [titleFor(next.start), ...(lastPeriod.current ? [titleFor(lastPeriod.current)] : [])];
              if (suggestions.includes(before)) form.setFieldValue('title', titleFor(all.period[0].format('YYYY-MM-DD')));
              lastPeriod.current = all.period[0].format('YYYY-MM-DD');
            }}
            onFinish={(v) => {
              formError.clear();
              copy.mutate(v);
            }}
          >
            {formError.alert}
            <Form.Item name="period" label="新计划的起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
              <DatePicker.RangePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
            <Form.Item name="title" label="新计划标题" rules={[{ required: true, whitespace: true, message: '请填写计划标题' }]}>
              <Input maxLength={PLAN_LIMITS.titleMax} data-testid="plan-copy-title" />
            </Form.Item>
          </Form>
        </>
      ) : null}
    </Modal>
  );
}
