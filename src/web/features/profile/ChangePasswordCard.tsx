import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { LIMITS } from '../../../contracts/limits';
import { useFormError } from '../../components';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';

interface PasswordForm {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changes the user's own password; the server's rules (≥ 8 characters, letters and digits) are checked here first. */
export function ChangePasswordCard() {
  const [form] = Form.useForm<PasswordForm>();
  const formError = useFormError(form);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const t = useT();
  const navigate = useNavigate();
  // After a temporary password is replaced, the page the user was going to when they logged in (if any).
  const from = (useLocation().state as { from?: unknown } | null)?.from;
  const goOnTo = typeof from === 'string' && from.startsWith('/') && from !== '/' && !from.startsWith('/profile') ? from : null;
  const change = useMutation({
    mutationFn: ({ oldPassword, newPassword }: PasswordForm) => api.send('PUT', '/me/password', { oldPassword, newPassword }),
    onSuccess: () => {
      form.resetFields();
      // The temporary-password notice goes away once /me says so.
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      message.success('密码已修改，其他设备上的登录已退出');
      if (goOnTo) navigate(goOnTo, { replace: true });
    },
    onError: formError.onError,
  });
  return (
    <Card title={t('修改密码')} size="small">
      {formError.alert}
      <Form<PasswordForm> name="changePassword" form={form} layout="vertical" onFinish={(v) => change.mutate(v)} onValuesChange={formError.clear} style={{ maxWidth: 400 }}>
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请填写原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra={`至少 ${LIMITS.passwordMin} 位，需同时包含字母和数字`}
          rules={[
            { required: true, message: '请填写新密码' },
            { min: LIMITS.passwordMin, message: `密码至少 ${LIMITS.passwordMin} 位` },
            { max: LIMITS.passwordMax, message: `密码不能超过 ${LIMITS.passwordMax} 位` },
            { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '密码需同时包含字母和数字' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次填写新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次填写的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('修改密码')}
        </Button>
      </Form>
    </Card>
  );
}
