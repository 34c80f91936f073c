import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { PROPOSAL_LIMITS } from '../../../contracts/proposals';
import { todayInShanghai } from '../../../domain/dates';
import { useFormError } from '../../components';
import { dayText, proposalName } from './proposal-format';
import type { ProposalDetail } from './proposal-types';
import { useAssignProposal, useHandlers } from './use-proposals';

/**
 * The default deadline of a new assignment: the term's weeks from today, moved past weekends and public holidays.
 * The holiday rules need the lunar calendar, a large library, so it loads only when a dialog asks (null meanwhile).
 */
function useDefaultDue(isAsked: boolean, today: string, weeks: number): string | null {
  const [due, setDue] = useState<string | null>(null);
  useEffect(() => {
    if (!isAsked) return;
    let isCurrent = true;
    void import('../../../domain/congress/working-days').then((m) => isCurrent && setDue(m.replyDueOn(today, weeks)));
    return () => {
      isCurrent = false;
    };
  }, [isAsked, today, weeks]);
  return due;
}

interface Values {
  leadUserId: string | undefined;
  assistUserIds: string[];
  responsibleLeader: string;
  replyDueOn: Dayjs | null;
}

/**
 * 交办: the lead department (主办), assisting ones (协办), the responsible school leader, and the reply deadline —
 * shown before confirming: the term's weeks from today moved past weekends and public holidays, or a chosen day.
 * Assigning again before the reply changes the departments and keeps the deadline unless another is chosen.
 */
export function AssignModal({ proposal: p, open, onClose }: { proposal: ProposalDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const assign = useAssignProposal(p.id);
  const handlers = useHandlers(open);
  const lead = Form.useWatch('leadUserId', form);
  const chosenDue = Form.useWatch('replyDueOn', form);
  const today = todayInShanghai();
  const isReassign = p.status === 'assigned';
  const kept = isReassign ? p.replyDueOn : null;
  const computed = useDefaultDue(open && !kept, today, p.term.replyWeeks);
  const defaultDue = kept ?? computed;
  const due = chosenDue ? chosenDue.format('YYYY-MM-DD') : defaultDue;
  const current = p.assignments.filter((a) => a.round === p.round);
  const options = (handlers.data ?? []).map((h) => ({ value: h.userId, label: h.name }));
  return (
    <Modal
      title={`${isReassign ? '调整交办' : '交办'}：${proposalName(p)}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="交办"
      cancelText="取消"
      okButtonProps={{ loading: assign.isPending, 'data-testid': 'proposal-assign-ok' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      {handlers.data && handlers.data.length === 0 ? (
        <Alert type="warning" showIcon title="本会还没有承办部门账号" description="请在“组织管理”中给总务处、教务处等部门的账号设置“承办部门”角色。" style={{ marginBottom: 12 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          leadUserId: current.find((a) => a.role === 'lead')?.handler.id,
          assistUserIds: current.filter((a) => a.role === 'assist').map((a) => a.handler.id),
          responsibleLeader: p.responsibleLeader ?? '',
          replyDueOn: null,
        }}
        clearOnDestroy
        onFinish={(v) =>
          assign.mutate(
            {
              leadUserId: v.leadUserId ?? '',
              assistUserIds: v.assistUserIds ?? [],
              responsibleLeader: v.responsibleLeader.trim(),
              ...(v.replyDueOn ? { replyDueOn: v.replyDueOn.format('YYYY-MM-DD') } : {}),
            },
            {
              onSuccess: (done) => {
                void message.success(`已交办，请于 ${done.replyDueOn} 前答复`);
                onClose();
              },
              onError: formError.onError,
            },
          )
        }
      >
        {formError.alert}
        <Form.Item name="leadUserId" label="主办部门" rules={[{ required: true, message: '请选择主办部门' }]} extra="由主办部门答复">
          <Select options={options} loading={handlers.isPending} placeholder="请选择" data-testid="proposal-assign-lead" />
        </Form.Item>
        <Form.Item name="assistUserIds" label="协办部门（可不选）">
          <Select mode="multiple" options={options.filter((o) => o.value !== lead)} loading={handlers.isPending} placeholder="请选择" data-testid="proposal-assign-assist" />
        </Form.Item>
        <Form.Item name="responsibleLeader" label="责任领导" rules={[{ required: true, whitespace: true, message: '请填写责任领导' }]}>
          <Input maxLength={PROPOSAL_LIMITS.leaderMax} placeholder="如 分管后勤的副校长 王明" data-testid="proposal-assign-leader" />
        </Form.Item>
        <Form.Item name="replyDueOn" label="答复期限" extra="不选则按默认期限">
          <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.format('YYYY-MM-DD') < today} placeholder={defaultDue ?? '请选择日期'} data-testid="proposal-assign-due" />
        </Form.Item>
      </Form>
      <Typography.Paragraph className="uh-prop-due" data-testid="proposal-assign-due-text">
        答复期限：<strong>{due ? dayText(due) : '正在计算…'}</strong>
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {chosenDue
            ? '按所选日期'
            : isReassign
              ? '调整交办不改变原答复期限'
              : `交办之日起 ${p.term.replyWeeks} 周，遇周末和法定节假日顺延到下一个工作日`}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
