import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { LIMITS } from '../../../contracts/limits';
import { PORTFOLIOS, ROLE_LABELS, type Role } from '../../../contracts/roles';
import { useFormError, type OneTimePassword } from '../../components';
import { api } from '../../lib/api';
import { MemberPicker, type PickedMember } from './MemberPicker';
import { roleChoices } from './org-rules';
import type { OrgNode } from './orgs-api';

type Source = 'roster' | 'person';

interface AssignForm {
  source: Source;
  memberId?: string;
  name?: string;
  phone?: string;
  role: Role;
  portfolio?: string;
}

/**
 * Appoints someone to a role in an organisation: a member picked from the roster, or a person named by
 * name and phone. When the server opens an account for them, its one-time password is handed back.
 */
export function AssignRoleModal({
  node,
  canPickFromRoster,
  isPlatformAdmin,
  onClose,
  onAssigned,
}: {
  node: OrgNode | null;
  canPickFromRoster: boolean;
  isPlatformAdmin: boolean;
  onClose: () => void;
  onAssigned: (password: OneTimePassword | null) => void;
}) {
  const [form] = Form.useForm<AssignForm>();
  const formError = useFormError(form);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<PickedMember | null>(null);
  const source = Form.useWatch('source', form);
  const role = Form.useWatch('role', form);

  const assign = useMutation({
    mutationFn: (v: AssignForm) =>
      api.send<{ assignmentId: string; userId: string; temporaryPassword: string | null }>('POST', `/orgs/${node!.id}/roles`, {
        ...(v.source === 'roster' ? { memberId: v.memberId } : { name: v.name, phone: v.phone }),
        role: v.role,
        portfolio: v.role === 'committee' ? v.portfolio : '',
      }),
    onSuccess: (r, v) => {
      void queryClient.invalidateQueries({ queryKey: ['orgs', node!.id, 'roles'] });
      // The appointee may be the user themself: their organisations and abilities change.
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      const name = v.source === 'roster' ? (picked?.name ?? '') : (v.name ?? '');
      const login = v.source === 'roster' ? (picked?.phone && !picked.phone.includes('*') ? picked.phone : null) : (v.phone ?? null);
      message.success(`已任命 ${name} 为${ROLE_LABELS[v.role]}`);
      close();
      onAssigned(r.temporaryPassword ? { title: `已为 ${name} 开通账号`, password: r.temporaryPassword, login } : null);
    },
    onError: formError.onError,
  });

  function close() {
    form.resetFields();
    formError.clear();
    setPicked(null);
    onClose();
  }

  const roles = node ? roleChoices(node.kind, isPlatformAdmin) : [];
  return (
    <Modal
      open={node !== null}
      title={node ? `任命角色 · ${node.name}` : ''}
      okText="任命"
      onOk={() => form.submit()}
      confirmLoading={assign.isPending}
      onCancel={close}
      destroyOnHidden
    >
      {formError.alert}
      <Form<AssignForm>
        name="assignRole"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ source: canPickFromRoster ? 'roster' : 'person' }}
        onFinish={(v) => assign.mutate(v)}
        onValuesChange={formError.clear}
      >
        {canPickFromRoster ? (
          <Form.Item name="source" label="人员来源">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'roster', label: '从会员名册选择' },
                { value: 'person', label: '填写姓名和手机号' },
              ]}
            />
          </Form.Item>
        ) : (
          <Form.Item name="source" hidden>
            <Input />
          </Form.Item>
        )}
        {source === 'roster' ? (
          <Form.Item name="memberId" label="会员" rules={[{ required: true, message: '请选择会员' }]} extra="没有账号的会员将用其手机号开通账号">
            <MemberPicker onPick={setPicked} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: LIMITS.nameMax }]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="phone"
              label="手机号"
              extra="已有账号的沿用原账号；没有的将开通账号并生成临时密码"
              rules={[{ required: true, message: '请填写手机号' }, { pattern: /^1\d{10}$/, message: '手机号应为11位中国大陆手机号' }]}
            >
              <Input inputMode="tel" maxLength={11} />
            </Form.Item>
          </>
        )}
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select placeholder="选择角色" options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        {role === 'committee' ? (
          <Form.Item name="portfolio" label="分工" rules={[{ required: true, message: '工会委员需选择分工' }]}>
            <Select placeholder="选择分工" options={PORTFOLIOS.map((p) => ({ value: p, label: p }))} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
