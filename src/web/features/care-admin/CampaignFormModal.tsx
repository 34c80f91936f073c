import { useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography, type ButtonProps } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { AUDIENCE_KIND_LABELS, type AudienceKind } from '../../../contracts/activities';
import { BENEFIT_FORM_LABELS, BENEFIT_FORMS, CARE_FUND_CATEGORIES, CARE_LIMITS } from '../../../contracts/care';
import { todayInShanghai } from '../../../domain/dates';
import { api } from '../../lib/api';
import { useCan } from '../../lib/session';
import { formatYuanOr, yuanRule } from '../../lib/money';
import { useFormError } from '../../components';
import { useGroups, useRosterFacets } from '../members/use-groups';
import { MemberSearchSelect } from '../activity-admin/MemberSearchSelect';
import type { CampaignDetail, CarePolicy } from './care-admin-types';
import { campaignBodyOf, campaignFestivals, defaultCampaignTitle, type CampaignFormValues } from './campaign-form-values';
import { useRefreshCare } from './use-care-admin';

const AUDIENCE_KINDS_OFFERED: AudienceKind[] = ['all', 'retirees', 'women', 'groups', 'departments', 'list'];
const AUDIENCE_HINTS: Partial<Record<AudienceKind, string>> = {
  all: '在职且会籍正常的全体会员',
  retirees: '已退休、会籍正常或保留会籍的会员',
  women: '在职且会籍正常的女会员',
  groups: '所选工会小组中在职且会籍正常的会员',
  departments: '所选部门中在职且会籍正常的会员',
  list: '只慰问选中的人员',
};

/** 慰问对象: everyone, retirees, women, chosen groups or departments, or named people. */
function AudienceFields() {
  const kind = (Form.useWatch(['audience', 'kind']) as AudienceKind | undefined) ?? 'all';
  const groups = useGroups();
  const facets = useRosterFacets([]);
  return (
    <>
      <Form.Item name={['audience', 'kind']} label="慰问对象" extra={`${AUDIENCE_HINTS[kind] ?? ''}；名单在开始发放时确定`}>
        <Select options={AUDIENCE_KINDS_OFFERED.map((k) => ({ value: k, label: AUDIENCE_KIND_LABELS[k] }))} data-testid="campaign-audience-kind" />
      </Form.Item>
      {kind === 'groups' ? (
        <Form.Item name={['audience', 'groupIds']} label="工会小组" rules={[{ required: true, message: '请至少选择一个工会小组' }]}>
          <Select mode="multiple" loading={groups.isPending} showSearch={{ optionFilterProp: 'label' }} options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
      ) : null}
      {kind === 'departments' ? (
        <Form.Item name={['audience', 'departments']} label="部门" rules={[{ required: true, message: '请至少选择一个部门' }]}>
          <Select mode="tags" options={facets.departments.map((d) => ({ value: d, label: d }))} />
        </Form.Item>
      ) : null}
      {kind === 'list' ? (
        <Form.Item name={['audience', 'memberIds']} label="人员" rules={[{ required: true, message: '请至少选择一人' }]}>
          <MemberSearchSelect isMultiple testId="campaign-audience-members" />
        </Form.Item>
      ) : null}
    </>
  );
}

