import { Suspense, useState } from 'react';
import { Alert, Button, Drawer, Layout, Menu, Typography } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PageLoading, useIsPhone } from '../components';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useT } from '../lib/i18n';
import { useMe } from '../lib/session';
import { LanguageToggle } from './LanguageToggle';
import { MenuIcon } from './MenuIcon';
import { activeNavPath, navGroups } from './nav';
import { OrgSwitcher } from './OrgSwitcher';
import { UserMenu } from './UserMenu';

/** The frame of every signed-in page: side menu (a drawer on a phone), header with switchers, the page. */
export function AppLayout() {
  const { data: me } = useMe();
  const isPhone = useIsPhone();
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const t = useT();
  if (!me) return null;

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[activeNavPath(location.pathname)]}
      items={navGroups(me).map((g) => {
        const entries = g.items.map((i) => ({ key: i.path, label: t(i.label) }));
        return g.section === '' ? { type: 'group' as const, key: 'section-top', children: entries } : { type: 'group' as const, key: `section-${g.section}`, label: t(g.section), children: entries };
      })}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
  const brand = (
    <Link to="/" className="uh-brand">
      {t('职工之家')}
    </Link>
  );
  // Remounting the page when the organisation changes makes it fetch afresh for the new organisation.
  const page = (
    <Suspense fallback={<PageLoading />}>
      <Outlet key={me.currentOrg?.id ?? 'none'} />
    </Suspense>
  );
  const passwordNotice =
    me.user.mustChangePassword && location.pathname !== '/profile' ? (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('您正在使用临时密码，请尽快修改。')}
        action={
          <Link to="/profile">
            <Button size="small">{t('去修改')}</Button>
          </Link>
        }
      />
    ) : null;

  // One tree for both widths, with the page at the same place in it: crossing the phone breakpoint (a tablet turned,
  // a window resized) swaps the chrome around the page but never remounts it, so a half-filled form survives.
  return (
    <Layout className="uh-shell">
      {isPhone ? null : (
        <Layout.Sider width={216} theme="light" className="uh-sider">
          {brand}
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        {isPhone ? (
          <Layout.Header className="uh-header">
            <Button type="text" aria-label={t('打开菜单')} onClick={() => setDrawerOpen(true)} icon={<MenuIcon />} />
            {brand}
            <div className="uh-header-spacer" />
            <NotificationBell />
            <UserMenu isCompact />
          </Layout.Header>
        ) : (
          <Layout.Header className="uh-header">
            <OrgSwitcher />
            <div className="uh-header-spacer" />
            <LanguageToggle />
            <NotificationBell />
            <UserMenu />
          </Layout.Header>
        )}
        {isPhone ? (
          <Drawer
            open={isDrawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={280}
            title={t('职工之家')}
            styles={{ body: { padding: 0 } }}
          >
            <div className="uh-drawer-section">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('当前组织')}
              </Typography.Text>
              <OrgSwitcher block onSwitched={() => setDrawerOpen(false)} />
            </div>
            {menu}
            <div className="uh-drawer-section">
              <LanguageToggle />
            </div>
          </Drawer>
        ) : null}
        <Layout.Content className="uh-content">
          {passwordNotice}
          {page}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
