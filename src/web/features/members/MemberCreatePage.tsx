import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { PageHeader, useFormError } from '../../components';
import { bodyOf, withFormPaths, type MemberFormValues } from './member-form-values';
import type { MemberView } from './member-types';
import { MemberFormFields } from './MemberFormFields';
import { TransferInFields } from './TransferInFields';

type CreateValues = MemberFormValues & { isTransferIn?: boolean };

/** 新增会员: the member form plus an optional 转入 section; on success, the new member's page. */
export function MemberCreatePage() {
  const t = useT();
  const [form] = Form.useForm<CreateValues>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const formError = useFormError(form);

  const create = useMutation({
    mutationFn: (values: CreateValues) => {
      const { transferIn, isTransferIn } = values;
      const body = {
        ...bodyOf(values),
        ...(isTransferIn && transferIn
          ? { transferIn: { fromOrgName: transferIn.fromOrgName?.trim() ?? '', onDate: transferIn.onDate?.format('YYYY-MM-DD') ?? '' } }
          : {}),
      };
      return api.send<MemberView>('POST', '/members', body);
    },
    onSuccess: (member) => {
      void client.invalidateQueries({ queryKey: ['members'] });
      void client.invalidateQueries({ queryKey: ['orgs'] });
      message.success(`已新增会员 ${member.name}`);
      navigate(`/members/${member.id}`);
    },
    onError: (e) => formError.onError(withFormPaths(e)),
  });

  return (
    <div>
      <PageHeader title={t('新增会员')} subtitle="带 * 的为必填项；身份证号填写后，出生日期和性别可自动推算。" />
      <Card>
        <Form<CreateValues>
          form={form}
          layout="vertical"
          initialValues={{ isLunarBirthday: false, tags: [], postType: 'teacher' }}
          onFinish={(v) => {
            formError.clear();
            create.mutate(v);
          }}
          scrollToFirstError
          data-testid="member-create-form"
        >
          {formError.alert}
          <MemberFormFields />
          <TransferInFields />
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="member-form-save">
              {t('保存')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('取消')}</Button>
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
