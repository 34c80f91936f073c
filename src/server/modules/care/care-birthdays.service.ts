import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { BENEFIT_FORM_LABELS, type BirthdayList, type birthdayBenefitRequestSchema, type birthdayBenefitSchema } from '../../../contracts/care.js';
import { addDays, birthdayViolations, shanghaiToday, upcomingBirthdays, yuan } from '../../../domain/care/index.js';
import { can } from '../../../domain/policy.js';
import { careBirthdayBenefits, members, orgs } from '../../db/schema/index.js';
import { AppError, careCapError, fieldError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { isActiveMember } from '../activities/activities.audience.js';
import { canForMember, careScope, careScopeFor, OVERRIDE_REFUSED } from './care.access.js';
import { careMemberOf, careSettingsOf } from './care.repository.js';

/*
 * Birthdays (生日慰问): who has a birthday this week or this month — solar, or the lunar date converted for the year —
 * and the birthday benefit (e.g. a cake voucher), at most one per member and year, within the union's birthday rule.
 */

const birthdayGroup = alias(orgs, 'birthday_group');

/** This week (Monday to Sunday) or this month, around a day. */
export function birthdayRange(range: 'week' | 'month', today: string): { from: string; to: string } {
  if (range === 'month') {
    const [y, m] = today.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { from: `${today.slice(0, 7)}-01`, to: `${today.slice(0, 7)}-${String(last).padStart(2, '0')}` };
  }
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const monday = addDays(today, -((weekday + 6) % 7));
  return { from: monday, to: addDays(monday, 6) };
}

/**
 * GET /care/birthdays?range=week|month: members at work (a group leader: their group's) whose birthday falls in the
 * range, by date, with whether the year's birthday benefit was given; and the birthday rule for the form.
 */
export async function listBirthdays(ctx: Ctx, range: 'week' | 'month'): Promise<BirthdayList> {
  const scope = await careScopeFor(ctx, 'care.read');
  const { from, to } = birthdayRange(range, shanghaiToday(new Date()));
  const rows = await ctx.db
    .select({ id: members.id, name: members.name, groupName: birthdayGroup.name, birthDate: members.birthDate, isLunar: members.isLunarBirthday })
    .from(members)
    .leftJoin(birthdayGroup, eq(birthdayGroup.id, members.groupId))
    .where(and(eq(members.orgId, scope.union.id), isActiveMember, scope.groupId === null ? undefined : eq(members.groupId, scope.groupId)))
    .orderBy(asc(members.pinyinKey), asc(members.id));
  const upcoming = upcomingBirthdays(rows, from, to);
  const years = [...new Set(upcoming.map((b) => Number(b.date.slice(0, 4))))];
  const given =
    upcoming.length === 0
      ? []
      : await ctx.db
          .select({ memberId: careBirthdayBenefits.memberId, year: careBirthdayBenefits.year })
          .from(careBirthdayBenefits)
          .where(
            and(
              eq(careBirthdayBenefits.orgId, scope.union.id),
              inArray(
                careBirthdayBenefits.memberId,
                upcoming.map((b) => b.id),
              ),
              inArray(careBirthdayBenefits.year, years),
            ),
          );
  const isGiven = new Set(given.map((g) => `${g.memberId}:${g.year}`));
  const settings = await careSettingsOf(ctx.db, scope.union.id);
  return {
    from,
    to,
    items: upcoming.map((b) => ({
      memberId: b.id,
      name: b.name,
      groupName: b.groupName,
      date: b.date,
      isLunar: b.isLunar,
      lunarText: b.lunarText,
      benefitGiven: isGiven.has(`${b.id}:${b.date.slice(0, 4)}`),
    })),
    capFen: settings.birthdayCapFen,
    forms: settings.birthdayForms,
    canGive: can(ctx.actor, 'care.visit', { type: 'org', path: scope.org.path }),
  };
}

type BenefitRequest = z.infer<typeof birthdayBenefitRequestSchema>;

/**
 * POST /care/birthdays/benefits: the year's birthday benefit of a member (whoever may visit them). Refused past the
 * birthday cap or in a form the rule does not allow (409 CARE_CAP, every rule named) unless the chair overrides with
 * a reason; a second benefit in a year is refused.
 */
export async function giveBirthdayBenefit(ctx: Ctx, input: BenefitRequest): Promise<z.infer<typeof birthdayBenefitSchema>> {
  const scope = await careScope(ctx);
  const member = await careMemberOf(ctx.db, scope.union.id, input.memberId);
  if (!member) throw notFound('会员');
  if (!canForMember(ctx, scope, 'care.visit', member)) throw forbidden(scope.groupId !== null ? '工会小组长只能为本小组的会员登记生日慰问' : '您没有为该会员登记生日慰问的权限');
  if (input.override && !canForMember(ctx, scope, 'care.override', member)) throw forbidden(OVERRIDE_REFUSED);
  if (member.membershipStatus === 'transferred_out' || member.membershipStatus === 'withdrawn') throw fieldError('memberId', '该会员已转出或退会，不能登记生日慰问');
  if (input.givenOn > shanghaiToday(new Date())) throw fieldError('givenOn', '发放日期不能晚于今天');
  // One benefit per member and year: the year is the one it is given in, so a second one cannot be filed under another year.
  if (Number(input.givenOn.slice(0, 4)) !== input.year) throw fieldError('year', `生日慰问的年度应为发放日期所在的年度（${input.givenOn.slice(0, 4)}年）`);
  const settings = await careSettingsOf(ctx.db, scope.union.id);
  const violations = birthdayViolations(settings.birthdayCapFen, settings.birthdayForms, input.amountFen, input.form);
  if (violations.length > 0 && !input.override) throw careCapError(violations);
  const alreadyGiven = () => new AppError('CONFLICT', `${member.name}${input.year}年的生日慰问已发放，每人每年一次`, [{ path: 'memberId', message: '本年度已发放生日慰问' }]);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(careBirthdayBenefits)
      .values({
        orgId: scope.union.id,
        memberId: member.id,
        year: input.year,
        item: input.item,
        amountFen: input.amountFen,
        form: input.form,
        givenOn: input.givenOn,
        recordedBy: ctx.actor.userId,
        ...(violations.length > 0 ? { overrideReason: input.override!.reason, overrideBy: ctx.actor.userId, overrideViolations: violations } : {}),
      })
      .onConflictDoNothing({ target: [careBirthdayBenefits.orgId, careBirthdayBenefits.memberId, careBirthdayBenefits.year] })
      .returning();
    if (!row) throw alreadyGiven();
    const isOverride = violations.length > 0;
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'care.birthday.given',
      entityType: 'care_birthday',
      entityId: row.id,
      entityLabel: `${member.name}·${input.year}年生日慰问`,
      changes: {
        item: { to: input.item },
        amount: { to: `${yuan(input.amountFen)} 元` },
        form: { to: BENEFIT_FORM_LABELS[input.form] },
        givenOn: { to: input.givenOn },
        ...(isOverride ? { override: { to: input.override!.reason }, violations: { to: violations.map((v) => v.message) } } : {}),
      },
    });
    return {
      id: row.id,
      memberId: row.memberId,
      year: row.year,
      item: row.item,
      amountFen: row.amountFen,
      form: row.form,
      givenOn: row.givenOn,
      fundCategory: row.fundCategory,
    };
  });
}
