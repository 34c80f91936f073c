import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ErrorAlert, PageLoading } from '../../components';
import { LanguageToggle } from '../../app/LanguageToggle';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useMe, useResetSession, type Me } from '../../lib/session';

interface LoginForm {
  login: string;
  password: string;
}

/** Where to go after logging in: the page the user was sent away from, but never back to /login. */
function targetOf(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

/** Log in with a phone number or a staff number (工号) and a password. */
export function LoginPage() {
  const [form] = Form.useForm<LoginForm>();
  const me = useMe();
  const resetSession = useResetSession();
  const navigate = useNavigate();
  const location = useLocation();
  const t = useT();
  const login = useMutation({
    mutationFn: (values: LoginForm) => api.send<Me>('POST', '/auth/login', values),
    onSuccess: (next) => {
      resetSession(next);
      // A temporary password (new account or reset) is changed before anything else; then the user goes on to
      // where they were going (a member's first log-in is often a scanned check-in code).
      if (next.user.mustChangePassword) navigate('/profile', { replace: true, state: { mustChangePassword: true, from: targetOf(location.state) } });
      else navigate(targetOf(location.state), { replace: true });
    },
    onError: () => form.setFieldValue('password', ''),
  });

  if (me.isPending) return <PageLoading minHeight={400} />;
  // Already signed in (or just signed in, while onSuccess navigates): this page has nothing to offer.
  if (me.data) {
    const target = targetOf(location.state);
    return me.data.user.mustChangePassword ? <Navigate to="/profile" replace state={{ mustChangePassword: true, from: target }} /> : <Navigate to={target} replace />;
  }

  return (
    <div className="uh-login">
      <Card className="uh-login-card">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={2} style={{ color: '#c8102e', marginBottom: 4, letterSpacing: 4 }}>
            {t('职工之家')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('学校工会工作平台')}</Typography.Text>
        </div>
        {login.error ? <ErrorAlert error={login.error} /> : null}
        <Form<LoginForm> name="login" form={form} layout="vertical" requiredMark={false} onFinish={(v) => login.mutate(v)} size="large">
          <Form.Item name="login" label={t('手机号或工号')} rules={[{ required: true, whitespace: true, message: t('请填写手机号或工号') }]}>
            <Input autoComplete="username" inputMode="text" placeholder={t('如 13800000000 或 工号')} />
          </Form.Item>
          <Form.Item name="password" label={t('密码')} rules={[{ required: true, message: t('请填写密码') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('登录')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
          {t('忘记密码？请找本会主席或平台管理员重置。')}
        </Typography.Paragraph>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <LanguageToggle />
        </div>
      </Card>
    </div>
  );
}
