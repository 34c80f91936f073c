import { useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { byRoleRank, ErrorAlert, OneTimePasswordModal, roleLabel, type OneTimePassword } from '../../components';
import { api } from '../../lib/api';
import type { Me } from '../../lib/session';
import { AssignRoleModal } from './AssignRoleModal';
import { nodeActions } from './org-rules';
import { useOrgRoles, type OrgNode, type RoleAssignment } from './orgs-api';

/** One person and every role they hold in the organisation. */
interface Holder {
  userId: string;
  displayName: string;
  phone: string | null;
  assignments: RoleAssignment[];
}

/** Groups assignments by person, the most responsible people first. */
function holdersOf(assignments: RoleAssignment[]): Holder[] {
  const byUser = new Map<string, Holder>();
  for (const a of assignments) {
    const h = byUser.get(a.userId) ?? { userId: a.userId, displayName: a.displayName, phone: a.phone, assignments: [] };
    h.assignments.push(a);
    byUser.set(a.userId, h);
  }
  const holders = [...byUser.values()];
  holders.forEach((h) => h.assignments.sort(byRoleRank));
  return holders.sort((a, b) => byRoleRank(a.assignments[0], b.assignments[0]) || a.displayName.localeCompare(b.displayName, 'zh'));
}

/** Who holds which role in the selected organisation, with appointing, removing and password resets. */
export function RolesPanel({ me, node }: { me: Me; node: OrgNode }) {
  const roles = useOrgRoles(node.id);
  const holders = useMemo(() => holdersOf(roles.data ?? []), [roles.data]);
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [isAssigning, setAssigning] = useState(false);
  const [password, setPassword] = useState<OneTimePassword | null>(null);
  const { canManageRoles } = nodeActions(me, node);
  const canResetPasswords = me.abilities.includes('user.resetPassword');
  // The roster belongs to a union; a parent union has none to pick from.
  const canPickFromRoster = me.abilities.includes('member.list') && node.kind !== 'parent';

  const remove = useMutation({
    mutationFn: (a: RoleAssignment) => api.send('DELETE', `/roles/${a.id}`),
    onSuccess: (_, a) => {
      void queryClient.invalidateQueries({ queryKey: ['orgs', node.id, 'roles'] });
      if (a.userId === me.user.id) void queryClient.invalidateQueries({ queryKey: ['me'] });
      message.success(`已撤销 ${a.displayName} 的${roleLabel(a.role, a.portfolio)}职务`);
    },
    onError: (e) => modal.error({ title: '无法撤销', content: e.message }),
  });
  const reset = useMutation({
    mutationFn: (h: Holder) => api.send<{ temporaryPassword: string }>('POST', `/users/${h.userId}/reset-password`),
    onSuccess: (r, h) =>
      setPassword({ title: `已重置 ${h.displayName} 的密码`, password: r.temporaryPassword, login: h.phone && !h.phone.includes('*') ? h.phone : null }),
    onError: (e) => modal.error({ title: '无法重置密码', content: e.message }),
  });

  const confirmRemove = (a: RoleAssignment) =>
    modal.confirm({
      title: `撤销 ${a.displayName} 的${roleLabel(a.role, a.portfolio)}职务？`,
      content: '撤销后此人不再具有该职务的权限，账号保留。',
      okText: '撤销',
      okButtonProps: { danger: true },
      onOk: () => remove.mutateAsync(a).catch(() => undefined),
    });

  return (
    <Card
      title="角色与职务"
      size="small"
      data-testid="org-roles"
      extra={
        canManageRoles ? (
          <Button type="primary" size="small" onClick={() => setAssigning(true)}>
            任命角色
          </Button>
        ) : null
      }
    >
      {roles.isError ? <ErrorAlert error={roles.error} /> : null}
      {canManageRoles && holders.length ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          点击职务标签上的 × 可撤销该职务。
        </Typography.Paragraph>
      ) : null}
      <Table<Holder>
        size="small"
        rowKey="userId"
        loading={roles.isPending}
        dataSource={holders}
        pagination={false}
        locale={{ emptyText: '尚未任命任何角色' }}
        columns={[
          {
            title: '人员',
            key: 'person',
            width: 130,
            render: (_, h) => (
              <div>
                <div>{h.displayName}</div>
                {h.phone ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {h.phone}
                  </Typography.Text>
                ) : null}
              </div>
            ),
          },
          {
            title: '职务',
            key: 'roles',
            render: (_, h) => (
              <div className="uh-role-tags">
                {h.assignments.map((a) => (
                  <Tag
                    key={a.id}
                    color={a.role === 'member' ? undefined : 'red'}
                    variant="outlined"
                    closable={canManageRoles ? { 'aria-label': `撤销${roleLabel(a.role, a.portfolio)}` } : false}
                    onClose={(e) => {
                      // The tag stays until the server has agreed.
                      e.preventDefault();
                      confirmRemove(a);
                    }}
                  >
                    {roleLabel(a.role, a.portfolio)}
                  </Tag>
                ))}
              </div>
            ),
          },
          ...(canResetPasswords
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 84,
                  render: (_: unknown, h: Holder) =>
                    h.userId === me.user.id ? null : (
                      <Popconfirm
                        title={`重置 ${h.displayName} 的密码？`}
                        description="将生成临时密码，此人在所有设备上的登录都会退出。"
                        okText="重置"
                        onConfirm={() => reset.mutateAsync(h).catch(() => undefined)}
                      >
                        <Button type="link" size="small" style={{ padding: 0 }}>
                          重置密码
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      <AssignRoleModal
        node={isAssigning ? node : null}
        canPickFromRoster={canPickFromRoster}
        isPlatformAdmin={me.user.isPlatformAdmin}
        onClose={() => setAssigning(false)}
        onAssigned={setPassword}
      />
      <OneTimePasswordModal value={password} onClose={() => setPassword(null)} />
    </Card>
  );
}
