import type { Me } from '../lib/session';

/** One entry of the side menu; `isAllowed` reads the server's abilities, never the roles themselves. */
export interface NavItem {
  path: string;
  label: string;
  isAllowed: (me: Me) => boolean;
}

const has = (me: Me, action: Me['abilities'][number]) => me.abilities.includes(action);

/** Who may open the organisation page: anyone who can change the tree or its roles. */
export const mayManageOrgs = (me: Me): boolean =>
  me.user.isPlatformAdmin || has(me, 'org.manageGroups') || has(me, 'org.manageRoles') || has(me, 'org.create');

/** The modules in menu order. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: '首页', isAllowed: () => true },
  { path: '/members', label: '会员档案', isAllowed: (me) => has(me, 'member.list') },
  { path: '/imports/new', label: '导入会员', isAllowed: (me) => has(me, 'member.import') },
  { path: '/plans', label: '工作计划', isAllowed: (me) => has(me, 'plan.read') },
  { path: '/calendar', label: '行事历', isAllowed: (me) => has(me, 'plan.read') },
  { path: '/activities', label: '活动', isAllowed: (me) => has(me, 'activity.read') },
  { path: '/activities/admin', label: '活动管理', isAllowed: (me) => has(me, 'activity.manage') },
  { path: '/activities/stats', label: '活动统计', isAllowed: (me) => has(me, 'activity.manage') },
  { path: '/orgs', label: '组织管理', isAllowed: mayManageOrgs },
  { path: '/audit', label: '操作记录', isAllowed: (me) => has(me, 'audit.read') },
  { path: '/profile', label: '个人中心', isAllowed: () => true },
];

/** Pages that belong to a menu entry their address does not start with (an activity's 管理 page is 活动管理). */
const NAV_ALIASES: [RegExp, string][] = [
  [/^\/activities\/(new|types|[^/]+\/(manage|edit))$/, '/activities/admin'],
  [/^\/clubs(\/|$)/, '/activities/admin'],
];

/** The menu entry a location belongs to: an alias, else the longest matching path ("/" only on its own). */
export function activeNavPath(pathname: string): string {
  const alias = NAV_ALIASES.find(([pattern]) => pattern.test(pathname));
  if (alias) return alias[1];
  const match = NAV_ITEMS.filter((i) => (i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`)));
  return match.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '';
}
