import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Audience } from '../../../contracts/activities.js';
import { clubMembers, members } from '../../db/schema/index.js';

/** Members who are at work and in good standing: the default audience and the participation base. */
export const isActiveMember: SQL = sql`(${members.employmentStatus} = 'active' AND ${members.membershipStatus} = 'normal')`;
/** Retirees who keep their membership (保留会籍) or never left the union. */
const isRetiredMember: SQL = sql`(${members.employmentStatus} = 'retired' AND ${members.membershipStatus} IN ('normal', 'reserved'))`;
/** Anyone still on the roster: not transferred out, not withdrawn, not deceased. */
const isOnRoster: SQL = sql`(${members.membershipStatus} IN ('normal', 'reserved') AND ${members.employmentStatus} <> 'deceased')`;

/**
 * The members of `orgId` an audience invites, as a condition on `members` (the same rule as
 * domain/activities/audience.ts `isInAudience`, in SQL so that a district's 30 000 members are never loaded).
 */
export function audienceCondition(orgId: string, audience: Audience): SQL {
  const inOrg = eq(members.orgId, orgId);
  switch (audience.kind) {
    case 'all':
      return and(inOrg, isActiveMember)!;
    case 'women':
      return and(inOrg, isActiveMember, eq(members.gender, 'F'))!;
    case 'retirees':
      return and(inOrg, isRetiredMember)!;
    case 'groups':
      return and(inOrg, isActiveMember, inArray(members.groupId, audience.groupIds))!;
    case 'departments':
      return and(inOrg, isActiveMember, inArray(members.department, audience.departments))!;
    case 'club':
      return and(inOrg, isOnRoster, sql`EXISTS (SELECT 1 FROM ${clubMembers} WHERE ${clubMembers.clubId} = ${audience.clubId} AND ${clubMembers.memberId} = ${members.id})`)!;
    case 'list':
      return and(inOrg, isOnRoster, inArray(members.id, audience.memberIds))!;
  }
}