/** 新建节日慰问: a gift festival (the refused days shown with the reason), value per person, form, goods, recipients. */
export function CampaignFormModal({ policy, open, onClose }: { policy: CarePolicy | undefined; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CampaignFormValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshCare();
  const formError = useFormError(form);
  // The title follows the festival and year until the user types one of their own.
  const isTitleTyped = useRef(false);
  const festivals = campaignFestivals(policy?.ethnicFestivals ?? []);
  const canPublishActivity = useCan('activity.manage');
  const allowedForms = policy?.festivalForms ?? ['goods'];
  const create = useMutation({
    mutationFn: (v: CampaignFormValues) => api.send<CampaignDetail>('POST', '/care/campaigns', campaignBodyOf(v)),
    onSuccess: (saved) => {
      void refresh();
      message.success('节日慰问已建立，核对后可开始发放');
      onClose();
      if (saved?.id) navigate(`/care/campaigns/${saved.id}`);
    },
    onError: formError.onError,
  });
  const year = Number(todayInShanghai().slice(0, 4));
  return (
    <Modal
      title="新建节日慰问"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="建立"
      okButtonProps={{ loading: create.isPending, 'data-testid': 'campaign-create-save' } as ButtonProps}
      destroyOnHidden
      width={620}
      afterOpenChange={(isOpen) => {
        if (!isOpen) formError.clear();
        isTitleTyped.current = false;
      }}
    >
      <Form<CampaignFormValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ year, title: '', perPersonFen: '', form: allowedForms[0], goods: '', audience: { kind: 'all' }, fundCategory: '职工集体福利' }}
        onValuesChange={(changed: Partial<CampaignFormValues>, all) => {
          if ('title' in changed) isTitleTyped.current = !!changed.title;
          if (('festival' in changed || 'year' in changed) && !isTitleTyped.current && all.festival) {
            form.setFieldValue('title', defaultCampaignTitle(all.festival, all.year));
          }
        }}
        onFinish={(v) => {
          formError.clear();
          create.mutate(v);
        }}
        data-testid="campaign-form"
      >
        {formError.alert}
        <Row gutter={12}>
          <Col xs={24} sm={14}>
            <Form.Item
              name="festival"
              label="节日"
              rules={[{ required: true, message: '请选择节日' }]}
              extra={
                <>
                  {festivals.refused.join('、')}不属于可发放节日慰问品的节日，可作为活动开展
                  {canPublishActivity ? (
                    <>
                      （<Link to="/activities/new">去发布活动</Link>）
                    </>
                  ) : null}
                </>
              }
            >
              <Select
                placeholder="选择节日"
                data-testid="campaign-festival"
                options={[
                  { label: '法定节日', options: festivals.gift.map((f) => ({ value: f, label: f })) },
                  ...(festivals.ethnic.length ? [{ label: '少数民族节日', options: festivals.ethnic.map((f) => ({ value: f, label: f })) }] : []),
                  { label: '不可发放节日慰问品', options: festivals.refused.map((f) => ({ value: f, label: `${f}（可作为活动开展）`, disabled: true })) },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2000} max={2100} precision={0} suffix="年" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={CARE_LIMITS.campaignTitleMax} placeholder="选择节日后自动填写" data-testid="campaign-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item
              name="perPersonFen"
              label="每人标准"
              required
              rules={[yuanRule('每人标准', { isRequired: true })]}
              extra={policy?.festivalCapPerYearFen != null ? `全年节日慰问每人不超过 ${formatYuanOr(policy.festivalCapPerYearFen)}` : undefined}
            >
              <Input suffix="元" inputMode="decimal" data-testid="campaign-value" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="form"
              label="发放形式"
              rules={[{ required: true, message: '请选择发放形式' }]}
              extra={allowedForms.includes('cash') ? undefined : '节日慰问品应为实物，不发放现金或购物卡'}
            >
              <Radio.Group options={BENEFIT_FORMS.map((f) => ({ value: f, label: BENEFIT_FORM_LABELS[f], disabled: !allowedForms.includes(f) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="goods" label="慰问物品">
          <Input maxLength={CARE_LIMITS.goodsMax} placeholder="如 月饼一盒、水果一箱" data-testid="campaign-goods" />
        </Form.Item>
        <AudienceFields />
        <Form.Item name="fundCategory" label="经费科目" style={{ marginBottom: 0 }}>
          <Select options={CARE_FUND_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
          开始发放时按慰问对象确定名单；全年节日慰问合计会超过上限的会员不列入名单，并注明原因。
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
