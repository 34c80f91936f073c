import { and, asc, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { HardshipLevel, HardshipStatus } from '../../../contracts/care.js';
import type { Db } from '../../db/client.js';
import { assistanceRecords, careFiles, carePovertyLines, hardshipFiles, members, orgs, users } from '../../db/schema/index.js';

/*
 * Reading hardship files and assistance records. Every query is bounded by the union's org_id: another
 * organisation's file is simply not found.
 */

export type HardshipRow = typeof hardshipFiles.$inferSelect;

/** A file with what its pages show beside it: names, the re-assessment that followed, assistance, the reminder. */
export type HardshipFull = HardshipRow & {
  memberName: string;
  groupName: string | null;
  approverName: string | null;
  reassessedInYear: number | null;
  assistanceFen: number;
  isReviewDue: boolean;
};

const approver = alias(users, 'approver');
const memberGroup = alias(orgs, 'member_group');

/** The year of a later file of the same member (the re-assessment), if any. */
const reassessedInYear = sql<number | null>`(SELECT min(n.year) FROM hardship_files n
  WHERE n.org_id = ${hardshipFiles.orgId} AND n.member_id = ${hardshipFiles.memberId} AND n.year > ${hardshipFiles.year})`;
const assistanceFen = sql<number>`(SELECT coalesce(sum(a.amount_fen), 0) FROM assistance_records a WHERE a.hardship_file_id = ${hardshipFiles.id})`.mapWith(Number);

/** Approved, not re-assessed yet, and the review date on or before `noticeFrom` (today + the notice days). */
function reviewDueCondition(noticeFrom: string): SQL {
  return sql`(${hardshipFiles.status} = 'approved' AND ${hardshipFiles.reviewDueOn} <= ${noticeFrom}::date AND ${reassessedInYear} IS NULL)`;
}

function selectFiles(db: Db, noticeFrom: string) {
  return db
    .select({
      ...getTableColumns(hardshipFiles),
      memberName: members.name,
      groupName: memberGroup.name,
      approverName: approver.displayName,
      reassessedInYear,
      assistanceFen,
      isReviewDue: sql<boolean>`coalesce(${reviewDueCondition(noticeFrom)}, false)`,
    })
    .from(hardshipFiles)
    .innerJoin(members, eq(members.id, hardshipFiles.memberId))
    .leftJoin(memberGroup, eq(memberGroup.id, members.groupId))
    .leftJoin(approver, eq(approver.id, hardshipFiles.approvedBy));
}

/** One file of the union, or null. */
export async function findFile(db: Db, orgId: string, id: string, noticeFrom: string): Promise<HardshipFull | null> {
  const [row] = await selectFiles(db, noticeFrom)
    .where(and(eq(hardshipFiles.orgId, orgId), eq(hardshipFiles.id, id)))
    .limit(1);
  return row ?? null;
}

/** The union's files, newest year first, then by the member's name (pinyin). */
export async function fileRows(
  db: Db,
  orgId: string,
  f: { status?: HardshipStatus; level?: HardshipLevel; year?: number; reviewDueOnly?: boolean },
  noticeFrom: string,
): Promise<HardshipFull[]> {
  return selectFiles(db, noticeFrom)
    .where(
      and(
        eq(hardshipFiles.orgId, orgId),
        f.status ? eq(hardshipFiles.status, f.status) : undefined,
        f.level ? eq(hardshipFiles.level, f.level) : undefined,
        f.year ? eq(hardshipFiles.year, f.year) : undefined,
        f.reviewDueOnly ? reviewDueCondition(noticeFrom) : undefined,
      ),
    )
    .orderBy(desc(hardshipFiles.year), asc(members.pinyinKey), asc(hardshipFiles.id));
}

/** How many of the union's files are due for re-assessment. */
export async function reviewDueCount(db: Db, orgId: string, noticeFrom: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(hardshipFiles)
    .where(and(eq(hardshipFiles.orgId, orgId), reviewDueCondition(noticeFrom)));
  return row?.n ?? 0;
}

/** The files of the member records linked to an account (a member's own), newest year first. */
export async function ownFileRows(db: Db, userId: string, noticeFrom: string): Promise<HardshipFull[]> {
  return selectFiles(db, noticeFrom)
    .where(eq(members.userId, userId))
    .orderBy(desc(hardshipFiles.year), asc(hardshipFiles.id));
}

/** Whether the member already has a file for the year. */
export async function hasFileFor(db: Db, orgId: string, memberId: string, year: number): Promise<boolean> {
  const [row] = await db
    .select({ id: hardshipFiles.id })
    .from(hardshipFiles)
    .where(and(eq(hardshipFiles.orgId, orgId), eq(hardshipFiles.memberId, memberId), eq(hardshipFiles.year, year)))
    .limit(1);
  return row !== undefined;
}

/** A member on the union's roster (any status), or null: members of another union cannot be named. */
export async function unionMember(db: Db, orgId: string, memberId: string) {
  const [row] = await db
    .select({ id: members.id, name: members.name, membershipStatus: members.membershipStatus })
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.id, memberId)))
    .limit(1);
  return row ?? null;
}

