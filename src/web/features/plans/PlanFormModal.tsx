import { useMemo, useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { App, DatePicker, Form, Input, Modal, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { todayInShanghai } from '../../../domain/dates';
import { PLAN_LIMITS } from '../../../contracts/plans';
import { api } from '../../lib/api';
import { useFormError } from '../../components';
import { defaultPeriod, suggestedTitle } from './period';
import { planHeadBody, rangeOf, withPlanFormPaths, type PlanHeadValues } from './plan-form-values';
import type { PlanDetail } from './plan-types';
import { PeriodFields } from './PeriodFields';

interface Props {
  open: boolean;
  /** The plan to edit (标题、期间、落款日期); left out, the modal creates a new, empty plan. */
  plan?: PlanDetail;
  onClose: () => void;
}

/** 新建计划 (then opens it) or 编辑 a plan's head: title, period and the date line printed under it. */
export function PlanFormModal({ open, plan, onClose }: Props) {
  const [form] = Form.useForm<PlanHeadValues>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const formError = useFormError(form);
  // The title follows the period until the user types one of their own.
  const lastSuggestion = useRef<string>('');

  // Computed once per opening: the form reads its initial values only when it mounts.
  const initialValues = useMemo((): PlanHeadValues => {
    if (plan) {
      return { title: plan.title, periodKind: plan.periodKind, period: rangeOf(plan.periodStart, plan.periodEnd), planDate: plan.planDate ? dayjs(plan.planDate) : null };
    }
    const p = defaultPeriod('school_year', todayInShanghai());
    lastSuggestion.current = suggestedTitle('school_year', p);
    return { title: lastSuggestion.current, periodKind: 'school_year', period: rangeOf(p.start, p.end), planDate: null };
    // `open` is a dependency on purpose: each opening starts from fresh defaults.
  }, [plan, open]);

  const followPeriod = () => {
    if (plan) return;
    const v = form.getFieldsValue();
    if (!v.period) return;
    const next = suggestedTitle(v.periodKind, { start: v.period[0].format('YYYY-MM-DD'), end: v.period[1].format('YYYY-MM-DD') });
    if (!v.title || v.title === lastSuggestion.current) form.setFieldValue('title', next);
    lastSuggestion.current = next;
  };

  const save = useMutation({
    mutationFn: (v: PlanHeadValues) =>
      plan ? api.send<PlanDetail>('PATCH', `/plans/${plan.id}`, planHeadBody(v)) : api.send<PlanDetail>('POST', '/plans', planHeadBody(v)),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['plans'] });
      void client.invalidateQueries({ queryKey: ['calendar', 'items'] });
      message.success(plan ? '已保存' : '计划已建立，可以开始填写正文、目标和工作安排');
      onClose();
      if (!plan && saved?.id) navigate(`/plans/${saved.id}`);
    },
    onError: (e) => formError.onError(withPlanFormPaths(e)),
  });

  return (
    <Modal
      title={plan ? '编辑计划信息' : '新建计划'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={plan ? '保存' : '建立'}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'plan-form-save' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form<PlanHeadValues>
        // Each opening starts from its own initial values, not from what the last opening left behind.
        clearOnDestroy
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
        data-testid="plan-form"
      >
        {formError.alert}
        <PeriodFields form={form} isFollowingKind={!plan} onPeriodChange={followPeriod} />
        <Form.Item name="title" label="计划标题" rules={[{ required: true, whitespace: true, message: '请填写计划标题' }]}>
          <Input maxLength={PLAN_LIMITS.titleMax} data-testid="plan-title" />
        </Form.Item>
        <Form.Item name="planDate" label="落款日期" extra="印在计划末尾的日期，可不填">
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
