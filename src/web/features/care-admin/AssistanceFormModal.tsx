import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select, type ButtonProps } from 'antd';
import { ASSISTANCE_CAMPAIGNS, ASSISTANCE_KIND_LABELS, ASSISTANCE_KINDS, CARE_LIMITS, type AssistanceCampaign, type AssistanceInput, type AssistanceKind } from '../../../contracts/care';
import { todayInShanghai } from '../../../domain/dates';
import { api } from '../../lib/api';
import { parseYuan, yuanRule } from '../../lib/money';
import { useFormError } from '../../components';
import { MemberSearchSelect } from '../activity-admin/MemberSearchSelect';
import { useRefreshCare } from './use-care-admin';

interface Values {
  memberId?: string;
  kind?: AssistanceKind;
  campaign?: AssistanceCampaign | null;
  amountFen: string;
  givenOn: Dayjs;
  payee: string;
  notes: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  /** From a file's page: the member and the file the record belongs to. */
  fileOf?: { fileId: string; memberId: string; memberName: string };
}

/** 登记帮扶: who, what kind (生活救助 …), which campaign (冬送温暖 …), how much, when, to whom; posted to 困难职工帮扶. */
export function AssistanceFormModal({ open, onClose, fileOf }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const refresh = useRefreshCare();
  const formError = useFormError(form);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: AssistanceInput = {
        memberId: fileOf?.memberId ?? v.memberId ?? '',
        hardshipFileId: fileOf?.fileId ?? null,
        kind: v.kind ?? 'living',
        campaign: v.campaign ?? null,
        amountFen: parseYuan(v.amountFen) ?? 0,
        givenOn: v.givenOn.format('YYYY-MM-DD'),
        notes: v.notes.trim(),
        payee: v.payee.trim(),
      };
      return api.send('POST', '/hardship/assistance', body);
    },
    onSuccess: () => {
      void refresh();
      message.success('帮扶记录已登记');
      onClose();
    },
    onError: formError.onError,
  });
  return (
    <Modal
      title={fileOf ? `登记帮扶：${fileOf.memberName}` : '登记帮扶'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      okButtonProps={{ loading: save.isPending, 'data-testid': 'assistance-save' } as ButtonProps}
      destroyOnHidden
      width={560}
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ amountFen: '', givenOn: dayjs(todayInShanghai()), payee: fileOf?.memberName ?? '', notes: '', campaign: null }}
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
        data-testid="assistance-form"
      >
        {formError.alert}
        {fileOf ? null : (
          <Form.Item name="memberId" label="会员" rules={[{ required: true, message: '请选择会员' }]}>
            <MemberSearchSelect testId="assistance-member" />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label="帮扶类别" rules={[{ required: true, message: '请选择帮扶类别' }]}>
              <Select placeholder="选择类别" options={ASSISTANCE_KINDS.map((k) => ({ value: k, label: ASSISTANCE_KIND_LABELS[k] }))} data-testid="assistance-kind" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="campaign" label="帮扶活动">
              <Select allowClear placeholder="不属于专项活动" options={ASSISTANCE_CAMPAIGNS.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="amountFen" label="帮扶金额" required rules={[yuanRule('帮扶金额', { isRequired: true })]} extra="心理疏导、法律援助等不发钱的填 0">
              <Input suffix="元" inputMode="decimal" data-testid="assistance-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="givenOn" label="帮扶日期" rules={[{ required: true, message: '请选择帮扶日期' }]}>
              <DatePicker style={{ width: '100%' }} inputReadOnly allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="payee" label="领款人" extra="默认为本人">
          <Input maxLength={CARE_LIMITS.visitorNameMax} />
        </Form.Item>
        <Form.Item name="notes" label="备注" style={{ marginBottom: 0 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={CARE_LIMITS.notesMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
