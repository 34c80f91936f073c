import { useMutation } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../lib/api';
import { useT } from '../lib/i18n';
import { useMe, useResetSession } from '../lib/session';

/** The signed-in person's menu: their profile, and logging out. */
export function UserMenu({ isCompact = false }: { isCompact?: boolean }) {
  const { data: me } = useMe();
  const resetSession = useResetSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const t = useT();
  const logout = useMutation({
    mutationFn: () => api.send('POST', '/auth/logout'),
    onSuccess: () => {
      resetSession(null);
      navigate('/login', { replace: true });
    },
    onError: (e) => message.error(e.message),
  });
  if (!me) return null;
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items: [
          { key: 'profile', label: t('个人中心') },
          { type: 'divider' },
          { key: 'logout', label: t('退出登录'), danger: true },
        ],
        onClick: ({ key }) => (key === 'logout' ? logout.mutate() : navigate('/profile')),
      }}
    >
      <Button type="text" aria-label={t('用户菜单')} style={{ paddingInline: 4 }}>
        <Avatar size="small" style={{ backgroundColor: '#c8102e' }}>
          {me.user.displayName.slice(0, 1)}
        </Avatar>
        {isCompact ? null : <span>{me.user.displayName}</span>}
      </Button>
    </Dropdown>
  );
}
