import type { Audience } from '../../contracts/activities.js';
import { AUDIENCE_KIND_LABELS } from '../../contracts/activities.js';
import { assertNever } from '../policy.js';

/** What the audience rule needs to know about a member file. */
export interface AudienceMember {
  id: string;
  gender: 'M' | 'F' | null;
  employmentStatus: 'active' | 'retired' | 'transferred' | 'deceased';
  membershipStatus: 'normal' | 'reserved' | 'transferred_out' | 'withdrawn';
  groupId: string | null;
  department: string | null;
}

/** At work and in good standing (在职, 会籍正常): the default audience and the participation base. */
export function isActiveMember(m: Pick<AudienceMember, 'employmentStatus' | 'membershipStatus'>): boolean {
  return m.employmentStatus === 'active' && m.membershipStatus === 'normal';
}

const isRetiredMember = (m: AudienceMember) => m.employmentStatus === 'retired' && (m.membershipStatus === 'normal' || m.membershipStatus === 'reserved');
/** Still on the roster: not transferred out, not withdrawn, not deceased (a transferred worker with a normal membership stays). */
const isOnRoster = (m: AudienceMember) => (m.membershipStatus === 'normal' || m.membershipStatus === 'reserved') && m.employmentStatus !== 'deceased';

/**
 * Whether an audience invites a member — the same rule as `audienceCondition` in
 * server/modules/activities/activities.audience.ts. `clubMemberIds`: the interest group's members (needed for 'club';
 * without it nobody is in a club audience).
 */
export function isInAudience(audience: Audience, m: AudienceMember, clubMemberIds?: ReadonlySet<string>): boolean {
  switch (audience.kind) {
    case 'all':
      return isActiveMember(m);
    case 'women':
      return isActiveMember(m) && m.gender === 'F';
    case 'retirees':
      return isRetiredMember(m);
    case 'groups':
      return isActiveMember(m) && m.groupId !== null && audience.groupIds.includes(m.groupId);
    case 'departments':
      return isActiveMember(m) && m.department !== null && audience.departments.includes(m.department);
    case 'club':
      return isOnRoster(m) && (clubMemberIds?.has(m.id) ?? false);
    case 'list':
      return isOnRoster(m) && audience.memberIds.includes(m.id);
    default:
      return assertNever(audience);
  }
}

/** Names listed in full up to this many; beyond, "A、B、C等 5 个小组". */
const NAMES_SHOWN = 3;

function namedList(names: readonly string[], unit: string): string {
  if (names.length <= NAMES_SHOWN) return names.join('、');
  return `${names.slice(0, NAMES_SHOWN).join('、')}等 ${names.length} 个${unit}`;
}

/**
 * The audience in words: "全体在职会员", "女教职工", "语文组、数学组", "指定人员（12 人）", "兴趣小组：羽毛球俱乐部".
 * Group ids without a name in `names.groups` (deleted groups) make it fall back to a count: "指定工会小组（3 个）".
 */
export function audienceLabel(audience: Audience, names?: { groups?: Record<string, string>; clubName?: string | null }): string {
  switch (audience.kind) {
    case 'all':
    case 'women':
    case 'retirees':
      return AUDIENCE_KIND_LABELS[audience.kind];
    case 'groups': {
      const groupNames = audience.groupIds.map((id) => names?.groups?.[id]);
      if (groupNames.some((n) => !n)) return `${AUDIENCE_KIND_LABELS.groups}（${audience.groupIds.length} 个）`;
      return namedList(groupNames as string[], '小组');
    }
    case 'departments':
      return namedList(audience.departments, '部门');
    case 'club':
      return names?.clubName ? `兴趣小组：${names.clubName}` : AUDIENCE_KIND_LABELS.club;
    case 'list':
      return `${AUDIENCE_KIND_LABELS.list}（${audience.memberIds.length} 人）`;
    default:
      return assertNever(audience);
  }
}
