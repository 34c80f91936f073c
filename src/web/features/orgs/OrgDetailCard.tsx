import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Popconfirm, Space } from 'antd';
import { ORG_KIND_LABELS, type OrgKind } from '../../../contracts/roles';
import { api } from '../../lib/api';
import type { Me } from '../../lib/session';
import { nodeActions } from './org-rules';
import type { OrgTreeNode } from './orgs-api';

/** The selected organisation: its facts and what the user may do with it (add a child, rename, delete). */
export function OrgDetailCard({
  me,
  node,
  parentName,
  onAddChild,
  onRename,
  onDeleted,
}: {
  me: Me;
  node: OrgTreeNode;
  parentName: string | null;
  onAddChild: (kind: OrgKind) => void;
  onRename: () => void;
  onDeleted: () => void;
}) {
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const { childKinds, canRename, canDelete } = nodeActions(me, node);
  const remove = useMutation({
    mutationFn: () => api.send('DELETE', `/orgs/${node.id}`),
    onSuccess: () => {
      // Only the tree is fetched again: the deleted node's role list would now answer 404.
      queryClient.removeQueries({ queryKey: ['orgs', node.id] });
      void queryClient.invalidateQueries({ queryKey: ['orgs'], exact: true });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      message.success(`已删除“${node.name}”`);
      onDeleted();
    },
    // The server says why it refused (members still in the group, child units…): show its words.
    onError: (e) => modal.error({ title: '无法删除', content: e.message }),
  });

  const actions = [
    ...childKinds.map((k) => (
      <Button key={`add-${k}`} onClick={() => onAddChild(k)}>
        新建{ORG_KIND_LABELS[k]}
      </Button>
    )),
    canRename ? (
      <Button key="rename" onClick={onRename}>
        改名
      </Button>
    ) : null,
    canDelete ? (
      <Popconfirm
        key="delete"
        title={`删除“${node.name}”？`}
        description="只能删除没有会员、没有下级组织的单位。"
        okText="删除"
        okButtonProps={{ danger: true }}
        onConfirm={() => remove.mutateAsync().catch(() => undefined)}
      >
        <Button danger>删除</Button>
      </Popconfirm>
    ) : null,
  ].filter(Boolean);

  return (
    <Card title={node.name} size="small" data-testid="org-detail">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'kind', label: '类型', children: ORG_KIND_LABELS[node.kind] },
          { key: 'parent', label: '上级组织', children: parentName ?? '—' },
          { key: 'members', label: '在册会员', children: `${node.totalMembers} 人` },
          ...(node.kind === 'group' ? [{ key: 'dept', label: '对应部门', children: node.department ?? '—' }] : []),
          ...(node.children.length ? [{ key: 'children', label: '下级组织', children: `${node.children.length} 个` }] : []),
        ]}
      />
      {actions.length ? (
        <Space wrap style={{ marginTop: 12 }}>
          {actions}
        </Space>
      ) : null}
    </Card>
  );
}
