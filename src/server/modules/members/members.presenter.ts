import { z } from 'zod';
import {
  EMPLOYMENT_STATUSES,
  GENDERS,
  MEMBERSHIP_STATUSES,
  POST_TYPES,
} from '../../../contracts/members.js';
import { ageOn, todayInShanghai } from '../../../domain/dates.js';
import { maskIdCard, maskPhone } from '../../../domain/masking.js';
import { can, type Resource } from '../../../domain/policy.js';
import type { members } from '../../db/schema/index.js';
import type { Ctx } from '../../http/context.js';

/** A member as the API shows it: sensitive fields masked for roles that do not need them. */
export const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS).nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  isLunarBirthday: z.boolean(),
  idCard: z.string().nullable(),
  phone: z.string().nullable(),
  staffNo: z.string().nullable(),
  department: z.string().nullable(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  postType: z.enum(POST_TYPES),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES),
  membershipStatus: z.enum(MEMBERSHIP_STATUSES),
  joinedOn: z.string().nullable(),
  tags: z.array(z.string()),
  note: z.string().nullable(),
  hasAccount: z.boolean(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), retire: z.boolean(), transferOut: z.boolean(), resetPassword: z.boolean() }),
});
export type MemberView = z.infer<typeof memberSchema>;

export type MemberRow = typeof members.$inferSelect & { groupName: string | null; groupPath: string | null; orgPath: string };

/** Builds the policy resource for a member row, given the path of its union. */
export function memberResource(row: Pick<MemberRow, 'groupPath' | 'userId'>, orgPath: string): Resource {
  return { type: 'member', orgPath, groupPath: row.groupPath, userId: row.userId };
}

/** Presents one member for the actor, masking what their role may not see. */
export function presentMember(ctx: Ctx, row: MemberRow, orgPath: string): MemberView {
  const resource = memberResource(row, orgPath);
  const today = todayInShanghai();
  const isActive = row.membershipStatus === 'normal' || row.membershipStatus === 'reserved';
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    birthDate: row.birthDate,
    age: row.birthDate ? ageOn(row.birthDate, today) : null,
    isLunarBirthday: row.isLunarBirthday,
    idCard: can(ctx.actor, 'member.readIdCard', resource) ? row.idCard : maskIdCard(row.idCard),
    phone: can(ctx.actor, 'member.readPhone', resource) ? row.phone : maskPhone(row.phone),
    staffNo: row.staffNo,
    department: row.department,
    groupId: row.groupId,
    groupName: row.groupName,
    postType: row.postType,
    employmentStatus: row.employmentStatus,
    membershipStatus: row.membershipStatus,
    joinedOn: row.joinedOn,
    tags: row.tags,
    note: row.note,
    hasAccount: row.userId !== null,
    updatedAt: new Date(row.updatedAt).toISOString(),
    can: {
      update: can(ctx.actor, 'member.update', resource),
      retire: isActive && row.employmentStatus === 'active' && can(ctx.actor, 'member.retire', resource),
      transferOut: isActive && can(ctx.actor, 'member.transferOut', resource),
      resetPassword: row.userId !== null && can(ctx.actor, 'user.resetPassword', { type: 'org', path: orgPath }),
    },
  };
}
