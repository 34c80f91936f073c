import { BENEFIT_FORM_LABELS, BENEFIT_FORMS, type BenefitForm, type CapViolation, type CareRule } from '../../contracts/care.js';
import { chineseDate } from '../calendar-dates.js';
import { addMonths } from './deadlines.js';
import { yuan } from './money.js';

/**
 * The union's standards applied to a payment (DOMAIN.md §4 "Care": caps per event, per person per year, count
 * limits, allowed forms, claim window, dues). Each check names the rule and the figures in yuan, so the refusal
 * tells the recorder what to change; the chair may still override with a written reason (that is the server's).
 */

/** An earlier benefit (a visit with money or goods) of the same member, as the server reads it. */
export interface PriorBenefit {
  eventId: string;
  typeId: string;
  /** The visit's date, YYYY-MM-DD. */
  on: string;
  amountFen: number;
}

/** A visit about to be recorded, with the type's rule and the member's earlier benefits. */
export interface VisitCheck {
  rule: CareRule;
  typeName: string;
  typeId: string;
  eventId: string;
  occurredOn: string;
  visitedOn: string;
  amountFen: number;
  goods: string;
  form: BenefitForm | null;
  duesConfirmed: boolean;
  prior: readonly PriorBenefit[];
}

const yearOf = (iso: string) => iso.slice(0, 4);

