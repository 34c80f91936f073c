import { ROLE_LABELS, type Role } from '../../contracts/roles';

/** Display order of roles: the most responsible first, plain membership last. */
const ROLE_ORDER: Role[] = ['chair', 'vice_chair', 'parent_admin', 'committee', 'group_leader', 'handler', 'member'];

/** Sorts role holdings for display (主席 before 委员 before 会员). */
export function byRoleRank<T extends { role: Role }>(a: T, b: T): number {
  return ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role);
}

/** One role as the user reads it: "工会委员（宣传）", "工会主席". */
export function roleLabel(role: Role, portfolio?: string | null): string {
  return portfolio ? `${ROLE_LABELS[role]}（${portfolio}）` : ROLE_LABELS[role];
}

/** Several roles, most responsible first, joined with the Chinese list comma: "工会主席、会员". */
export function rolesLabel(roles: readonly { role: Role; portfolio?: string | null }[]): string {
  return [...roles]
    .sort(byRoleRank)
    .map((r) => roleLabel(r.role, r.portfolio))
    .join('、');
}
