import { and, asc, count, eq, getTableColumns, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { memberImports, members, memberHistory, orgs, users } from '../../db/schema/index.js';
import type { MemberListQuery } from '../../../contracts/members.js';
import { groupOrg, rosterFilters, rosterScope, whereAll } from './members.scope.js';
import type { MemberRow } from './members.presenter.js';
import type { Ctx } from '../../http/context.js';
import { can } from '../../../domain/policy.js';

const SORTS = {
  pinyin: [asc(members.pinyinKey), asc(members.id)],
  stroke: [asc(members.strokeKey), asc(members.id)],
  staffNo: [asc(members.staffNo), asc(members.id)],
  joinedOn: [asc(members.joinedOn), asc(members.id)],
} as const;

const memberWithGroup = { ...getTableColumns(members), groupName: groupOrg.name, groupPath: groupOrg.path, orgPath: orgs.path };

/**
 * The two queries behind one page of the roster: the page's rows and the total for the pager. Exposed as
 * query builders so a benchmark can take the exact SQL (`.toSQL()`) and run it directly as its floor.
 */
export function rosterPageQueries(ctx: Ctx, q: MemberListQuery) {
  const canSearchPhone = can(ctx.actor, 'member.readPhone', { type: 'org', path: ctx.actor.org?.path ?? '' });
  const where = whereAll([rosterScope(ctx), ...rosterFilters(q, canSearchPhone)]);
  return {
    rows: ctx.db
      .select(memberWithGroup)
      .from(members)
      .innerJoin(orgs, eq(orgs.id, members.orgId))
      .leftJoin(groupOrg, eq(groupOrg.id, members.groupId))
      .where(where)
      .orderBy(...SORTS[q.sort])
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    total: ctx.db.select({ total: count() }).from(members).where(where),
  };
}

/** One page of the roster in the actor's scope, with the total count for the pager. */
export async function listMembers(ctx: Ctx, q: MemberListQuery): Promise<{ rows: MemberRow[]; total: number }> {
  const queries = rosterPageQueries(ctx, q);
  const [rows, [{ total }]] = await Promise.all([queries.rows, queries.total]);
  return { rows, total };
}

/** Every roster row matching the filters, in sort order (for export). */
export async function listAllMembers(ctx: Ctx, q: Omit<MemberListQuery, 'page' | 'pageSize'>, limit: number): Promise<MemberRow[]> {
  const where = whereAll([rosterScope(ctx), ...rosterFilters(q, false)]);
  return ctx.db
    .select(memberWithGroup)
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .leftJoin(groupOrg, eq(groupOrg.id, members.groupId))
    .where(where)
    .orderBy(...SORTS[q.sort])
    .limit(limit);
}

/** A member row with its group and the path of its union, or null. */
export async function findMember(db: Db, id: string): Promise<MemberRow | null> {
  const [row] = await db
    .select(memberWithGroup)
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .leftJoin(groupOrg, eq(groupOrg.id, members.groupId))
    .where(eq(members.id, id))
    .limit(1);
  return row ?? null;
}

/**
 * The member's history, oldest first, with the names of who recorded each entry. A member created by an import
 * starts with that import (file, date and who), kept once on the import rather than once per member.
 */
export async function memberHistoryOf(db: Db, memberId: string) {
  const [lines, created] = await Promise.all([
    db
      .select({
        id: memberHistory.id,
        kind: memberHistory.kind,
        onDate: memberHistory.onDate,
        fromValue: memberHistory.fromValue,
        toValue: memberHistory.toValue,
        note: memberHistory.note,
        actorName: users.displayName,
        createdAt: memberHistory.createdAt,
      })
      .from(memberHistory)
      .leftJoin(users, eq(users.id, memberHistory.actorId))
      .where(eq(memberHistory.memberId, memberId))
      .orderBy(asc(memberHistory.createdAt)),
    db
      .select({
        id: memberImports.id,
        kind: sql<'imported'>`'imported'`,
        onDate: sql<string>`to_char(${memberImports.committedAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`,
        fromValue: sql<string | null>`null`,
        toValue: memberImports.fileName,
        note: sql<string | null>`null`,
        actorName: users.displayName,
        createdAt: memberImports.committedAt,
      })
      .from(members)
      .innerJoin(memberImports, eq(memberImports.id, members.importId))
      .leftJoin(users, eq(users.id, memberImports.userId))
      .where(eq(members.id, memberId)),
  ]);
  return [...created.map((c) => ({ ...c, createdAt: c.createdAt! })), ...lines];
}

/** The departments and tags in use on the roster in scope, for filter and form suggestions. */
export async function rosterFacets(ctx: Ctx): Promise<{ departments: string[]; tags: string[] }> {
  const scope = rosterScope(ctx);
  const [departments, tags] = await Promise.all([
    ctx.db.selectDistinct({ v: members.department }).from(members).where(and(scope, isNotNull(members.department))),
    ctx.db.selectDistinct({ v: sql<string>`unnest(${members.tags})` }).from(members).where(scope),
  ]);
  const sorted = (rows: { v: string | null }[]) => rows.map((r) => r.v!).filter(Boolean).sort((a, b) => a.localeCompare(b, 'zh'));
  return { departments: sorted(departments), tags: sorted(tags) };
}
