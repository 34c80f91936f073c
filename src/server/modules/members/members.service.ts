import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { members, memberHistory, orgs } from '../../db/schema/index.js';
import {
  EMPLOYMENT_STATUS_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  type MemberInput,
} from '../../../contracts/members.js';
import { completeMemberInput } from '../../../domain/member-fields.js';
import { maskIdCard, maskPhone } from '../../../domain/masking.js';
import { can, type Action } from '../../../domain/policy.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, writeAudit, type FieldChanges } from '../audit/audit.writer.js';
import { findMember } from './members.repository.js';
import { memberResource, presentMember } from './members.presenter.js';

const AUDITED_FIELDS = [
  'name', 'gender', 'birthDate', 'isLunarBirthday', 'idCard', 'phone', 'staffNo', 'department', 'groupId',
  'postType', 'employmentStatus', 'membershipStatus', 'joinedOn', 'tags', 'note',
] as const;

/** Audit changes never hold a full phone or ID number: the trail is read by more people than the roster. */
export function maskChanges(changes: FieldChanges): FieldChanges {
  const out = { ...changes };
  if (out.phone) out.phone = { from: maskPhone(out.phone.from as string | null), to: maskPhone(out.phone.to as string | null) };
  if (out.idCard) out.idCard = { from: maskIdCard(out.idCard.from as string | null), to: maskIdCard(out.idCard.to as string | null) };
  return out;
}

/** Loads a member the actor may act on, or 404 — the same answer whether it exists elsewhere or not at all. */
export async function loadMemberFor(ctx: Ctx, id: string, action: Action) {
  const row = await findMember(ctx.db, id);
  if (!row) throw notFound('会员');
  const resource = memberResource(row, row.orgPath);
  if (!can(ctx.actor, 'member.read', resource)) throw notFound('会员');
  if (action !== 'member.read' && !can(ctx.actor, action, resource)) throw forbidden();
  return row;
}

/** The union the actor's current organisation is, for creating members; 403 if not a grassroots union. */
function currentUnion(ctx: Ctx) {
  const org = ctx.actor.org;
  if (!org || !can(ctx.actor, 'member.create', { type: 'org', path: org.path })) throw forbidden('您在当前组织没有新增会员的权限');
  return org;
}

/** Checks that a group belongs to the union and that staff and ID numbers are not taken there. */
export async function assertMemberConstraints(
  db: Db,
  union: { id: string; path: string },
  input: Partial<MemberInput>,
  exceptId?: string,
): Promise<void> {
  if (input.groupId) {
    const [g] = await db.select({ path: orgs.path, kind: orgs.kind }).from(orgs).where(eq(orgs.id, input.groupId)).limit(1);
    if (!g || g.kind !== 'group' || !g.path.startsWith(union.path)) throw fieldError('groupId', '工会小组不存在或不属于本工会');
  }
  const others = exceptId ? ne(members.id, exceptId) : undefined;
  if (input.staffNo) {
    const [dup] = await db.select({ name: members.name }).from(members)
      .where(and(eq(members.orgId, union.id), eq(members.staffNo, input.staffNo), others)).limit(1);
    if (dup) throw new AppError('CONFLICT', `工号 ${input.staffNo} 已被 ${dup.name} 使用`, [{ path: 'staffNo', message: `工号已被 ${dup.name} 使用` }]);
  }
  if (input.idCard) {
    const [dup] = await db.select({ name: members.name }).from(members)
      .where(and(eq(members.orgId, union.id), eq(members.idCard, input.idCard), others)).limit(1);
    if (dup) throw new AppError('CONFLICT', `身份证号已登记在 ${dup.name} 名下`, [{ path: 'idCard', message: `身份证号已登记在 ${dup.name} 名下` }]);
  }
}

/** Adds a member to the current union's roster (or records a transfer in from another union). */
export async function createMember(ctx: Ctx, input: MemberInput, transferIn?: { fromOrgName: string; onDate: string }) {
  const union = currentUnion(ctx);
  const values = completeMemberInput(input);
  return ctx.db.transaction(async (tx) => {
    await assertMemberConstraints(tx, union, values);
    const [row] = await tx
      .insert(members)
      .values({ ...values, orgId: union.id, tags: values.tags ?? [] } as typeof members.$inferInsert)
      .returning();
    await tx.insert(memberHistory).values({
      memberId: row.id,
      orgId: union.id,
      kind: transferIn ? 'transfer_in' : 'created',
      onDate: transferIn?.onDate ?? todayInShanghai(),
      fromValue: transferIn?.fromOrgName ?? null,
      actorId: ctx.actor.userId,
    });
    const changes = maskChanges(diffFields({} as Record<string, unknown>, values, [...AUDITED_FIELDS]));
    await writeAudit(tx, {
      orgId: union.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: transferIn ? 'member.transferred_in' : 'member.created',
      entityType: 'member',
      entityId: row.id,
      entityLabel: row.name,
      changes: transferIn ? { ...changes, fromOrg: { to: transferIn.fromOrgName } } : changes,
    });
    return row.id;
  });
}

