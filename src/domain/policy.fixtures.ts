import type { OrgKind, Portfolio, Role } from '../contracts/roles.js';
import type { Actor, Resource } from './policy.js';

/*
 * The tree used throughout (paths as the database writes them, one segment per organisation):
 *
 *   /p/                 district education union (parent)
 *   ├── /p/a/           School A (grassroots)
 *   │   ├── /p/a/g1/    语文组 (group)
 *   │   ├── /p/a/g2/    数学组 (group)
 *   │   └── /p/a/s/     初中部分工会 (sub-union)
 *   │       └── /p/a/s/g3/  初中语文组 (group)
 *   ├── /p/ab/          School AB (grassroots; its path starts with the characters of A's)
 *   └── /p/b/           School B (grassroots)
 *       └── /p/b/g1/    School B's 语文组
 */
export const P = { id: 'p', path: '/p/', kind: 'parent' as const };
export const A = { id: 'a', path: '/p/a/', kind: 'grassroots' as const };
export const A_G1 = { id: 'a-g1', path: '/p/a/g1/', kind: 'group' as const };
export const A_G2 = { id: 'a-g2', path: '/p/a/g2/', kind: 'group' as const };
export const A_S = { id: 'a-s', path: '/p/a/s/', kind: 'sub' as const };
export const A_S_G3 = { id: 'a-s-g3', path: '/p/a/s/g3/', kind: 'group' as const };
export const AB = { id: 'ab', path: '/p/ab/', kind: 'grassroots' as const };
export const B = { id: 'b', path: '/p/b/', kind: 'grassroots' as const };
export const B_G1 = { id: 'b-g1', path: '/p/b/g1/', kind: 'group' as const };

export type Org = { id: string; path: string; kind: OrgKind };

export function actor(org: Org | null, roles: [Role, (Portfolio | '')?][], opts: { userId?: string; isPlatformAdmin?: boolean } = {}): Actor {
  return {
    userId: opts.userId ?? 'actor',
    isPlatformAdmin: opts.isPlatformAdmin ?? false,
    org,
    roles: roles.map(([role, portfolio]) => ({ role, portfolio: portfolio ?? '' })),
  };
}

/** A member file of a union, optionally in a group, optionally with an account. */
export const memberOf = (union: Org, group: Org | null = null, userId: string | null = 'someone-else'): Resource => ({
  type: 'member',
  orgPath: union.path,
  groupPath: group?.path ?? null,
  userId,
});
export const org = (o: Org): Resource => ({ type: 'org', path: o.path });

/** The roles of the matrices, each where the tree holds it (see policy.test.ts). */
export const COLUMNS = [
  'member',
  'group_leader',
  'committee:组织',
  'committee:宣传',
  'committee:文体',
  'committee:女工',
  'committee:生活福利',
  'committee:经审',
  'committee:提案',
  'vice_chair',
  'chair',
  'handler',
  'parent_admin',
  'platform_admin',
] as const;
export type Column = (typeof COLUMNS)[number];

export function actorFor(column: Column): Actor {
  if (column === 'platform_admin') return actor(null, [], { isPlatformAdmin: true });
  if (column === 'parent_admin') return actor(P, [['parent_admin']]);
  if (column === 'group_leader') return actor(A_G1, [['group_leader']]);
  if (column.startsWith('committee:')) return actor(A, [['committee', column.slice('committee:'.length) as Portfolio]]);
  return actor(A, [[column as Role]]);
}
