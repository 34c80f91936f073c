import { useMutation } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Form } from 'antd';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useFormError, useIsPhone } from '../../components';
import { bodyOf, changedFields, formValuesOf, withFormPaths, type MemberFormValues } from './member-form-values';
import type { MemberView } from './member-types';
import { MemberFormFields } from './MemberFormFields';

interface Props {
  member: MemberView;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** 编辑: the member form in a drawer; saves only the fields that changed (PATCH /members/:id). */
export function MemberEditDrawer({ member, open, onClose, onSaved }: Props) {
  const t = useT();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<MemberFormValues>();
  const { message } = App.useApp();
  const formError = useFormError(form);

  const save = useMutation({
    mutationFn: (values: MemberFormValues) => {
      const patch = changedFields(bodyOf(formValuesOf(member)), bodyOf(values));
      if (Object.keys(patch).length === 0) return Promise.resolve(null);
      return api.send<MemberView>('PATCH', `/members/${member.id}`, patch);
    },
    onSuccess: (saved) => {
      message.success(saved ? '已保存' : '没有需要保存的修改');
      onSaved();
      onClose();
    },
    onError: (e) => formError.onError(withFormPaths(e)),
  });

  return (
    <Drawer
      title={`编辑会员档案：${member.name}`}
      open={open}
      onClose={onClose}
      afterOpenChange={(isOpen) => {
        if (!isOpen) formError.clear();
      }}
      size={isPhone ? '100%' : 720}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('取消')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="member-edit-save">
            {t('保存')}
          </Button>
        </Flex>
      }
    >
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        // destroyOnHidden remounts the form on each opening, so it always starts from the current file.
        initialValues={formValuesOf(member)}
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
        scrollToFirstError
        data-testid="member-edit-form"
      >
        {formError.alert}
        <MemberFormFields withStatus />
      </Form>
    </Drawer>
  );
}