/** Edits a member's file; status and group changes also go into the member's history. */
export async function updateMember(ctx: Ctx, id: string, input: Partial<MemberInput>) {
  const row = await loadMemberFor(ctx, id, 'member.update');
  const values = completeMemberInput(input);
  // A new ID number fills in a birth date or gender only where the file has none: an edit of the ID alone
  // must not silently replace what the union recorded.
  if (input.birthDate === undefined && row.birthDate) delete values.birthDate;
  if (input.gender === undefined && row.gender) delete values.gender;
  await ctx.db.transaction(async (tx) => {
    await assertMemberConstraints(tx, { id: row.orgId, path: row.orgPath }, values, id);
    const changes = diffFields(row as unknown as Record<string, unknown>, values, [...AUDITED_FIELDS]);
    if (Object.keys(changes).length === 0) return;
    await tx.update(members).set({ ...(values as object), updatedAt: new Date() }).where(eq(members.id, id));
    const today = todayInShanghai();
    const history = [];
    if (changes.employmentStatus) {
      history.push({ kind: 'status_change' as const, fromValue: EMPLOYMENT_STATUS_LABELS[row.employmentStatus], toValue: EMPLOYMENT_STATUS_LABELS[values.employmentStatus!] });
    }
    if (changes.membershipStatus) {
      history.push({ kind: 'status_change' as const, fromValue: MEMBERSHIP_STATUS_LABELS[row.membershipStatus], toValue: MEMBERSHIP_STATUS_LABELS[values.membershipStatus!] });
    }
    if (changes.groupId) {
      const [g] = values.groupId ? await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, values.groupId)) : [];
      history.push({ kind: 'group_change' as const, fromValue: row.groupName, toValue: g?.name ?? null });
    }
    for (const h of history) {
      await tx.insert(memberHistory).values({ ...h, memberId: id, orgId: row.orgId, onDate: today, actorId: ctx.actor.userId });
    }
    await writeAudit(tx, {
      orgId: row.orgId,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'member.updated',
      entityType: 'member',
      entityId: id,
      entityLabel: values.name ?? row.name,
      changes: maskChanges(changes),
    });
  });
}

/** Records a retirement: 退休, and membership kept (保留会籍) unless the union says otherwise. */
export async function retireMember(ctx: Ctx, id: string, input: { onDate: string; keepMembership: boolean; note?: string | null }) {
  const row = await loadMemberFor(ctx, id, 'member.retire');
  if (row.employmentStatus !== 'active') throw new AppError('CONFLICT', `该会员当前状态为“${EMPLOYMENT_STATUS_LABELS[row.employmentStatus]}”，不能办理退休`);
  const membershipStatus = input.keepMembership ? 'reserved' : row.membershipStatus;
  const tags = row.tags.includes('退休') ? row.tags : [...row.tags, '退休'];
  await ctx.db.transaction(async (tx) => {
    await tx.update(members).set({ employmentStatus: 'retired', membershipStatus, tags, updatedAt: new Date() }).where(eq(members.id, id));
    await tx.insert(memberHistory).values({
      memberId: id, orgId: row.orgId, kind: 'retired', onDate: input.onDate,
      fromValue: EMPLOYMENT_STATUS_LABELS.active, toValue: input.keepMembership ? '退休（保留会籍）' : '退休',
      note: input.note ?? null, actorId: ctx.actor.userId,
    });
    await writeAudit(tx, {
      orgId: row.orgId,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'member.retired',
      entityType: 'member',
      entityId: id,
      entityLabel: row.name,
      changes: {
        employmentStatus: { from: row.employmentStatus, to: 'retired' },
        ...(membershipStatus !== row.membershipStatus ? { membershipStatus: { from: row.membershipStatus, to: membershipStatus } } : {}),
        onDate: { to: input.onDate },
      },
    });
  });
}

/** Transfers a member out (转出) to another union; the file stays, marked 已转出. */
export async function transferOutMember(ctx: Ctx, id: string, input: { onDate: string; toOrgName: string; note?: string | null }) {
  const row = await loadMemberFor(ctx, id, 'member.transferOut');
  if (row.membershipStatus === 'transferred_out' || row.membershipStatus === 'withdrawn') {
    throw new AppError('CONFLICT', `该会员已${MEMBERSHIP_STATUS_LABELS[row.membershipStatus].replace('已', '')}，不能再转出`);
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(members)
      .set({ membershipStatus: 'transferred_out', employmentStatus: row.employmentStatus === 'active' ? 'transferred' : row.employmentStatus, updatedAt: new Date() })
      .where(eq(members.id, id));
    await tx.insert(memberHistory).values({
      memberId: id, orgId: row.orgId, kind: 'transfer_out', onDate: input.onDate,
      fromValue: MEMBERSHIP_STATUS_LABELS[row.membershipStatus], toValue: input.toOrgName,
      note: input.note ?? null, actorId: ctx.actor.userId,
    });
    await writeAudit(tx, {
      orgId: row.orgId,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'member.transferred_out',
      entityType: 'member',
      entityId: id,
      entityLabel: row.name,
      changes: { membershipStatus: { from: row.membershipStatus, to: 'transferred_out' }, toOrg: { to: input.toOrgName }, onDate: { to: input.onDate } },
    });
  });
}

/** A member's file as the actor may see it. */
export async function getMember(ctx: Ctx, id: string) {
  const row = await loadMemberFor(ctx, id, 'member.read');
  return presentMember(ctx, row, row.orgPath);
}
