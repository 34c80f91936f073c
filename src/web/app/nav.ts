import type { Me } from '../lib/session';

/** One entry of the side menu; `isAllowed` reads the server's abilities, never the roles themselves. */
export interface NavItem {
  path: string;
  label: string;
  /** The heading the entry sits under when the menu is long enough to need headings (see `navGroups`). */
  section: NavSection;
  isAllowed: (me: Me) => boolean;
}

export type NavSection = '' | '会员' | '计划' | '活动' | '送温暖' | '教代会' | '民主管理' | '管理';

const has = (me: Me, action: Me['abilities'][number]) => me.abilities.includes(action);

/** Who may open the organisation page: anyone who can change the tree or its roles. */
export const mayManageOrgs = (me: Me): boolean =>
  me.user.isPlatformAdmin || has(me, 'org.manageGroups') || has(me, 'org.manageRoles') || has(me, 'org.create');

/** The modules in menu order. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: '首页', section: '', isAllowed: () => true },
  { path: '/members', label: '会员档案', section: '会员', isAllowed: (me) => has(me, 'member.list') },
  { path: '/imports/new', label: '导入会员', section: '会员', isAllowed: (me) => has(me, 'member.import') },
  { path: '/plans', label: '工作计划', section: '计划', isAllowed: (me) => has(me, 'plan.read') },
  { path: '/calendar', label: '行事历', section: '计划', isAllowed: (me) => has(me, 'plan.read') },
  { path: '/activities', label: '活动', section: '活动', isAllowed: (me) => has(me, 'activity.read') },
  { path: '/activities/admin', label: '活动管理', section: '活动', isAllowed: (me) => has(me, 'activity.manage') },
  { path: '/activities/stats', label: '活动统计', section: '活动', isAllowed: (me) => has(me, 'activity.manage') },
  { path: '/care', label: '待慰问', section: '送温暖', isAllowed: (me) => has(me, 'care.read') },
  { path: '/care/birthdays', label: '生日慰问', section: '送温暖', isAllowed: (me) => has(me, 'care.read') },
  { path: '/care/my', label: '我的慰问', section: '送温暖', isAllowed: (me) => me.user.memberId !== null },
  { path: '/care/campaigns', label: '节日慰问', section: '送温暖', isAllowed: (me) => has(me, 'care.read') },
  { path: '/hardship', label: '困难帮扶', section: '送温暖', isAllowed: (me) => has(me, 'hardship.read') },
  { path: '/care/retirees', label: '退休教职工', section: '送温暖', isAllowed: (me) => has(me, 'care.read') },
  { path: '/care/health', label: '女工健康', section: '送温暖', isAllowed: (me) => has(me, 'health.read') },
  { path: '/care/reports', label: '慰问统计', section: '送温暖', isAllowed: (me) => has(me, 'care.manage') },
  { path: '/care/policy', label: '慰问标准', section: '送温暖', isAllowed: (me) => has(me, 'care.manage') },
  { path: '/congress', label: '教代会', section: '教代会', isAllowed: (me) => has(me, 'congress.read') },
  { path: '/congress/admin', label: '教代会管理', section: '教代会', isAllowed: (me) => has(me, 'congress.manage') },
  { path: '/proposals', label: '我的提案', section: '教代会', isAllowed: (me) => has(me, 'congress.read') && me.user.memberId !== null },
  { path: '/proposals/admin', label: '提案管理', section: '教代会', isAllowed: (me) => has(me, 'proposal.review') },
  { path: '/proposals/overdue', label: '提案督办', section: '教代会', isAllowed: (me) => has(me, 'proposal.review') },
  { path: '/proposals/figures', label: '提案统计', section: '教代会', isAllowed: (me) => has(me, 'proposal.review') },
  { path: '/proposals/assigned', label: '待答复提案', section: '教代会', isAllowed: (me) => has(me, 'proposal.handle') },
  { path: '/evaluations', label: '民主测评', section: '民主管理', isAllowed: (me) => has(me, 'evaluation.read') },
  { path: '/elections', label: '选举', section: '民主管理', isAllowed: (me) => has(me, 'election.read') },
  { path: '/orgs', label: '组织管理', section: '管理', isAllowed: mayManageOrgs },
  { path: '/audit', label: '操作记录', section: '管理', isAllowed: (me) => has(me, 'audit.read') },
  { path: '/profile', label: '个人中心', section: '管理', isAllowed: () => true },
];

/** Up to this many entries the menu is a plain list; beyond, entries sit under their section's heading. */
const PLAIN_MENU_MAX = 10;

/** The entries the user may open, grouped by section when there are many (a chair sees twenty). */
export function navGroups(me: Me): { section: NavSection; items: NavItem[] }[] {
  const items = NAV_ITEMS.filter((i) => i.isAllowed(me));
  if (items.length <= PLAIN_MENU_MAX) return [{ section: '', items }];
  const groups: { section: NavSection; items: NavItem[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.section === item.section) last.items.push(item);
    else groups.push({ section: item.section, items: [item] });
  }
  return groups;
}

/** Pages that belong to a menu entry their address does not start with (an activity's 管理 page is 活动管理). */
const NAV_ALIASES: [RegExp, string][] = [
  [/^\/activities\/(new|types|[^/]+\/(manage|edit))$/, '/activities/admin'],
  [/^\/clubs(\/|$)/, '/activities/admin'],
  // An event's page and the register form belong to 待慰问 (for a member, who has no such entry, nothing is marked).
  [/^\/care\/events(\/|$)/, '/care'],
  // A term and a session's manage page belong to 教代会管理 (a session's own page and the check-in stay under 教代会).
  [/^\/congress\/(terms\/|sessions\/[^/]+\/manage$)/, '/congress/admin'],
];

/** The menu entry a location belongs to: an alias, else the longest matching path ("/" only on its own). */
export function activeNavPath(pathname: string): string {
  const alias = NAV_ALIASES.find(([pattern]) => pattern.test(pathname));
  if (alias) return alias[1];
  const match = NAV_ITEMS.filter((i) => (i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`)));
  return match.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '';
}
