import { useMemo, useRef, useState } from 'react';
import { Button, Card, Col, Empty, Row, Space } from 'antd';
import { ErrorAlert, OneTimePasswordModal, PageHeader, PageLoading, useIsPhone, type OneTimePassword } from '../../components';
import { useT } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { CreateOrgModal, type CreateOrgTarget } from './CreateOrgModal';
import { OrgDetailCard } from './OrgDetailCard';
import { OrgTree } from './OrgTree';
import { buildOrgTree, useOrgs, type OrgTreeNode } from './orgs-api';
import { RenameOrgModal } from './RenameOrgModal';
import { RolesPanel } from './RolesPanel';

/** The organisation tree: structure on the left, the selected node and its roles on the right (below on a phone). */
export function OrgsPage() {
  const { data: me } = useMe();
  const t = useT();
  const orgs = useOrgs();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [createTarget, setCreateTarget] = useState<CreateOrgTarget | null>(null);
  const [renaming, setRenaming] = useState<OrgTreeNode | null>(null);
  const [password, setPassword] = useState<OneTimePassword | null>(null);
  const isPhone = useIsPhone();
  const detailRef = useRef<HTMLDivElement>(null);

  const { roots, byId } = useMemo(() => {
    const tree = buildOrgTree(orgs.data ?? []);
    const index = new Map<string, OrgTreeNode>();
    const walk = (nodes: OrgTreeNode[]) => nodes.forEach((n) => (index.set(n.id, n), walk(n.children)));
    walk(tree);
    return { roots: tree, byId: index };
  }, [orgs.data]);

  if (!me) return null;
  const isAdmin = me.user.isPlatformAdmin;
  // Until the user picks one, the top of their tree is shown.
  const selected = (selectedId ? byId.get(selectedId) : undefined) ?? roots[0] ?? null;
  const header = (
    <PageHeader
      title={t('组织管理')}
      subtitle={isAdmin ? '平台管理员可在任意位置建立上级工会、基层工会' : '管理本会的分工会、工会小组和各级职务'}
      extra={
        isAdmin ? (
          <Space wrap>
            <Button onClick={() => setCreateTarget({ kind: 'parent', parent: null })}>新建上级工会</Button>
            <Button onClick={() => setCreateTarget({ kind: 'grassroots', parent: null })}>新建基层工会</Button>
          </Space>
        ) : null
      }
    />
  );

  let body;
  if (orgs.isPending) body = <PageLoading />;
  else if (orgs.isError) body = <ErrorAlert error={orgs.error} />;
  else if (!selected) body = <Card><Empty description={isAdmin ? '还没有任何组织，请先新建上级工会或基层工会' : '没有可管理的组织'} /></Card>;
  else {
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title="组织结构" size="small">
            <OrgTree
              roots={roots}
              selectedId={selected.id}
              onSelect={(id) => {
                setSelectedId(id);
                // On a phone the details sit below the tree, out of sight: bring them into view.
                if (isPhone) setTimeout(() => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14} ref={detailRef} style={{ scrollMarginTop: 64 }}>
          <Space orientation="vertical" size={16} style={{ width: '100%', display: 'flex' }}>
            <OrgDetailCard
              me={me}
              node={selected}
              parentName={selected.parentId ? (byId.get(selected.parentId)?.name ?? null) : null}
              onAddChild={(kind) => setCreateTarget({ kind, parent: { id: selected.id, name: selected.name } })}
              onRename={() => setRenaming(selected)}
              onDeleted={() => setSelectedId(selected.parentId)}
            />
            <RolesPanel key={selected.id} me={me} node={selected} />
          </Space>
        </Col>
      </Row>
    );
  }

  return (
    <>
      {header}
      {body}
      <CreateOrgModal
        target={createTarget}
        isPlatformAdmin={isAdmin}
        onClose={() => setCreateTarget(null)}
        onCreated={(id, pw) => {
          setSelectedId(id);
          setPassword(pw);
        }}
      />
      <RenameOrgModal node={renaming} onClose={() => setRenaming(null)} />
      <OneTimePasswordModal value={password} onClose={() => setPassword(null)} />
    </>
  );
}
