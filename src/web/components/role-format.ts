import { ROLE_LABELS, type Role } from '../../contracts/roles';

/** One role as the user reads it: "工会委员（宣传）", "工会主席". */
export function roleLabel(role: Role, portfolio?: string | null): string {
  return portfolio ? `${ROLE_LABELS[role]}（${portfolio}）` : ROLE_LABELS[role];
}

/** Several roles joined with the Chinese list comma: "工会主席、会员". */
export function rolesLabel(roles: readonly { role: Role; portfolio?: string | null }[]): string {
  return roles.map((r) => roleLabel(r.role, r.portfolio)).join('、');
}
