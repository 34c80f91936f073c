import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Radio, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { BENEFIT_FORM_LABELS, CARE_LIMITS, type BenefitForm } from '../../../contracts/care';
import { todayInShanghai } from '../../../domain/dates';
import { useFormError } from '../../components';
import { ApiError } from '../../lib/api';
import { formatYuanOr, parseYuan, yuanInput, yuanRule } from '../../lib/money';
import { useCan } from '../../lib/session';
import { capViolationsOf, dayText } from './care-format';
import type { BirthdayList, CapViolation } from './care-types';
import { CapRefusal } from './CapRefusal';
import { useGiveBirthdayBenefit } from './use-care';

type Birthday = BirthdayList['items'][number];

interface Values {
  item: string;
  amount: string;
  form: BenefitForm;
  givenOn: Dayjs;
}

/** The server names the amount `amountFen`; the form calls it `amount` (yuan). */
function withFormPaths(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError(error.status, error.code, error.message, error.fields.map((f) => (f.path === 'amountFen' ? { ...f, path: 'amount' } : f)), error.details);
}

/** 登记生日慰问: the item (e.g. 蛋糕券), its value within the birthday cap, the form and the day it was given. */
export function BirthdayBenefitModal({ birthday, rule, onClose }: { birthday: Birthday | null; rule: Pick<BirthdayList, 'capFen' | 'forms'>; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const give = useGiveBirthdayBenefit();
  const canOverride = useCan('care.override');
  const [violations, setViolations] = useState<CapViolation[] | null>(null);

  const submit = (v: Values, overrideReason?: string) => {
    if (!birthday) return;
    formError.clear();
    give.mutate(
      {
        memberId: birthday.memberId,
        year: Number(birthday.date.slice(0, 4)),
        item: v.item.trim(),
        amountFen: parseYuan(v.amount) ?? 0,
        form: v.form,
        givenOn: v.givenOn.format('YYYY-MM-DD'),
        ...(overrideReason ? { override: { reason: overrideReason } } : {}),
      },
      {
        onSuccess: () => {
          void message.success(`已登记${birthday.name}的生日慰问`);
          onClose();
        },
        onError: (e) => {
          const refused = capViolationsOf(e);
          if (refused) setViolations(refused);
          else formError.onError(withFormPaths(e));
        },
      },
    );
  };

  const initial: Values = {
    item: '生日蛋糕券',
    amount: yuanInput(rule.capFen),
    form: rule.forms.includes('voucher') ? 'voucher' : (rule.forms[0] ?? 'goods'),
    givenOn: dayjs(todayInShanghai()),
  };
  return (
    <Modal
      title={birthday ? `生日慰问：${birthday.name}` : '生日慰问'}
      open={birthday !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      cancelText="取消"
      okButtonProps={{ loading: give.isPending && !violations, 'data-testid': 'care-birthday-save' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => {
        if (!isOpen) {
          formError.clear();
          setViolations(null);
        }
      }}
    >
      {birthday ? (
        <Typography.Paragraph type="secondary">
          生日：{dayText(birthday.date)}
          {birthday.lunarText ? `（${birthday.lunarText}）` : ''}。本会标准：每人每年一次，不超过 {formatYuanOr(rule.capFen)}
          {rule.forms.length ? `，可发${rule.forms.map((f) => BENEFIT_FORM_LABELS[f]).join('、')}` : ''}。
        </Typography.Paragraph>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        clearOnDestroy
        onValuesChange={() => violations && setViolations(null)}
        onFinish={(v) => submit(v)}
      >
        {formError.alert}
        <Form.Item name="item" label="慰问品" rules={[{ required: true, whitespace: true, message: '请填写慰问品' }]}>
          <Input maxLength={CARE_LIMITS.goodsMax} placeholder="如 生日蛋糕券" data-testid="care-birthday-item" />
        </Form.Item>
        <Form.Item name="amount" label="金额" rules={[yuanRule('慰问金额', { isRequired: true })]}>
          <Input inputMode="decimal" suffix="元" data-testid="care-birthday-amount" />
        </Form.Item>
        <Form.Item name="form" label="发放形式" rules={[{ required: true, message: '请选择发放形式' }]}>
          <Radio.Group optionType="button" options={(['goods', 'cash', 'voucher'] as const).map((f) => ({ value: f, label: BENEFIT_FORM_LABELS[f] }))} />
        </Form.Item>
        <Form.Item name="givenOn" label="发放日期" rules={[{ required: true, message: '请选择发放日期' }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly allowClear={false} />
        </Form.Item>
      </Form>
      {violations ? (
        <CapRefusal violations={violations} canOverride={canOverride} isSaving={give.isPending} onOverride={(reason) => form.validateFields().then((v) => submit(v, reason), () => undefined)} />
      ) : null}
    </Modal>
  );
}
