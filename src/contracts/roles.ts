/** Roles a person can hold in one organisation (DOMAIN.md §2). */
export const ROLES = ['member', 'group_leader', 'committee', 'vice_chair', 'chair', 'handler', 'parent_admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  member: '会员',
  group_leader: '工会小组长',
  committee: '工会委员',
  vice_chair: '工会副主席',
  chair: '工会主席',
  handler: '承办部门',
  parent_admin: '上级工会管理员',
};

/** Committee portfolios (分工). */
export const PORTFOLIOS = ['组织', '宣传', '文体', '女工', '生活福利', '经审', '提案'] as const;
export type Portfolio = (typeof PORTFOLIOS)[number];

export const ORG_KINDS = ['parent', 'grassroots', 'sub', 'group'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  parent: '上级工会',
  grassroots: '基层工会',
  sub: '分工会',
  group: '工会小组',
};

/** Which kinds may sit under which (the tree's shape). */
export const ORG_CHILD_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  parent: ['parent', 'grassroots'],
  grassroots: ['sub', 'group'],
  sub: ['group'],
  group: [],
};

/** Roles that exist in each kind of organisation (the server refuses the others). */
export const ROLES_BY_KIND: Record<OrgKind, readonly Role[]> = {
  parent: ['parent_admin', 'chair', 'vice_chair', 'committee'],
  grassroots: ['chair', 'vice_chair', 'committee', 'handler', 'member'],
  sub: ['chair', 'vice_chair', 'committee', 'member'],
  group: ['group_leader', 'member'],
};
