import { useQuery } from '@tanstack/react-query';
import type { OrgKind, Role } from '../../../contracts/roles';
import { api } from '../../lib/api';

/** One node of GET /orgs (a flat list; the client builds the tree). */
export interface OrgNode {
  id: string;
  parentId: string | null;
  kind: OrgKind;
  name: string;
  department: string | null;
  memberCount: number;
  /** The server says the user may add children to, rename or delete this node. */
  canManage: boolean;
}

/** One person holding one role in an organisation (GET /orgs/:id/roles). */
export interface RoleAssignment {
  id: string;
  userId: string;
  displayName: string;
  phone: string | null;
  role: Role;
  portfolio: string;
}

/** The organisations the user can see: the whole tree for a platform admin, else their current subtree. */
export function useOrgs() {
  return useQuery({ queryKey: ['orgs'], queryFn: () => api.get<{ items: OrgNode[] }>('/orgs').then((r) => r.items) });
}

/** Everyone holding a role in one organisation. */
export function useOrgRoles(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'roles'],
    queryFn: () => api.get<{ items: RoleAssignment[] }>(`/orgs/${orgId}/roles`).then((r) => r.items),
  });
}

/** A node with its children, for antd's Tree. */
export interface OrgTreeNode extends OrgNode {
  children: OrgTreeNode[];
  /** Members on the rolls beneath the node: for a parent union, the sum of its grassroots unions. */
  totalMembers: number;
}

/** Builds the tree from the flat list; nodes whose parent is not visible become roots. */
export function buildOrgTree(items: OrgNode[]): OrgTreeNode[] {
  const byId = new Map<string, OrgTreeNode>(items.map((o) => [o.id, { ...o, children: [], totalMembers: o.memberCount }]));
  const roots: OrgTreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  // A grassroots union's count already covers its groups; only parent unions add up their children.
  const total = (node: OrgTreeNode): number => {
    const childTotals = node.children.map(total);
    if (node.kind === 'parent') node.totalMembers = childTotals.reduce((a, b) => a + b, 0);
    return node.totalMembers;
  };
  roots.forEach(total);
  return roots;
}
