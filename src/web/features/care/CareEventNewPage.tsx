import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { CARE_LIMITS } from '../../../contracts/care';
import { todayInShanghai } from '../../../domain/dates';
import { errorMessage, ErrorAlert, PageHeader, PageLoading, useFormError } from '../../components';
import { useCan, useMe } from '../../lib/session';
import { EVIDENCE_ACCEPT } from './care-types';
import { CareMemberSelect } from './CareMemberSelect';
import { FilePicker } from './FilePicker';
import { useRegisterEvent, useCareEventTypes } from './use-care';
import './care.css';

interface Values {
  memberId: string | null;
  typeId: string | undefined;
  occurredOn: Dayjs;
  details: string;
}

/**
 * 登记慰问事由 (/care/events/new, ?memberId=&name= to start from a member): the member, the type (with its
 * deadline), the day it happened, what happened, and evidence (诊断证明, 出院记录 …). A member without a care role
 * registers their own event; the group leader and the welfare member are told.
 */
export function CareEventNewPage() {
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const me = useMe();
  const canRegisterOthers = useCan('care.register');
  const types = useCareEventTypes();
  const register = useRegisterEvent();
  const formError = useFormError(form);
  const [files, setFiles] = useState<File[]>([]);
  const typeId = Form.useWatch('typeId', form);

  const ownMemberId = me.data?.user.memberId ?? null;
  const isSelf = !canRegisterOthers;
  const header = (
    <PageHeader
      title={isSelf ? '登记我的情况' : '登记慰问事由'}
      subtitle={isSelf ? '生病住院、生育、家中变故等，登记后工会小组长和生活福利委员会收到提醒' : '登记后按事由的时限提醒慰问，逾期会标红'}
    />
  );
  if (types.isPending || me.isPending) return <>{header}<PageLoading /></>;
  if (types.error) return <>{header}<ErrorAlert error={types.error} /></>;
  if (isSelf && !ownMemberId) {
    return (
      <>
        {header}
        <Alert type="info" showIcon title="您的账号没有关联会员档案，不能登记。请联系工会小组长代为登记。" />
      </>
    );
  }

  const activeTypes = types.data.filter((t) => !t.archived);
  const chosenType = activeTypes.find((t) => t.id === typeId);
  const initial: Partial<Values> = {
    memberId: isSelf ? ownMemberId : params.get('memberId'),
    occurredOn: dayjs(todayInShanghai()),
    details: '',
  };

  const onFinish = (v: Values) => {
    formError.clear();
    const body = {
      memberId: (isSelf ? ownMemberId : v.memberId) ?? '',
      typeId: v.typeId ?? '',
      occurredOn: v.occurredOn.format('YYYY-MM-DD'),
      details: (v.details ?? '').trim(),
    };
    register.mutate(
      { body, files },
      {
        onSuccess: ({ event, fileError }) => {
          void message.success(`已登记：${event.member.name} · ${event.type.name}`);
          if (fileError) void message.warning(`证明材料未能全部上传（${errorMessage(fileError)}），可在事由页面重新上传`, 6);
          navigate(`/care/events/${event.id}`, { replace: true });
        },
        onError: formError.onError,
      },
    );
  };

  return (
    <div className="uh-care-page">
      <Link to={isSelf ? '/care/my' : '/care'}>‹ 返回{isSelf ? '我的慰问' : '待慰问'}</Link>
      <div style={{ marginTop: 12 }}>{header}</div>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} className="uh-care-form" scrollToFirstError={{ block: 'center' }} data-testid="care-event-form">
        {formError.alert}
        {isSelf ? (
          <Form.Item label="会员">
            <Typography.Text>{me.data?.user.displayName}（本人）</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item name="memberId" label="会员" rules={[{ required: true, message: '请选择会员' }]}>
            <CareMemberSelect initialName={params.get('name') ?? undefined} />
          </Form.Item>
        )}
        <Form.Item
          name="typeId"
          label="事由类型"
          rules={[{ required: true, message: '请选择事由类型' }]}
          extra={chosenType ? (chosenType.deadlineDays === null ? '此类事由不设慰问时限' : `须在事发后 ${chosenType.deadlineDays} 天内慰问`) : undefined}
        >
          <Select
            placeholder="请选择"
            options={activeTypes.map((t) => ({ value: t.id, label: t.name }))}
            data-testid="care-type"
          />
        </Form.Item>
        <Form.Item name="occurredOn" label="发生日期" rules={[{ required: true, message: '请选择发生日期' }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly allowClear={false} data-testid="care-occurred-on" />
        </Form.Item>
        <Form.Item name="details" label="情况说明">
          <Input.TextArea
            rows={3}
            maxLength={CARE_LIMITS.detailsMax}
            showCount
            placeholder="如 因阑尾炎在市人民医院住院，预计住院一周"
            data-testid="care-details"
          />
        </Form.Item>
        <Form.Item label="证明材料" extra="诊断证明、出院记录、结婚证、出生证明等，可拍照上传；每个文件不超过 10 MB">
          <FilePicker files={files} onChange={setFiles} accept={EVIDENCE_ACCEPT} label="选择文件或拍照" testId="care-evidence-input" />
        </Form.Item>
        <Flex gap={8} className="uh-care-actions">
          <Button type="primary" size="large" htmlType="submit" loading={register.isPending} data-testid="care-event-save">
            登记
          </Button>
          <Button size="large" onClick={() => navigate(-1)}>
            取消
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
