import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Flex, Form, Input, Radio, Select } from 'antd';
import { BENEFIT_FORMS, BENEFIT_FORM_LABELS, CARE_FUND_CATEGORIES, CARE_LIMITS, VISIT_METHODS, VISIT_METHOD_LABELS } from '../../../contracts/care';
import { errorMessage, useFormError } from '../../components';
import { parseYuan, yuanRule } from '../../lib/money';
import { capViolationsOf, formsText, roleShort, ruleHint } from './care-format';
import { PHOTO_ACCEPT, type CapViolation, type CareEventDetail } from './care-types';
import { CapRefusal } from './CapRefusal';
import { FilePicker } from './FilePicker';
import { useRecordVisit } from './use-care';
import { suggestedForm, visitBodyOf, visitFormDefaults, withVisitFormPaths, type VisitFormValues } from './visit-form-values';

/** Fields whose change makes a shown refusal out of date (the chair must approve what is actually sent). */
const CAP_FIELDS = ['visitedOn', 'amount', 'goods', 'form', 'duesConfirmed'] as const;

/**
 * 记录慰问: when, how, who went (the two suggested people filled in), goods and/or amount in yuan, the form, notes,
 * photos, with the type's rule as a hint. A refusal by the rules lists every rule broken; the chair may approve it
 * with a reason.
 */
