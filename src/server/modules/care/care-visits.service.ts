import { eq, sql } from 'drizzle-orm';
import { BENEFIT_FORM_LABELS, VISIT_METHOD_LABELS, type BenefitForm, type CareEventDetail, type CareVisitInput } from '../../../contracts/care.js';
import { shanghaiToday, visitViolations, yuan } from '../../../domain/care/index.js';
import { careEvents, careVisits } from '../../db/schema/index.js';
import { careCapError, fieldError, forbidden } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { assertNotClosed, canForMember, loadCareEvent, OVERRIDE_REFUSED } from './care.access.js';
import { eventPage } from './care-events.service.js';
import { benefitsOf, findCareEvent, findCareType, roleHoldersInUnion, ruleOf } from './care.repository.js';

/*
 * Recording a visit (慰问) for an event, checked against the type's rule (domain/care visitViolations). A visit that
 * breaks a rule is refused with every rule it breaks (409 CARE_CAP) unless the chair overrides it with a reason.
 */

/** The form a visit is recorded with: the one chosen, else the only one its contents imply (goods or cash), else none. */
function recordedForm(v: Pick<CareVisitInput, 'form' | 'goods' | 'amountFen'>): BenefitForm | null {
  if (v.form) return v.form;
  const hasGoods = v.goods !== '';
  if (hasGoods && v.amountFen === 0) return 'goods';
  if (!hasGoods && v.amountFen > 0) return 'cash';
  return null;
}

/**
 * POST /care/events/:id/visits: records a visit; the event becomes 已慰问. The caps are checked under a lock of the
 * member's care records, so two visits recorded at once cannot both pass a cap that only one fits under.
 */
export async function recordVisit(ctx: Ctx, eventId: string, input: CareVisitInput): Promise<CareEventDetail> {
  const { scope, event } = await loadCareEvent(ctx, eventId, 'care.visit');
  assertNotClosed(event, '登记慰问');
  const member = { groupPath: event.groupPath, userId: event.memberUserId };
  if (input.override && !canForMember(ctx, scope, 'care.override', member)) throw forbidden(OVERRIDE_REFUSED);
  if (input.visitedOn > shanghaiToday(new Date())) throw fieldError('visitedOn', '慰问日期不能晚于今天');
  // A visit dated before its event would move money out of the year the caps count it in.
  if (input.visitedOn < event.occurredOn) throw fieldError('visitedOn', `慰问日期不能早于事由发生日期（${event.occurredOn}）`);
  const named = [...new Set(input.visitors.flatMap((v) => (v.userId ? [v.userId] : [])))];
  const holders = await roleHoldersInUnion(ctx.db, scope.union.path, named);
  const stranger = input.visitors.findIndex((v) => v.userId !== null && !holders.has(v.userId));
  if (stranger >= 0) throw fieldError(`visitors.${stranger}.userId`, '慰问人应为本工会的人员');
  const form = recordedForm(input);

  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`care_member:${event.memberId}`}))`);
    // Read again under the lock: a concurrent close, or a type change, counts.
    const current = (await findCareEvent(tx, scope.union.id, event.id))!;
    assertNotClosed(current, '登记慰问');
    const type = (await findCareType(tx, scope.union.id, current.typeId))!;
    const violations = visitViolations({
      rule: ruleOf(type),
      typeName: type.name,
      typeId: type.id,
      eventId: current.id,
      occurredOn: current.occurredOn,
      visitedOn: input.visitedOn,
      amountFen: input.amountFen,
      goods: input.goods,
      form: input.form,
      duesConfirmed: input.duesConfirmed,
      prior: await benefitsOf(tx, current.memberId, type.id, current.id),
    });
    const isOverride = violations.length > 0;
    if (isOverride && !input.override) throw careCapError(violations);
    const [visit] = await tx
      .insert(careVisits)
      .values({
        orgId: scope.union.id,
        eventId: current.id,
        memberId: current.memberId,
        typeId: type.id,
        visitedOn: input.visitedOn,
        method: input.method,
        // A visitor named by account is recorded under the account's own name.
        visitors: input.visitors.map((v) => ({ userId: v.userId, name: (v.userId && holders.get(v.userId)) || v.name })),
        goods: input.goods,
        amountFen: input.amountFen,
        form,
        notes: input.notes,
        duesConfirmed: input.duesConfirmed,
        fundCategory: input.fundCategory,
        payee: input.payee || current.memberName,
        overrideReason: isOverride ? input.override!.reason : null,
        overrideBy: isOverride ? ctx.actor.userId : null,
        overrideViolations: isOverride ? violations : null,
        recordedBy: ctx.actor.userId,
      })
      .returning({ id: careVisits.id });
    if (current.status === 'open') await tx.update(careEvents).set({ status: 'visited', updatedAt: new Date() }).where(eq(careEvents.id, current.id));
    const label = `${current.memberName}·${type.name}`;
    const actor = { userId: ctx.actor.userId, name: ctx.actor.name };
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor,
      action: 'care.visit.created',
      entityType: 'care_event',
      entityId: current.id,
      entityLabel: label,
      changes: {
        visit: { to: visit.id },
        visitedOn: { to: input.visitedOn },
        method: { to: VISIT_METHOD_LABELS[input.method] },
        visitors: { to: input.visitors.map((v) => v.name).join('、') },
        goods: { to: input.goods },
        amount: { to: `${yuan(input.amountFen)} 元` },
        form: { to: form ? BENEFIT_FORM_LABELS[form] : null },
        fundCategory: { to: input.fundCategory },
      },
    });
    if (isOverride) {
      await writeAudit(tx, {
        orgId: scope.union.id,
        actor,
        action: 'care.visit.override',
        entityType: 'care_event',
        entityId: current.id,
        entityLabel: label,
        changes: { visit: { to: visit.id }, reason: { to: input.override!.reason }, violations: { to: violations.map((v) => v.message) } },
      });
    }
  });
  return eventPage(ctx, scope, (await findCareEvent(ctx.db, scope.union.id, event.id))!);
}
