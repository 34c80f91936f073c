import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Col, Flex, Form, Input, InputNumber, Modal, Row, Typography, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { CARE_LIMITS, HARDSHIP_LEVEL_LABELS } from '../../../contracts/care';
import { api } from '../../lib/api';
import { formatYuan, yuanRule } from '../../lib/money';
import { useFormError } from '../../components';
import { MemberSearchSelect } from '../activity-admin/MemberSearchSelect';
import type { HardshipFileDetail } from './care-admin-types';
import { hardshipBodyOf, hardshipFormValuesOf, hardshipPatchOf, newHardshipValues, previewLevel, type HardshipFormValues } from './hardship-form-values';
import { useCarePolicy, useRefreshCare } from './use-care-admin';

/** The level the figures typed so far give, against the year's 低保线 from the standards table. */
function LevelPreview() {
  const values = Form.useWatch((v: HardshipFormValues) => v, Form.useFormInstance()) as Partial<HardshipFormValues> | undefined;
  const policy = useCarePolicy();
  const line = policy.data?.povertyLines.find((l) => l.year === values?.year)?.monthlyFen ?? null;
  const preview = values ? previewLevel(values, line) : null;
  if (!preview) return null;
  return (
    <Alert
      type={preview.level === 'none' ? 'info' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      title={`按所填数字：人均月收入 ${formatYuan(preview.perCapitaFen)} → ${HARDSHIP_LEVEL_LABELS[preview.level]}`}
      description={line === null ? `未设置${values?.year ?? ''}年度低保线，只能按意外致困评定；可在“慰问标准”中登记低保线。` : `${values?.year}年低保线 ${formatYuan(line)}/人·月；保存后以系统评定为准。`}
      data-testid="hardship-preview"
    />
  );
}

interface Props {
  open: boolean;
  /** The file to edit; null to create one. */
  file: HardshipFileDetail | null;
  year: number;
  onClose: () => void;
}

/** 新建困难档案 / 修改档案: the member and year, household and figures (yuan), the reasons; the level previewed live. */
export function HardshipFormModal({ open, file, year, onClose }: Props) {
  const [form] = Form.useForm<HardshipFormValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshCare();
  const formError = useFormError(form);
  const save = useMutation({
    mutationFn: (v: HardshipFormValues) =>
      file ? api.send<HardshipFileDetail>('PATCH', `/hardship/files/${file.id}`, hardshipPatchOf(v)) : api.send<HardshipFileDetail>('POST', '/hardship/files', hardshipBodyOf(v)),
    onSuccess: (saved) => {
      void refresh();
      message.success(file ? '档案已保存' : '档案已建立（草稿），核对后提交审批');
      onClose();
      if (!file && saved?.id) navigate(`/hardship/${saved.id}`);
    },
    onError: formError.onError,
  });
  return (
    <Modal
      title={file ? `修改档案：${file.member.name}（${file.year}年）` : '新建困难职工档案'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      okButtonProps={{ loading: save.isPending, 'data-testid': 'hardship-save' } as ButtonProps}
      destroyOnHidden
      width={640}
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form<HardshipFormValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={file ? hardshipFormValuesOf(file) : newHardshipValues(year)}
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
        data-testid="hardship-form"
      >
        {formError.alert}
        {file ? null : (
          <Row gutter={12}>
            <Col xs={24} sm={16}>
              <Form.Item name="memberId" label="会员" rules={[{ required: true, message: '请选择会员' }]}>
                <MemberSearchSelect testId="hardship-member" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
                <InputNumber min={2000} max={2100} precision={0} suffix="年" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="householdSize" label="家庭人口" rules={[{ required: true, message: '请填写家庭人口' }]}>
              <InputNumber min={1} max={CARE_LIMITS.householdMax} precision={0} suffix="人" style={{ width: '100%' }} data-testid="hardship-size" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="annualIncomeFen" label="家庭年可支配收入" required rules={[yuanRule('家庭年可支配收入', { isRequired: true })]}>
              <Input suffix="元" inputMode="decimal" data-testid="hardship-income" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="unavoidableCostsFen" label="刚性支出（年）" required rules={[yuanRule('刚性支出', { isRequired: true })]} tooltip="如大病医疗、子女教育等必需支出">
              <Input suffix="元" inputMode="decimal" data-testid="hardship-costs" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="isAccident" valuePropName="checked">
          <Checkbox data-testid="hardship-accident">因灾、因意外事故致困</Checkbox>
        </Form.Item>
        <LevelPreview />
        <Form.Item name="reasons" label="致困原因">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={CARE_LIMITS.detailsMax} placeholder="如 配偶长期患病，子女就读大学" />
        </Form.Item>
        <Typography.Text strong>家庭成员</Typography.Text>
        <Form.List name="household">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start" wrap data-testid="hardship-household-row">
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]} style={{ marginBottom: 0, flex: '1 1 96px' }}>
                    <Input placeholder="姓名" maxLength={CARE_LIMITS.visitorNameMax} aria-label="家庭成员姓名" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'relation']} rules={[{ required: true, whitespace: true, message: '请填写关系' }]} style={{ marginBottom: 0, flex: '1 1 80px' }}>
                    <Input placeholder="关系，如 配偶" maxLength={10} aria-label="与本人关系" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']} style={{ marginBottom: 0, flex: '2 1 140px' }}>
                    <Input placeholder="备注，如 在读大学" maxLength={100} aria-label="备注" />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)} style={{ paddingInline: 4 }}>
                    删除
                  </Button>
                </Flex>
              ))}
              <div>
                <Button onClick={() => add({ name: '', relation: '', note: '' })} disabled={fields.length >= CARE_LIMITS.householdMax} data-testid="hardship-household-add">
                  添加家庭成员
                </Button>
              </div>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
