import { and, eq, gte, inArray, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { members, orgs } from '../../db/schema/index.js';
import { birthRangeForAges, todayInShanghai } from '../../../domain/dates.js';
import { can } from '../../../domain/policy.js';
import type { MemberListQuery } from '../../../contracts/members.js';
import { forbidden } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';

export const groupOrg = alias(orgs, 'group_org');

const AGE_BANDS: Record<NonNullable<MemberListQuery['ageBand']>, [number, number | null]> = {
  under30: [0, 29],
  '30to39': [30, 39],
  '40to49': [40, 49],
  '50to59': [50, 59],
  '60plus': [60, null],
};

/**
 * The SQL condition that limits members to what the actor's current organisation reaches: the whole roster
 * of a grassroots union, or the groups beneath a sub-union or group. Throws 403 for anyone else.
 */
export function rosterScope(ctx: Ctx): SQL {
  const org = ctx.actor.org;
  if (!org || !can(ctx.actor, 'member.list', { type: 'org', path: org.path })) throw forbidden('您在当前组织没有查看会员档案的权限');
  if (org.kind === 'grassroots') return eq(members.orgId, org.id);
  return inArray(members.groupId, sql`(SELECT o.id FROM orgs o WHERE o.path LIKE ${org.path + '%'})`);
}

/** Filters and search of the roster list, as SQL conditions (combined with AND). */
export function rosterFilters(q: Omit<MemberListQuery, 'page' | 'pageSize' | 'sort'>, canSearchPhone: boolean): SQL[] {
  const where: SQL[] = [];
  if (q.groupId) {
    where.push(
      inArray(
        members.groupId,
        sql`(SELECT o.id FROM orgs o WHERE o.path LIKE (SELECT p.path FROM orgs p WHERE p.id = ${q.groupId}) || '%')`,
      ),
    );
  }
  if (q.department) where.push(eq(members.department, q.department));
  if (q.postType) where.push(eq(members.postType, q.postType));
  if (q.employmentStatus) where.push(eq(members.employmentStatus, q.employmentStatus));
  if (q.membershipStatus) where.push(eq(members.membershipStatus, q.membershipStatus));
  if (q.gender) where.push(eq(members.gender, q.gender));
  if (q.tag) where.push(sql`${q.tag} = ANY(${members.tags})`);
  if (q.ageBand) {
    const [min, max] = AGE_BANDS[q.ageBand];
    const range = birthRangeForAges(todayInShanghai(), min, max);
    where.push(lte(members.birthDate, range.to));
    if (range.from) where.push(gte(members.birthDate, range.from));
  }
  if (q.q) {
    const text = q.q.trim();
    const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
    const lower = escaped.toLowerCase();
    const options: SQL[] = [like(members.name, `%${escaped}%`), eq(members.staffNo, text)];
    if (/^[a-z]+$/i.test(text)) options.push(like(members.initials, `${lower}%`), like(members.pinyin, `${lower}%`));
    if (canSearchPhone && /^\d{4,11}$/.test(text)) options.push(like(members.phone, `%${escaped}%`));
    where.push(or(...options)!);
  }
  return where;
}

export const whereAll = (parts: SQL[]) => and(...parts);
