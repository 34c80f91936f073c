import { useMutation } from '@tanstack/react-query';
import { App, Col, Collapse, DatePicker, Form, InputNumber, Modal, Radio, Row, Typography, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { TERM_FORM_LABELS, type TermForm } from '../../../contracts/congress';
import { termEndsOn } from '../../../domain/congress/term';
import { api } from '../../lib/api';
import { useFormError } from '../../components';
import type { TermDetail } from './congress-types';
import { useRefreshCongress } from './use-congress';

interface TermFormValues {
  number: number | null;
  form: TermForm;
  years: 3 | 5;
  startsOn: Dayjs | null;
  teacherMinPercent: number;
  leaderMaxPercent: number;
  cosignersMin: number;
  replyWeeks: number;
}

const FORM_HINTS: Record<TermForm, string> = {
  congress: '由各代表团（组）选举产生的教职工代表参加，表决以全体代表为基数。',
  all_staff: '规模较小的学校（一般不足 80 人）可召开教职工大会：全体在职、会籍正常的会员都是表决人员，不设代表。',
};

/** The policy figures of a term, shared by the creation form and the term's 政策 tab. */
export function PolicyFields({ form }: { form: TermForm }) {
  return (
    <Row gutter={12}>
      {form === 'congress' ? (
        <>
          <Col xs={12} sm={6}>
            <Form.Item name="teacherMinPercent" label="教师代表不低于" rules={[{ required: true, message: '请填写教师代表最低比例' }]}>
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} data-testid="term-teacher-min" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="leaderMaxPercent" label="中层以上不超过" rules={[{ required: true, message: '请填写中层以上最高比例' }]}>
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} data-testid="term-leader-max" />
            </Form.Item>
          </Col>
        </>
      ) : null}
      <Col xs={12} sm={6}>
        <Form.Item name="cosignersMin" label="提案附议至少" rules={[{ required: true, message: '请填写附议人数' }]}>
          <InputNumber min={0} max={10} precision={0} suffix="人" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={6}>
        <Form.Item name="replyWeeks" label="提案答复期限" rules={[{ required: true, message: '请填写答复期限' }]}>
          <InputNumber min={1} max={52} precision={0} suffix="周" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/**
 * 新建一届: the form (教职工代表大会 or 教职工大会), 3 or 5 years from a start day (the end shown as it follows), the
 * number (next by default) and the policy figures, folded away at their usual values.
 */
export function TermFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<TermFormValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshCongress();
  const formError = useFormError(form);
  const kind = (Form.useWatch('form', form) as TermForm | undefined) ?? 'congress';
  const years = (Form.useWatch('years', form) as 3 | 5 | undefined) ?? 5;
  const startsOn = Form.useWatch('startsOn', form) as Dayjs | null | undefined;
  const create = useMutation({
    mutationFn: ({ startsOn: day, number, ...v }: TermFormValues) =>
      api.send<TermDetail>('POST', '/congress/terms', { ...v, ...(number ? { number } : {}), startsOn: day?.format('YYYY-MM-DD') }),
    onSuccess: (term) => {
      void refresh();
      message.success(`${term.label}已建立`);
      onClose();
      navigate(`/congress/terms/${term.id}`);
    },
    onError: formError.onError,
  });
  return (
    <Modal
      title="新建一届"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="建立"
      okButtonProps={{ loading: create.isPending, 'data-testid': 'term-create-save' } as ButtonProps}
      destroyOnHidden
      width={600}
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form<TermFormValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ number: null, form: 'congress', years: 5, startsOn: null, teacherMinPercent: 60, leaderMaxPercent: 20, cosignersMin: 2, replyWeeks: 8 }}
        onFinish={(v) => {
          formError.clear();
          create.mutate(v);
        }}
        data-testid="term-form"
      >
        {formError.alert}
        <Form.Item name="form" label="会议形式" extra={FORM_HINTS[kind]}>
          <Radio.Group optionType="button" options={(['congress', 'all_staff'] as const).map((f) => ({ value: f, label: TERM_FORM_LABELS[f] }))} data-testid="term-form-kind" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            <Form.Item name="number" label="届次" extra="不填则为下一届">
              <InputNumber min={1} max={99} precision={0} prefix="第" suffix="届" style={{ width: '100%' }} data-testid="term-number" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="years" label="每届任期">
              <Radio.Group optionType="button" options={[{ value: 3, label: '3 年' }, { value: 5, label: '5 年' }]} data-testid="term-years" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="startsOn" label="任期开始" rules={[{ required: true, message: '请选择任期开始日期' }]}>
              <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="term-starts-on" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }} data-testid="term-ends-on">
          {startsOn ? `任期至 ${termEndsOn(startsOn.format('YYYY-MM-DD'), years)}` : '选择开始日期后显示任期结束日期'}
        </Typography.Paragraph>
        <Collapse
          size="small"
          items={[
            {
              key: 'policy',
              label: kind === 'congress' ? '代表构成与提案规则（默认：教师 ≥ 60%，中层以上 ≤ 20%，附议 2 人，答复 8 周）' : '提案规则（默认：附议 2 人，答复 8 周）',
              forceRender: true,
              children: <PolicyFields form={kind} />,
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
