import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Divider, Form, Input, Modal, Typography } from 'antd';
import { LIMITS } from '../../../contracts/limits';
import { ORG_KIND_LABELS, type OrgKind } from '../../../contracts/roles';
import { useFormError, type OneTimePassword } from '../../components';
import { api } from '../../lib/api';

interface CreateOrgForm {
  name: string;
  department?: string;
  chair?: { name?: string; phone?: string };
}

/** What to create: a kind of organisation under a parent (null: at the top of the tree). */
export interface CreateOrgTarget {
  kind: OrgKind;
  parent: { id: string; name: string } | null;
}

/**
 * Creates an organisation. Groups may name the department they follow; a platform admin creating a
 * parent or grassroots union may name its chair, whose account is opened with a one-time password.
 */
export function CreateOrgModal({
  target,
  isPlatformAdmin,
  onClose,
  onCreated,
}: {
  target: CreateOrgTarget | null;
  isPlatformAdmin: boolean;
  onClose: () => void;
  onCreated: (id: string, password: OneTimePassword | null) => void;
}) {
  const [form] = Form.useForm<CreateOrgForm>();
  const formError = useFormError(form);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const kind = target?.kind;
  const mayNameChair = isPlatformAdmin && (kind === 'parent' || kind === 'grassroots');

  const create = useMutation({
    mutationFn: (values: CreateOrgForm) => {
      const chair = values.chair?.name?.trim() || values.chair?.phone?.trim() ? values.chair : undefined;
      return api.send<{ id: string; name: string; chairTemporaryPassword: string | null }>('POST', '/orgs', {
        parentId: target?.parent?.id ?? null,
        kind,
        name: values.name,
        department: values.department?.trim() || null,
        chair,
      });
    },
    onSuccess: (created, values) => {
      void queryClient.invalidateQueries({ queryKey: ['orgs'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      message.success(`已新建${ORG_KIND_LABELS[kind!]}“${created.name}”`);
      const chairName = values.chair?.name?.trim();
      const password = created.chairTemporaryPassword
        ? { title: `已为工会主席 ${chairName} 开通账号`, password: created.chairTemporaryPassword, login: values.chair?.phone ?? null }
        : null;
      // The phone already had an account: the chair keeps their own password.
      if (chairName && !password) message.info(`${chairName} 已有账号，已任命为工会主席，沿用原密码登录`);
      close();
      onCreated(created.id, password);
    },
    onError: formError.onError,
  });

  function close() {
    form.resetFields();
    formError.clear();
    onClose();
  }

  const label = kind ? ORG_KIND_LABELS[kind] : '';
  return (
    <Modal
      open={target !== null}
      title={`新建${label}`}
      okText="新建"
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {target?.parent ? `上级组织：${target.parent.name}` : '建在组织树的最上层'}
      </Typography.Paragraph>
      {formError.alert}
      <Form<CreateOrgForm> name="createOrg" form={form} layout="vertical" onFinish={(v) => create.mutate(v)} onValuesChange={formError.clear}>
        <Form.Item
          name="name"
          label={`${label}名称`}
          rules={[{ required: true, whitespace: true, message: '请填写组织名称' }, { max: LIMITS.orgNameMax, message: `不能超过 ${LIMITS.orgNameMax} 个字` }]}
        >
          <Input placeholder={kind === 'group' ? '如 语文组工会小组' : kind === 'grassroots' ? '如 某某中学工会' : undefined} />
        </Form.Item>
        {kind === 'group' ? (
          <Form.Item name="department" label="对应部门或教研组" extra="选填，便于按部门归入小组" rules={[{ max: LIMITS.shortTextMax }]}>
            <Input placeholder="如 语文组" />
          </Form.Item>
        ) : null}
        {mayNameChair ? (
          <>
            <Divider titlePlacement="start" plain>
              工会主席（选填）
            </Divider>
            <Form.Item
              name={['chair', 'name']}
              label="姓名"
              dependencies={[['chair', 'phone']]}
              rules={[{ max: LIMITS.nameMax }, chairBoth('请填写主席姓名', ['chair', 'phone'])]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name={['chair', 'phone']}
              label="手机号"
              dependencies={[['chair', 'name']]}
              extra="没有账号的，将用此手机号开通账号并生成临时密码"
              rules={[{ pattern: /^1\d{10}$/, message: '手机号应为11位中国大陆手机号' }, chairBoth('请填写主席手机号', ['chair', 'name'])]}
            >
              <Input inputMode="tel" maxLength={11} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/** The chair is named with both name and phone or not at all: an empty field is an error only when its partner is filled. */
function chairBoth(message: string, other: (string | number)[]) {
  return ({ getFieldValue }: { getFieldValue: (name: (string | number)[]) => unknown }) => ({
    validator(_: unknown, value: unknown) {
      const isOtherFilled = String(getFieldValue(other) ?? '').trim() !== '';
      const isFilled = String(value ?? '').trim() !== '';
      return isOtherFilled && !isFilled ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  });
}
