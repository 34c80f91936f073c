import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useMe, type Me } from '../lib/session';
import { useT } from '../lib/i18n';

/**
 * Shows a page only when the server's abilities allow it in the current organisation; otherwise explains
 * why (a bookmarked link, or a page left open while switching organisation).
 */
export function RequireAllowed({ when, children }: { when: (me: Me) => boolean; children: ReactNode }) {
  const { data: me } = useMe();
  const t = useT();
  if (!me) return null;
  if (when(me)) return <>{children}</>;
  const where = me.currentOrg ? `在当前组织（${me.currentOrg.name}）` : '';
  return (
    <Result
      status="403"
      title={t('没有权限')}
      subTitle={`您${where}没有使用此功能的权限。${me.memberships.length > 1 ? '您在其他组织的职务可能有此权限，可先切换组织。' : ''}`}
      extra={
        <Link to="/">
          <Button type="primary">{t('返回首页')}</Button>
        </Link>
      }
    />
  );
}