/** "实物" / "实物或现金" / "实物、现金或卡券", in the order of BENEFIT_FORMS. */
function formList(forms: readonly BenefitForm[]): string {
  const labels = BENEFIT_FORMS.filter((f) => forms.includes(f)).map((f) => BENEFIT_FORM_LABELS[f]);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join('、')}或${labels[labels.length - 1]}`;
}

/** The forms a visit gives: the one chosen, or, when none is chosen, goods for goods and cash for money. */
function formsGiven(v: Pick<VisitCheck, 'amountFen' | 'goods' | 'form'>): BenefitForm[] {
  if (v.form !== null) return [v.form];
  const given: BenefitForm[] = [];
  if (v.goods.trim() !== '') given.push('goods');
  if (v.amountFen > 0) given.push('cash');
  return given;
}

function formViolation(subject: string, allowed: readonly BenefitForm[], given: readonly BenefitForm[]): CapViolation | null {
  const refused = given.filter((f) => !allowed.includes(f));
  if (refused.length === 0) return null;
  const only = allowed.length === 0 ? '不能发放任何物品或金额' : `只能以${formList(allowed)}发放`;
  return { rule: 'form', message: `${subject}${only}，不能发放${formList(refused)}` };
}

/**
 * Every rule of the type that the visit breaks, in the order form, cap_per_event, cap_per_year, count_per_year,
 * claim_window, dues; empty when it may be recorded. A visit that gives nothing (no money, no goods) breaks none.
 * Money is summed over the visits' dates: the year is the calendar year of `visitedOn`. `prior` may hold the
 * member's benefits of any type and year; each one counts as a benefit, goods-only ones included.
 */
export function visitViolations(v: VisitCheck): CapViolation[] {
  const isBenefit = v.amountFen > 0 || v.goods.trim() !== '';
  if (!isBenefit) return [];
  const { rule } = v;
  const type = `“${v.typeName}”`;
  const year = yearOf(v.visitedOn);
  const sameEvent = v.prior.filter((p) => p.eventId === v.eventId);
  const sameTypeThisYear = v.prior.filter((p) => p.typeId === v.typeId && yearOf(p.on) === year);
  const sum = (list: readonly PriorBenefit[]) => list.reduce((s, p) => s + p.amountFen, 0);
  const violations: CapViolation[] = [];

  const form = formViolation(type, rule.forms, formsGiven(v));
  if (form) violations.push(form);

  if (rule.capPerEventFen !== null && v.amountFen > 0) {
    const before = sum(sameEvent);
    if (before + v.amountFen > rule.capPerEventFen) {
      const figures = before > 0 ? `此前已发 ${yuan(before)} 元，本次 ${yuan(v.amountFen)} 元` : `本次 ${yuan(v.amountFen)} 元`;
      const message =
        rule.capPerEventFen === 0
          ? `${type}只慰问、不发放慰问金（${figures}）`
          : `超过${type}单次上限 ${yuan(rule.capPerEventFen)} 元（${figures}）`;
      violations.push({ rule: 'cap_per_event', message });
    }
  }

  if (rule.capPerYearFen !== null && v.amountFen > 0) {
    const before = sum(sameTypeThisYear);
    if (before + v.amountFen > rule.capPerYearFen) {
      violations.push({
        rule: 'cap_per_year',
        message: `超过${type}每人每年上限 ${yuan(rule.capPerYearFen)} 元（${year}年已发 ${yuan(before)} 元，本次 ${yuan(v.amountFen)} 元）`,
      });
    }
  }

  // The count is of events, so a second visit to an event that already had a benefit is not another one.
  if (rule.countPerYear !== null && sameEvent.length === 0) {
    const others = new Set(sameTypeThisYear.filter((p) => p.eventId !== v.eventId).map((p) => p.eventId));
    if (others.size >= rule.countPerYear) {
      violations.push({
        rule: 'count_per_year',
        message: `${type}每人每年限慰问 ${rule.countPerYear} 次，${year}年已慰问 ${others.size} 次`,
      });
    }
  }

  if (rule.claimMonths !== null) {
    const lastDay = addMonths(v.occurredOn, rule.claimMonths);
    if (v.visitedOn > lastDay) {
      violations.push({
        rule: 'claim_window',
        message: `超过${type}申领期限：应在事发后 ${rule.claimMonths} 个月内（截至 ${chineseDate(lastDay)}）申领，本次慰问日期为 ${chineseDate(v.visitedOn)}`,
      });
    }
  }

  if (rule.requiresDues && !v.duesConfirmed) {
    violations.push({ rule: 'dues', message: `${type}慰问以按时缴纳会费为前提，请先确认该会员会费已按时缴纳` });
  }
  return violations;
}

/**
 * The festival cap across all campaigns of the year: null while the member's year total plus this value stays
 * within the cap (exactly the cap is allowed) or there is no cap.
 */
export function festivalCapViolation(capPerYearFen: number | null, receivedThisYearFen: number, valueFen: number): CapViolation | null {
  if (capPerYearFen === null || receivedThisYearFen + valueFen <= capPerYearFen) return null;
  if (receivedThisYearFen >= capPerYearFen) {
    return { rule: 'festival_cap', message: `本年节日慰问已达 ${yuan(capPerYearFen)} 元上限` };
  }
  return {
    rule: 'festival_cap',
    message: `本年节日慰问已发 ${yuan(receivedThisYearFen)} 元，再发 ${yuan(valueFen)} 元将超过每人每年 ${yuan(capPerYearFen)} 元上限`,
  };
}

/** The form of a festival gift against the union's festival forms (by default goods only). */
export function festivalFormViolation(forms: readonly BenefitForm[], form: BenefitForm): CapViolation | null {
  if (forms.includes(form)) return null;
  if (forms.length === 1 && forms[0] === 'goods') return { rule: 'form', message: '节日慰问品应为实物，不发放现金或购物卡' };
  return formViolation('节日慰问', forms, [form]);
}

/** A birthday benefit against the union's birthday cap and forms (e.g. ≤ 300 元, cake or cake voucher). */
export function birthdayViolations(capFen: number | null, forms: readonly BenefitForm[], amountFen: number, form: BenefitForm): CapViolation[] {
  const violations: CapViolation[] = [];
  const wrongForm = formViolation('生日慰问', forms, [form]);
  if (wrongForm) violations.push(wrongForm);
  if (capFen !== null && amountFen > capFen) {
    violations.push({ rule: 'birthday_cap', message: `超过生日慰问上限 ${yuan(capFen)} 元（本次 ${yuan(amountFen)} 元）` });
  }
  return violations;
}
