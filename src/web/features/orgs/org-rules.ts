import { ORG_CHILD_KINDS, ROLES_BY_KIND, type OrgKind, type Role } from '../../../contracts/roles';
import type { Me } from '../../lib/session';
import type { OrgNode } from './orgs-api';

/**
 * Which controls to offer on a node. The server decides (canManage, abilities); these only narrow the
 * choices to what the server's rules accept, so nobody fills in a form that is bound to be refused.
 */
export function nodeActions(me: Me, node: OrgNode) {
  const isAdmin = me.user.isPlatformAdmin;
  const childKinds: readonly OrgKind[] = isAdmin
    ? ORG_CHILD_KINDS[node.kind]
    : node.canManage
      ? ORG_CHILD_KINDS[node.kind].filter((k) => k === 'sub' || k === 'group')
      : [];
  const isSmallUnit = node.kind === 'sub' || node.kind === 'group';
  return {
    childKinds,
    canRename: node.canManage && (isAdmin || isSmallUnit),
    canDelete: node.canManage && isSmallUnit,
    canManageRoles: node.canManage && (isAdmin || me.abilities.includes('org.manageRoles')),
  };
}

/** The roles offered when appointing someone in a node; only a platform admin names parent-union admins. */
export function roleChoices(kind: OrgKind, isPlatformAdmin: boolean): Role[] {
  return ROLES_BY_KIND[kind].filter((r) => r !== 'parent_admin' || isPlatformAdmin);
}
