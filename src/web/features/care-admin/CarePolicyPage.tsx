import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { BENEFIT_FORM_LABELS, BENEFIT_FORMS, CARE_LIMITS, CARE_PRESET_LABELS, GIFT_FESTIVALS, NON_GIFT_DAYS } from '../../../contracts/care';
import { todayInShanghai } from '../../../domain/dates';
import { api } from '../../lib/api';
import { yuanRule } from '../../lib/money';
import { formatShanghaiTime } from '../../lib/time';
import { ErrorAlert, PageHeader, PageLoading, useFormError, useIsPhone } from '../../components';
import type { CarePolicy } from './care-admin-types';
import { policyBodyOf, policyFormValuesOf, type PolicyFormValues } from './policy-form-values';
import { PolicyTypesEditor } from './PolicyTypesEditor';
import { PresetModal } from './PresetModal';
import { useCarePolicy, useRefreshCare } from './use-care-admin';
import './care-admin.css';

const FORM_OPTIONS = BENEFIT_FORMS.map((f) => ({ value: f, label: BENEFIT_FORM_LABELS[f] }));
const atLeastOneForm = { required: true, type: 'array' as const, min: 1, message: '请至少选择一种发放形式' };

/** 节日慰问 and 生日慰问: the yearly festival cap with its forms and approved ethnic festivals, the birthday cap. */
function FestivalAndBirthdayCards() {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card size="small" title="节日慰问" style={{ height: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            可发放节日慰问品的节日：{GIFT_FESTIVALS.join('、')}，以及下面登记的少数民族节日。{NON_GIFT_DAYS.join('、')}不属于可发放节日慰问品的节日，可作为活动开展。
          </Typography.Paragraph>
          <Row gutter={12}>
            <Col xs={24} sm={10}>
              <Form.Item name="festivalCapPerYearFen" label="每人每年上限" rules={[yuanRule('节日慰问每人每年上限')]} extra="同一年各次节日慰问合计">
                <Input suffix="元" placeholder="不限" inputMode="decimal" data-testid="policy-festival-cap" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={14}>
              <Form.Item name="festivalForms" label="发放形式" rules={[atLeastOneForm]} extra="节日慰问品应为实物，一般不发放现金或购物卡">
                <Checkbox.Group options={FORM_OPTIONS} className="uh-care-forms" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="ethnicFestivals" label="少数民族节日" extra="经批准可发放慰问品的少数民族节日，输入后回车" style={{ marginBottom: 0 }}>
            <Select mode="tags" placeholder="如 三月三、泼水节" open={false} suffixIcon={null} maxCount={CARE_LIMITS.ethnicFestivalsMax} data-testid="policy-ethnic" />
          </Form.Item>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title="生日慰问" style={{ height: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            每人每年一次，如生日蛋糕或蛋糕券。
          </Typography.Paragraph>
          <Form.Item name="birthdayCapFen" label="上限" rules={[yuanRule('生日慰问上限')]}>
            <Input suffix="元" placeholder="不限" inputMode="decimal" data-testid="policy-birthday-cap" />
          </Form.Item>
          <Form.Item name="birthdayForms" label="发放形式" rules={[atLeastOneForm]} style={{ marginBottom: 0 }}>
            <Checkbox.Group options={FORM_OPTIONS} className="uh-care-forms" />
          </Form.Item>
        </Card>
      </Col>
    </Row>
  );
}

/** 低保线: the local minimum living standard per person per month, one line per year (hardship levels use it). */
function PovertyLinesCard({ isDisabled }: { isDisabled: boolean }) {
  const thisYear = Number(todayInShanghai().slice(0, 4));
  return (
    <Card size="small" title="低保线（每人每月）">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        当地城乡居民最低生活保障标准，困难职工档案按建档年度的低保线评定困难程度。
      </Typography.Paragraph>
      <Form.List name="povertyLines">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start" wrap data-testid="policy-poverty-row">
                <Form.Item name={[field.name, 'year']} rules={[{ required: true, message: '请填写年度' }]} style={{ marginBottom: 0 }}>
                  <InputNumber min={2000} max={2100} precision={0} suffix="年" style={{ width: 110 }} aria-label="年度" data-testid="policy-poverty-year" />
                </Form.Item>
                <Form.Item name={[field.name, 'monthlyFen']} rules={[yuanRule('低保线（每人每月）', { isRequired: true })]} style={{ marginBottom: 0, flex: '1 1 140px', maxWidth: 220 }}>
                  <Input suffix="元/人·月" inputMode="decimal" aria-label="低保线（元/人·月）" data-testid="policy-poverty-amount" />
                </Form.Item>
                {isDisabled ? null : (
                  <Button type="link" danger onClick={() => remove(field.name)} style={{ paddingInline: 4 }}>
                    删除
                  </Button>
                )}
              </Flex>
            ))}
            {fields.length === 0 ? <Typography.Text type="secondary">还没有登记低保线</Typography.Text> : null}
            {isDisabled ? null : (
              <div>
                <Button onClick={() => add({ year: thisYear, monthlyFen: '' }, 0)} data-testid="policy-poverty-add">
                  添加年度
                </Button>
              </div>
            )}
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

function subtitleOf(policy: CarePolicy): string {
  const parts = [policy.preset ? `以${CARE_PRESET_LABELS[policy.preset]}为起点` : '各类慰问的时限、金额上限和发放形式'];
  if (policy.updatedAt) parts.push(`最近修改 ${formatShanghaiTime(policy.updatedAt, false)}`);
  return parts.join(' · ');
}

/** 慰问标准 (/care/policy): the union's standards table, editable in yuan by care.manage, read-only for others. */
export function CarePolicyPage() {
  const policy = useCarePolicy();
  const [form] = Form.useForm<PolicyFormValues>();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const refresh = useRefreshCare();
  const formError = useFormError(form);
  const [isDirty, setDirty] = useState(false);
  const [isPresetOpen, setPresetOpen] = useState(false);
  // The table the form started from; a new one remounts the form (its lists may change length).
  const [base, setBase] = useState<{ policy: CarePolicy; version: number } | null>(null);
  const reset = (p: CarePolicy) => {
    setBase((b) => ({ policy: p, version: (b?.version ?? 0) + 1 }));
    setDirty(false);
    formError.clear();
  };
  // A newer table from the server (a refetch) replaces the form only while it holds no edits of the user's.
  const loaded = policy.data;
  useEffect(() => {
    if (loaded && !isDirty) setBase((b) => (b?.policy === loaded ? b : { policy: loaded, version: (b?.version ?? 0) + 1 }));
  }, [loaded, isDirty]);

  const save = useMutation({
    mutationFn: (v: PolicyFormValues) => api.send<CarePolicy>('PUT', '/care/policy', policyBodyOf(v)),
    onSuccess: (saved) => {
      void refresh();
      reset(saved);
      message.success('慰问标准已保存');
    },
    onError: formError.onError,
  });

  if (policy.isPending) return <PageLoading />;
  if (policy.error) {
    return (
      <div>
        <PageHeader title="慰问标准" />
        <ErrorAlert error={policy.error} />
      </div>
    );
  }
  const p = base?.policy ?? policy.data;
  const isDisabled = !p.canManage;
  return (
    <div>
      <PageHeader
        title="慰问标准"
        subtitle={subtitleOf(p)}
        extra={
          isDisabled ? null : (
            <Button onClick={() => setPresetOpen(true)} data-testid="policy-preset">
              套用省级标准
            </Button>
          )
        }
      />
      {isDisabled ? <Alert type="info" showIcon title="慰问标准由工会主席、副主席和工会委员维护，您可以查看。" style={{ marginBottom: 16 }} /> : null}
      <Form<PolicyFormValues>
        key={base?.version ?? 0}
        form={form}
        layout="vertical"
        disabled={isDisabled}
        initialValues={policyFormValuesOf(p)}
        onValuesChange={() => setDirty(true)}
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
        scrollToFirstError={{ block: 'center' }}
        onFinishFailed={() => message.error('请先改正标红的项目')}
        className="uh-care-policy"
        data-testid="policy-form"
      >
        {formError.alert}
        <Flex vertical gap={16}>
          <Card size="small" title="五必访事由与标准">
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              金额单位为元，留空表示不限；慰问时限从事由发生之日算起。超过上限或次数的慰问不能登记，须由工会主席填写理由后批准。
              {isPhone ? null : '每年次数如“生病住院每年一次”；申领期限指事由发生后几个月内可发放。'}
            </Typography.Paragraph>
            <PolicyTypesEditor isDisabled={isDisabled} />
          </Card>
          <FestivalAndBirthdayCards />
          <PovertyLinesCard isDisabled={isDisabled} />
        </Flex>
        {isDisabled ? null : (
          <Flex gap={8} className={isDirty ? 'uh-care-savebar uh-care-savebar-dirty' : 'uh-care-savebar'}>
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!isDirty} data-testid="policy-save">
              保存标准
            </Button>
            <Button onClick={() => reset(p)} disabled={!isDirty || save.isPending}>
              撤销修改
            </Button>
            {isDirty ? <Typography.Text type="secondary">有尚未保存的修改</Typography.Text> : null}
          </Flex>
        )}
      </Form>
      {isPresetOpen ? <PresetModal policy={p} open={isPresetOpen} isDirty={isDirty} onClose={() => setPresetOpen(false)} onApplied={reset} /> : null}
    </div>
  );
}
