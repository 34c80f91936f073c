import type { ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Result } from 'antd';
import { api } from '../lib/api';
import { useMe, useResetSession, type Me } from '../lib/session';
import { errorMessage } from './ErrorAlert';

/**
 * A page that works in the user's grassroots union (proposals, the congress) and needs `action` there. Someone
 * signed in to a group (a 工会小组长 lands in 语文组) who is also in a union is offered that union in one tap, and
 * stays on the same page — a notification's link keeps working. Anyone else sees `fallback` (the 没有权限 page).
 */
export function RequireUnion({
  action,
  title,
  purpose,
  testId,
  fallback,
  children,
}: {
  action: Me['abilities'][number];
  /** Why the page needs the union: "教代会提案在基层工会中办理". */
  title: string;
  /** What the union allows, after "切换到…后，": "可以查看、起草和附议提案". */
  purpose: string;
  testId?: string;
  fallback: ReactNode;
  children: ReactNode;
}) {
  const { data: me } = useMe();
  const resetSession = useResetSession();
  const { message } = App.useApp();
  const switchOrg = useMutation({
    mutationFn: (orgId: string) => api.send<Me>('PUT', '/me/current-org', { orgId }),
    onSuccess: (next) => {
      resetSession(next);
      void message.success(`已切换到${next.currentOrg?.name ?? ''}`);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  if (!me) return null;
  if (me.abilities.includes(action)) return <>{children}</>;
  const union = me.memberships.find((m) => m.org.kind === 'grassroots' && m.org.id !== me.currentOrg?.id);
  if (!union) return <>{fallback}</>;
  return (
    <Result
      status="info"
      title={title}
      subTitle={`您当前在“${me.currentOrg?.name ?? ''}”。切换到“${union.org.name}”后，${purpose}。`}
      extra={
        <Button type="primary" size="large" loading={switchOrg.isPending} onClick={() => switchOrg.mutate(union.org.id)} data-testid={testId}>
          切换到{union.org.name}
        </Button>
      }
    />
  );
}