/** The union's 低保线 (per person per month, fen) for a year, or null when none is set. */
export async function povertyLineFor(db: Db, orgId: string, year: number): Promise<number | null> {
  const [row] = await db
    .select({ monthlyFen: carePovertyLines.monthlyFen })
    .from(carePovertyLines)
    .where(and(eq(carePovertyLines.orgId, orgId), eq(carePovertyLines.year, year)))
    .limit(1);
  return row?.monthlyFen ?? null;
}

/** The evidence of a file, oldest first, without the bytes. */
export async function evidenceOf(db: Db, orgId: string, fileId: string) {
  return db
    .select({ id: careFiles.id, name: careFiles.name, mime: careFiles.mime, size: careFiles.size })
    .from(careFiles)
    .where(and(eq(careFiles.orgId, orgId), eq(careFiles.ownerType, 'hardship'), eq(careFiles.ownerId, fileId)))
    .orderBy(asc(careFiles.createdAt), asc(careFiles.id));
}

const recorder = alias(users, 'recorder');

/** Assistance records of the union, newest first: of a year (by the date given), of a member, of a file, or one. */
export async function assistanceRows(db: Db, orgId: string, f: { year?: number; memberId?: string; fileId?: string; id?: string }) {
  return db
    .select({
      ...getTableColumns(assistanceRecords),
      memberName: members.name,
      recorderName: recorder.displayName,
    })
    .from(assistanceRecords)
    .innerJoin(members, eq(members.id, assistanceRecords.memberId))
    .leftJoin(recorder, eq(recorder.id, assistanceRecords.recordedBy))
    .where(
      and(
        eq(assistanceRecords.orgId, orgId),
        f.year ? sql`${assistanceRecords.givenOn} BETWEEN ${`${f.year}-01-01`}::date AND ${`${f.year}-12-31`}::date` : undefined,
        f.memberId ? eq(assistanceRecords.memberId, f.memberId) : undefined,
        f.fileId ? eq(assistanceRecords.hardshipFileId, f.fileId) : undefined,
        f.id ? eq(assistanceRecords.id, f.id) : undefined,
      ),
    )
    .orderBy(desc(assistanceRecords.givenOn), desc(assistanceRecords.createdAt), desc(assistanceRecords.id));
}
export type AssistanceRow = Awaited<ReturnType<typeof assistanceRows>>[number];

/**
 * 帮扶人次, people helped and the amount given by the union between two dates (inclusive): for the plan's metric
 * (assistance_count, a count anyone reading the plan may see) and for care reports, which show the amount to the
 * hardship keepers only.
 */
export async function assistanceTotalsBetween(db: Db, orgId: string, from: string, to: string): Promise<{ count: number; people: number; amountFen: number }> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)`.mapWith(Number),
      people: sql<number>`count(DISTINCT ${assistanceRecords.memberId})`.mapWith(Number),
      amountFen: sql<number>`coalesce(sum(${assistanceRecords.amountFen}), 0)`.mapWith(Number),
    })
    .from(assistanceRecords)
    .where(and(eq(assistanceRecords.orgId, orgId), sql`${assistanceRecords.givenOn} BETWEEN ${from}::date AND ${to}::date`));
  return row ?? { count: 0, people: 0, amountFen: 0 };
}
