import type { AudienceMember } from './audience.js';
import { isActiveMember } from './audience.js';

/** What the participation rate needs to know about a member file (`joinedOn`: YYYY-MM-DD, null when unknown). */
export interface ParticipationMember {
  id: string;
  employmentStatus: AudienceMember['employmentStatus'];
  membershipStatus: AudienceMember['membershipStatus'];
  joinedOn: string | null;
}

/**
 * Whether a member counts in the participation base of a period ending on `periodEnd` (YYYY-MM-DD, included):
 * at work and in good standing and joined by then (an unknown join date counts), or invited to a retirees' activity
 * in the period (DOMAIN.md: 保留会籍 and retirees count only for the activities meant for them).
 */
export function isParticipationEligible(m: ParticipationMember, periodEnd: string, invitedToRetireeActivity: boolean): boolean {
  if (invitedToRetireeActivity) return true;
  return isActiveMember(m) && (m.joinedOn === null || m.joinedOn <= periodEnd);
}

/**
 * Participation of a set of members over a period: eligible members who attended at least one activity ÷ eligible
 * members. Attendance of members outside the base is not counted. Rate null when nobody is eligible.
 */
export function participation(
  members: readonly ParticipationMember[],
  attendedIds: ReadonlySet<string>,
  retireeInvitedIds: ReadonlySet<string>,
  periodEnd: string,
): { attended: number; eligible: number; rate: number | null } {
  let eligible = 0;
  let attended = 0;
  for (const m of members) {
    if (!isParticipationEligible(m, periodEnd, retireeInvitedIds.has(m.id))) continue;
    eligible += 1;
    if (attendedIds.has(m.id)) attended += 1;
  }
  return { attended, eligible, rate: eligible === 0 ? null : attended / eligible };
}

/** An activity's rate: attended ÷ invited; null when nobody was invited. */
export function activityRate(invited: number, attended: number): number | null {
  return invited > 0 ? attended / invited : null;
}
