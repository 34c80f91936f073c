import { useEffect, useState, type ReactNode } from 'react';
import { Tag, Tree, Typography } from 'antd';
import { ORG_KIND_LABELS } from '../../../contracts/roles';
import type { OrgTreeNode } from './orgs-api';

interface TreeItem {
  key: string;
  title: ReactNode;
  children: TreeItem[];
}

function toTreeData(nodes: OrgTreeNode[]): TreeItem[] {
  return nodes.map((n) => ({
    key: n.id,
    title: (
      <span>
        {n.name}
        <Tag style={{ marginInlineStart: 6 }} color={n.kind === 'parent' || n.kind === 'grassroots' ? 'red' : undefined} variant="outlined">
          {ORG_KIND_LABELS[n.kind]}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap', marginInlineStart: 6 }}>
          {n.totalMembers} 人
        </Typography.Text>
      </span>
    ),
    children: toTreeData(n.children),
  }));
}

/** Ids of every node that has children, and each node's parent (for opening the way to a new node). */
function indexTree(roots: OrgTreeNode[]) {
  const withChildren: string[] = [];
  const parentOf = new Map<string, string>();
  const walk = (nodes: OrgTreeNode[], parent: string | null) =>
    nodes.forEach((n) => {
      if (parent) parentOf.set(n.id, parent);
      if (n.children.length) withChildren.push(n.id);
      walk(n.children, n.id);
    });
  walk(roots, null);
  return { withChildren, parentOf };
}

/** The organisation tree with kinds and member counts; it opens fully, and always opens the way to the selected node. */
export function OrgTree({ roots, selectedId, onSelect }: { roots: OrgTreeNode[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const [expanded, setExpanded] = useState<string[]>(() => indexTree(roots).withChildren);
  useEffect(() => {
    if (!selectedId) return;
    const { parentOf } = indexTree(roots);
    const ancestors: string[] = [];
    for (let id = parentOf.get(selectedId); id; id = parentOf.get(id)) ancestors.push(id);
    setExpanded((open) => (ancestors.every((a) => open.includes(a)) ? open : [...new Set([...open, ...ancestors])]));
  }, [roots, selectedId]);
  return (
    <Tree<TreeItem>
      blockNode
      treeData={toTreeData(roots)}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      selectedKeys={selectedId ? [selectedId] : []}
      // Clicking the selected node again keeps it selected instead of clearing the panel.
      onSelect={(keys, info) => onSelect(String(keys[0] ?? info.node.key))}
    />
  );
}
