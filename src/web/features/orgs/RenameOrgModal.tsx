import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { LIMITS } from '../../../contracts/limits';
import { ORG_KIND_LABELS } from '../../../contracts/roles';
import { useFormError } from '../../components';
import { api } from '../../lib/api';
import type { OrgNode } from './orgs-api';

interface RenameForm {
  name: string;
  department?: string;
}

/** Renames an organisation (a group may also change the department it follows). */
export function RenameOrgModal({ node, onClose }: { node: OrgNode | null; onClose: () => void }) {
  const [form] = Form.useForm<RenameForm>();
  const formError = useFormError(form);
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  useEffect(() => {
    if (node) form.setFieldsValue({ name: node.name, department: node.department ?? '' });
  }, [node, form]);

  const rename = useMutation({
    mutationFn: (values: RenameForm) =>
      api.send<{ id: string; name: string }>('PATCH', `/orgs/${node!.id}`, {
        name: values.name,
        ...(node!.kind === 'group' ? { department: values.department?.trim() || null } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['orgs'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      // The switcher shows organisation names from /me.
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      message.success('已保存');
      close();
    },
    onError: formError.onError,
  });

  function close() {
    formError.clear();
    onClose();
  }

  return (
    <Modal
      open={node !== null}
      title={node ? `修改${ORG_KIND_LABELS[node.kind]}` : ''}
      okText="保存"
      onOk={() => form.submit()}
      confirmLoading={rename.isPending}
      onCancel={close}
      forceRender
    >
      {formError.alert}
      <Form<RenameForm> name="renameOrg" form={form} layout="vertical" onFinish={(v) => rename.mutate(v)} onValuesChange={formError.clear}>
        <Form.Item
          name="name"
          label="名称"
          rules={[{ required: true, whitespace: true, message: '请填写组织名称' }, { max: LIMITS.orgNameMax, message: `不能超过 ${LIMITS.orgNameMax} 个字` }]}
        >
          <Input />
        </Form.Item>
        {node?.kind === 'group' ? (
          <Form.Item name="department" label="对应部门或教研组" rules={[{ max: LIMITS.shortTextMax }]}>
            <Input />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
