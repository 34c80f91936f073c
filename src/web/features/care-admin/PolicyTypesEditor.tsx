import { useEffect, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import { Button, Checkbox, Col, Collapse, Flex, Form, Input, InputNumber, Row, Select, Switch, Table, Tag, Typography, type FormListFieldData } from 'antd';
import { BENEFIT_FORM_LABELS, BENEFIT_FORMS, CARE_EVENT_KIND_LABELS, CARE_EVENT_KINDS, CARE_LIMITS } from '../../../contracts/care';
import { yuanRule } from '../../lib/money';
import { useIsPhone } from '../../components';
import { newTypeValues, type TypeFormValues } from './policy-form-values';

const KIND_OPTIONS = CARE_EVENT_KINDS.map((k) => ({ value: k, label: CARE_EVENT_KIND_LABELS[k] }));
const FORM_OPTIONS = BENEFIT_FORMS.map((f) => ({ value: f, label: BENEFIT_FORM_LABELS[f] }));
const CELL = { style: { marginBottom: 0 } };

/** The inputs of one rule, keyed by the API's field names; `hasLabels` on a phone, where there are no table headers. */
function ruleFields(name: number, hasLabels: boolean): Record<keyof TypeFormValues, ReactNode> {
  const label = (text: string) => (hasLabels ? text : undefined);
  const aria = (text: string) => ({ 'aria-label': text });
  return {
    id: null,
    name: (
      <Form.Item name={[name, 'name']} label={label('名称')} rules={[{ required: true, whitespace: true, message: '请填写事由名称' }]} {...CELL}>
        <Input maxLength={CARE_LIMITS.typeNameMax} {...aria('事由名称')} data-testid="policy-type-name" />
      </Form.Item>
    ),
    kind: (
      <Form.Item name={[name, 'kind']} label={label('统计类别')} tooltip={hasLabels ? '决定默认时限和省级标准中的对应项' : undefined} {...CELL}>
        <Select options={KIND_OPTIONS} popupMatchSelectWidth={false} size={hasLabels ? 'middle' : 'small'} variant={hasLabels ? 'outlined' : 'borderless'} {...aria('统计类别')} />
      </Form.Item>
    ),
    deadlineDays: (
      <Form.Item name={[name, 'deadlineDays']} label={label('慰问时限')} {...CELL}>
        <InputNumber min={0} max={CARE_LIMITS.deadlineDaysMax} precision={0} controls={false} suffix="天" placeholder="无" style={{ width: '100%' }} {...aria('慰问时限（天）')} data-testid="policy-deadline" />
      </Form.Item>
    ),
    standardFen: (
      <Form.Item name={[name, 'standardFen']} label={label('标准金额')} rules={[yuanRule('标准金额')]} {...CELL}>
        <Input suffix="元" placeholder="—" inputMode="decimal" {...aria('标准金额（元）')} data-testid="policy-standard" />
      </Form.Item>
    ),
    capPerEventFen: (
      <Form.Item name={[name, 'capPerEventFen']} label={label('单次上限')} rules={[yuanRule('单次上限')]} {...CELL}>
        <Input suffix="元" placeholder="不限" inputMode="decimal" {...aria('单次上限（元）')} data-testid="policy-cap-event" />
      </Form.Item>
    ),
    capPerYearFen: (
      <Form.Item name={[name, 'capPerYearFen']} label={label('每人每年上限')} rules={[yuanRule('每人每年上限')]} {...CELL}>
        <Input suffix="元" placeholder="不限" inputMode="decimal" {...aria('每人每年上限（元）')} data-testid="policy-cap-year" />
      </Form.Item>
    ),
    countPerYear: (
      <Form.Item name={[name, 'countPerYear']} label={label('每年次数')} {...CELL}>
        <InputNumber min={1} max={CARE_LIMITS.countPerYearMax} precision={0} controls={false} suffix="次" placeholder="不限" style={{ width: '100%' }} {...aria('每年次数上限')} data-testid="policy-count" />
      </Form.Item>
    ),
    forms: (
      <Form.Item name={[name, 'forms']} label={label('发放形式')} rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一种' }]} {...CELL}>
        <Checkbox.Group options={FORM_OPTIONS} className="uh-care-forms" />
      </Form.Item>
    ),
    claimMonths: (
      <Form.Item name={[name, 'claimMonths']} label={label('申领期限')} {...CELL}>
        <InputNumber min={1} max={CARE_LIMITS.claimMonthsMax} precision={0} controls={false} suffix="月" placeholder="不限" style={{ width: '100%' }} {...aria('申领期限（月）')} />
      </Form.Item>
    ),
    requiresDues: (
      <Form.Item name={[name, 'requiresDues']} valuePropName="checked" label={label('会费')} {...CELL}>
        <Checkbox {...aria('需按时缴纳会费')}>{hasLabels ? '需按时缴纳' : null}</Checkbox>
      </Form.Item>
    ),
    archived: (
      <Form.Item name={[name, 'archived']} valuePropName="checked" label={label('停用')} {...CELL}>
        <Switch size="small" {...aria('停用此事由')} />
      </Form.Item>
    ),
  };
}

type Column = { key: Exclude<keyof TypeFormValues, 'id' | 'kind'>; title: ReactNode; width: number };
// Widths that fit the standards table beside the menu at 1280 px without scrolling sideways.
const COLUMNS: Column[] = [
  { key: 'name', title: '事由 / 统计类别', width: 140 },
  { key: 'deadlineDays', title: '慰问时限', width: 72 },
  { key: 'standardFen', title: '标准金额', width: 88 },
  { key: 'capPerEventFen', title: '单次上限', width: 88 },
  { key: 'capPerYearFen', title: '每人每年上限', width: 96 },
  { key: 'countPerYear', title: '每年次数', width: 84 },
  { key: 'forms', title: '发放形式', width: 200 },
  { key: 'claimMonths', title: '申领期限', width: 80 },
  { key: 'requiresDues', title: '需缴会费', width: 56 },
  { key: 'archived', title: '停用', width: 52 },
];

/** "3 天 · 单次 500 元 · 每年 1 次 · 实物、现金" — one type's rule in a line, for the phone's list. */
export function ruleSummary(t: Partial<TypeFormValues>): string {
  const parts = [t.deadlineDays === null || t.deadlineDays === undefined ? '无时限' : `${t.deadlineDays} 天内`];
  if (t.capPerEventFen) parts.push(`单次 ${t.capPerEventFen} 元`);
  if (t.capPerYearFen) parts.push(`每年 ${t.capPerYearFen} 元`);
  if (t.countPerYear) parts.push(`每年 ${t.countPerYear} 次`);
  if (t.forms?.length) parts.push(t.forms.map((f) => BENEFIT_FORM_LABELS[f]).join('、'));
  return parts.join(' · ');
}

/** A phone list header: the type's name, its rule in a line, and a mark when it is stopped or has a mistake. */
function PanelHeader({ name }: { name: number }) {
  return (
    <Form.Item noStyle shouldUpdate>
      {(form) => {
        const t = form.getFieldValue(['types', name]) as Partial<TypeFormValues> | undefined;
        const hasError = form.getFieldsError().some((f) => f.errors.length > 0 && f.name[0] === 'types' && f.name[1] === name);
        return (
          <Flex vertical gap={2}>
            <Flex gap={6} align="center" wrap>
              <Typography.Text strong>{t?.name || '（未命名）'}</Typography.Text>
              {t?.archived ? <Tag style={{ marginInlineEnd: 0 }}>已停用</Tag> : null}
              {hasError ? (
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  有误
                </Tag>
              ) : null}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {ruleSummary(t ?? {})}
            </Typography.Text>
          </Flex>
        );
      }}
    </Form.Item>
  );
}

/** On a phone: the rule of one type in two columns, inside its list item. */
function TypeFields({ name, isDisabled }: { name: number; isDisabled: boolean }) {
  const inputs = ruleFields(name, true);
  return (
    <Row gutter={[12, 10]} className="uh-care-type-fields">
      <Col span={24}>{inputs.name}</Col>
      <Col span={12}>{inputs.kind}</Col>
      <Col span={12}>{inputs.deadlineDays}</Col>
      <Col span={12}>{inputs.standardFen}</Col>
      <Col span={12}>{inputs.capPerEventFen}</Col>
      <Col span={12}>{inputs.capPerYearFen}</Col>
      <Col span={12}>{inputs.countPerYear}</Col>
      <Col span={24}>{inputs.forms}</Col>
      <Col span={12}>{inputs.claimMonths}</Col>
      <Col span={12}>{inputs.requiresDues}</Col>
      {isDisabled ? null : <Col span={24}>{inputs.archived}</Col>}
    </Row>
  );
}

/** On a phone: the types as a list that opens one at a time; a type just added opens by itself. */
function PhoneTypeList({ fields, isDisabled }: { fields: FormListFieldData[]; isDisabled: boolean }) {
  const [open, setOpen] = useState<string[]>([]);
  const count = useRef(fields.length);
  useEffect(() => {
    if (fields.length > count.current) setOpen([String(fields[fields.length - 1]!.key)]);
    count.current = fields.length;
  }, [fields]);
  return (
    <Collapse
      size="small"
      activeKey={open}
      onChange={(keys) => setOpen(keys)}
      data-testid="policy-type-list"
      // Every panel stays mounted, so the form validates and keeps all types, opened or not.
      items={fields.map((field) => ({
        key: String(field.key),
        label: <PanelHeader name={field.name} />,
        forceRender: true,
        children: <TypeFields name={field.name} isDisabled={isDisabled} />,
      }))}
    />
  );
}

/** 五必访事由与标准: every event type's rule, editable in place (a table on a computer, a tap-to-open list on a phone). */
export function PolicyTypesEditor({ isDisabled }: { isDisabled: boolean }) {
  const isPhone = useIsPhone();
  return (
    <Form.List name="types">
      {(fields, { add }) => (
        <Flex vertical gap={12}>
          {isPhone ? (
            <PhoneTypeList fields={fields} isDisabled={isDisabled} />
          ) : (
            <Table<FormListFieldData>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={fields}
              scroll={{ x: 'max-content' }}
              className="uh-care-policy-table"
              onRow={() => ({ 'data-testid': 'policy-type-row' }) as HTMLAttributes<HTMLElement>}
              columns={COLUMNS.filter((c) => !isDisabled || c.key !== 'archived').map((c) => ({
                key: c.key,
                title: c.title,
                width: c.width,
                render: (_v: unknown, field: FormListFieldData) => {
                  const inputs = ruleFields(field.name, false);
                  return c.key === 'name' ? (
                    <Flex vertical gap={2}>
                      {inputs.name}
                      {inputs.kind}
                    </Flex>
                  ) : (
                    inputs[c.key]
                  );
                },
              }))}
            />
          )}
          {isDisabled ? null : (
            <Flex gap={8} align="center" wrap>
              <Button onClick={() => add(newTypeValues())} disabled={fields.length >= CARE_LIMITS.typesMax} data-testid="policy-add-type">
                添加事由
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                已有慰问记录的事由不能删除，不再使用时可停用
              </Typography.Text>
            </Flex>
          )}
        </Flex>
      )}
    </Form.List>
  );
}
