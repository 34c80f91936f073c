import { useMutation } from '@tanstack/react-query';
import { App, Select, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { ORG_KIND_LABELS } from '../../contracts/roles';
import { rolesLabel } from '../components';
import { api } from '../lib/api';
import { useT } from '../lib/i18n';
import { useMe, useResetSession, type Me } from '../lib/session';
import { activeNavPath, NAV_ITEMS } from './nav';

/**
 * Chooses the organisation the user works in (the server keeps it in the session). Every cached answer
 * belonged to the old organisation, so the session cache is reset and the page reloads its data.
 */
export function OrgSwitcher({ block = false, onSwitched }: { block?: boolean; onSwitched?: () => void }) {
  const { data: me } = useMe();
  const resetSession = useResetSession();
  const { message } = App.useApp();
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const switchOrg = useMutation({
    mutationFn: (orgId: string) => api.send<Me>('PUT', '/me/current-org', { orgId }),
    onSuccess: (next) => {
      resetSession(next);
      // Stay in the same module, at its start page (a record of the old organisation means nothing in the
      // new one); go home when the new organisation does not offer the module.
      const module = NAV_ITEMS.find((i) => i.path === activeNavPath(location.pathname));
      navigate(module?.isAllowed(next) ? module.path : '/', { replace: true });
      onSwitched?.();
      message.success(`已切换到${next.currentOrg?.name ?? ''}`);
    },
    onError: (e) => message.error(e.message),
  });
  if (!me) return null;
  if (me.memberships.length === 0) {
    return <Typography.Text type="secondary">{me.user.isPlatformAdmin ? t('平台管理员') : t('尚未加入组织')}</Typography.Text>;
  }
  if (me.memberships.length === 1) {
    // Nothing to switch to: name the organisation instead of showing a dead control.
    return (
      <Typography.Text strong ellipsis style={{ maxWidth: block ? '100%' : 360 }}>
        {me.memberships[0].org.name}
      </Typography.Text>
    );
  }
  return (
    <Select
      aria-label={t('当前组织')}
      value={me.currentOrg?.id}
      loading={switchOrg.isPending}
      disabled={switchOrg.isPending}
      onChange={(orgId) => switchOrg.mutate(orgId)}
      style={{ width: block ? '100%' : 280, maxWidth: '100%' }}
      popupMatchSelectWidth={false}
      options={me.memberships.map((m) => ({ value: m.org.id, label: m.org.name, membership: m }))}
      optionRender={(option) => {
        const m = option.data.membership;
        return (
          <div style={{ maxWidth: 320, whiteSpace: 'normal' }}>
            <div>{m.org.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {ORG_KIND_LABELS[m.org.kind]} · {rolesLabel(m.roles)}
            </Typography.Text>
          </div>
        );
      }}
    />
  );
}