export function VisitForm({ event: e, onDone }: { event: CareEventDetail; onDone: () => void }) {
  const [form] = Form.useForm<VisitFormValues>();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const record = useRecordVisit(e.id);
  const [photos, setPhotos] = useState<File[]>([]);
  const [violations, setViolations] = useState<CapViolation[] | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const goods = Form.useWatch('goods', form);
  const amount = Form.useWatch('amount', form);
  const isBenefit = !!goods?.trim() || !!amount?.trim();
  const isMoney = (parseYuan(amount) ?? 0) > 0;
  const roleOf = new Map(e.suggestedVisitors.map((s) => [s.userId, roleShort(s.role)]));

  // On a phone the refusal appears below the fold; the form itself opens below the visits.
  useEffect(() => {
    if (violations) refusalRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, [violations]);
  useEffect(() => {
    formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, []);

  const submit = (v: VisitFormValues, overrideReason?: string) => {
    formError.clear();
    record.mutate(
      { body: visitBodyOf(v, e, overrideReason), photos, knownVisitIds: e.visits.map((x) => x.id) },
      {
        onSuccess: ({ fileError }) => {
          void message.success(overrideReason ? '已批准并记录慰问' : '已记录慰问');
          if (fileError) void message.warning(`照片未能全部上传（${errorMessage(fileError)}），可在慰问记录下重新上传`, 6);
          setViolations(null);
          setPhotos([]);
          onDone();
        },
        onError: (err) => {
          const refused = capViolationsOf(err);
          if (refused) setViolations(refused);
          else formError.onError(withVisitFormPaths(err));
        },
      },
    );
  };

  const onValuesChange = (changed: Partial<VisitFormValues>, all: VisitFormValues) => {
    if (violations && CAP_FIELDS.some((k) => k in changed)) setViolations(null);
    // The first goods or amount typed picks the form that fits; the recorder may change it.
    if (!all.form && (('goods' in changed && changed.goods?.trim()) || ('amount' in changed && changed.amount?.trim()))) {
      form.setFieldValue('form', suggestedForm('amount' in changed, e.rule.forms));
    }
  };

  return (
    <div ref={formRef}>
      <Form<VisitFormValues>
        form={form}
        layout="vertical"
        initialValues={visitFormDefaults(e)}
        onValuesChange={onValuesChange}
        onFinish={(v) => submit(v)}
        onKeyDown={(k) => k.key === 'Enter' && (k.target as HTMLElement).tagName === 'INPUT' && k.preventDefault()}
        scrollToFirstError={{ block: 'center' }}
        className="uh-care-form"
        data-testid="care-visit-form"
      >
        <Alert type="info" showIcon title={`${e.type.name}：${ruleHint(e.rule, e.yearToDate)}`} style={{ marginBottom: 16 }} data-testid="care-rule-hint" />
        {formError.alert}
        <Form.Item name="visitedOn" label="慰问日期" rules={[{ required: true, message: '请选择慰问日期' }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly allowClear={false} data-testid="care-visited-on" />
        </Form.Item>
        <Form.Item name="method" label="慰问方式" rules={[{ required: true, message: '请选择慰问方式' }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={VISIT_METHODS.map((m) => ({ value: m, label: VISIT_METHOD_LABELS[m] }))}
            data-testid="care-method"
          />
        </Form.Item>
        <Form.Item label="慰问人" required extra={e.suggestedVisitors.length ? '已填入建议人选，可修改或添加' : undefined}>
          <Form.List name="visitors">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <div key={field.key} className="uh-care-visitor">
                    <Form.Item name={[field.name, 'userId']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={[{ required: i === 0, whitespace: true, message: '请填写慰问人' }]}
                    >
                      <Input
                        maxLength={CARE_LIMITS.visitorNameMax}
                        placeholder="姓名"
                        suffix={<span style={{ color: '#8c8c8c', fontSize: 12 }}>{roleOf.get(form.getFieldValue(['visitors', field.name, 'userId'])) ?? ''}</span>}
                        data-testid="care-visitor-name"
                      />
                    </Form.Item>
                    {fields.length > 1 ? (
                      <Button onClick={() => remove(field.name)} aria-label="移除慰问人">
                        移除
                      </Button>
                    ) : null}
                  </div>
                ))}
                {fields.length < CARE_LIMITS.visitorsMax ? (
                  <Button type="dashed" onClick={() => add({ userId: null, name: '' })} block data-testid="care-visitor-add">
                    添加慰问人
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="goods" label="慰问物品">
          <Input maxLength={CARE_LIMITS.goodsMax} placeholder="如 水果、牛奶（没有可不填）" data-testid="care-goods" />
        </Form.Item>
        <Form.Item name="amount" label="慰问金额" rules={[yuanRule('慰问金额', { maxFen: CARE_LIMITS.amountMaxFen })]}>
          <Input inputMode="decimal" suffix="元" placeholder="没有可不填" data-testid="care-amount" />
        </Form.Item>
        {isBenefit ? (
          <Form.Item
            name="form"
            label="发放形式"
            rules={[{ required: true, message: '请选择发放形式' }]}
            extra={`本会标准：${e.type.name}可发${formsText(e.rule.forms)}`}
          >
            <Radio.Group optionType="button" options={BENEFIT_FORMS.map((f) => ({ value: f, label: BENEFIT_FORM_LABELS[f] }))} data-testid="care-form" />
          </Form.Item>
        ) : null}
        {isMoney ? (
          <Flex gap={12} wrap>
            <Form.Item name="payee" label="领款人" style={{ flex: '1 1 160px' }}>
              <Input maxLength={CARE_LIMITS.visitorNameMax} data-testid="care-payee" />
            </Form.Item>
            <Form.Item name="fundCategory" label="经费科目" style={{ flex: '1 1 160px' }}>
              <Select options={CARE_FUND_CATEGORIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Flex>
        ) : null}
        {e.rule.requiresDues ? (
          <Form.Item name="duesConfirmed" valuePropName="checked" extra="本会标准要求按时缴纳会费的会员方可领取">
            <Checkbox data-testid="care-dues">已核实该会员会费按时缴纳</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item name="notes" label="备注">
          <Input.TextArea rows={2} maxLength={CARE_LIMITS.notesMax} showCount placeholder="如 病情好转，转达了学校的问候" data-testid="care-notes" />
        </Form.Item>
        <Form.Item label="慰问照片">
          <FilePicker files={photos} onChange={setPhotos} accept={PHOTO_ACCEPT} label="拍照或选择照片" testId="care-photo-input" />
        </Form.Item>
        {violations ? (
          <div ref={refusalRef} style={{ marginBottom: 16 }}>
            <CapRefusal
              violations={violations}
              canOverride={e.can.override}
              isSaving={record.isPending}
              onOverride={(reason) => form.validateFields().then((v) => submit(v, reason), () => undefined)}
            />
          </div>
        ) : null}
        <div className="uh-care-actions">
          {/* While a refusal stands, saving the same figures again would be refused again: change them, or approve. */}
          {violations ? null : (
            <Button type="primary" size="large" htmlType="submit" loading={record.isPending} data-testid="care-visit-save">
              保存慰问记录
            </Button>
          )}
          <Button size="large" onClick={onDone}>
            取消
          </Button>
        </div>
      </Form>
    </div>
  );
}
