import { BENEFIT_FORM_LABELS, type CareDueState } from '../../../contracts/care';
import { todayInShanghai } from '../../../domain/dates';
import { assertNever } from '../../../domain/policy';
import { ApiError } from '../../lib/api';
import { formatYuan } from '../../lib/money';
import type { CapViolation, CareEventSummary, CareRule, CareVisit } from './care-types';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** "3月5日 周四" for a YYYY-MM-DD day (with the year when it is not this year's). */
export function dayText(iso: string, today = todayInShanghai()): string {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  const year = iso.slice(0, 4) === today.slice(0, 4) ? '' : `${y}年`;
  return `${year}${m}月${d}日 周${weekday}`;
}

/** Where an event stands, in words: "还剩 2 天", "今天到期", "已逾期 3 天", "已慰问", "已关闭". */
export function dueText(e: Pick<CareEventSummary, 'state' | 'daysLeft'>): string {
  switch (e.state) {
    case 'due':
      if (e.daysLeft === null) return '待慰问';
      return e.daysLeft === 0 ? '今天到期' : `还剩 ${e.daysLeft} 天`;
    case 'overdue':
      return e.daysLeft === null ? '已逾期' : `已逾期 ${Math.abs(e.daysLeft)} 天`;
    case 'visited':
      return '已慰问';
    case 'closed':
      return '已关闭';
    default:
      return assertNever(e.state);
  }
}

/** The tag colour of a due state: red when overdue, orange when the deadline is a day away, blue otherwise. */
export function dueColor(e: Pick<CareEventSummary, 'state' | 'daysLeft'>): string | undefined {
  const state: CareDueState = e.state;
  switch (state) {
    case 'due':
      return e.daysLeft !== null && e.daysLeft <= 1 ? 'orange' : 'blue';
    case 'overdue':
      return 'red';
    case 'visited':
      return 'green';
    case 'closed':
      return undefined;
    default:
      return assertNever(state);
  }
}

/** The deadline in words: "应于 3月8日 周日 前慰问（事发后 3 天内）", or that the type has none. */
export function deadlineText(dueOn: string | null, deadlineDays: number | null): string {
  if (!dueOn) return '此类事由不设慰问时限';
  return `应于 ${dayText(dueOn)} 前慰问${deadlineDays === null ? '' : `（事发后 ${deadlineDays} 天内）`}`;
}

/** "实物、现金". */
export function formsText(forms: readonly (keyof typeof BENEFIT_FORM_LABELS)[]): string {
  return forms.map((f) => BENEFIT_FORM_LABELS[f]).join('、');
}

/**
 * The rule's hint above the visit form: what the member had this year and the limits that apply, e.g.
 * "本年已慰问 1 次，已发 500.00 元；单次上限 500.00 元".
 */
export function ruleHint(rule: CareRule, yearToDate: { count: number; amountFen: number }): string {
  const parts: string[] = [];
  parts.push(yearToDate.count === 0 ? '本年尚未慰问过' : `本年已慰问 ${yearToDate.count} 次，已发 ${formatYuan(yearToDate.amountFen)}`);
  if (rule.capPerEventFen === 0) {
    parts.push('此类事由只走访，不发慰问金');
    return parts.join('；');
  }
  if (rule.standardFen !== null && rule.standardFen !== rule.capPerEventFen) parts.push(`标准 ${formatYuan(rule.standardFen)}`);
  if (rule.capPerEventFen !== null) parts.push(`单次上限 ${formatYuan(rule.capPerEventFen)}`);
  if (rule.capPerYearFen !== null) parts.push(`每人每年上限 ${formatYuan(rule.capPerYearFen)}`);
  if (rule.countPerYear !== null) parts.push(`每年限 ${rule.countPerYear} 次`);
  if (rule.claimMonths !== null) parts.push(`事发后 ${rule.claimMonths} 个月内发放`);
  parts.push(`可发${formsText(rule.forms)}`);
  return parts.join('；');
}

/** The rules a CARE_CAP refusal names (every one broken); the message alone when the body lists none. */
export function capViolationsOf(error: unknown): CapViolation[] | null {
  if (!(error instanceof ApiError) || error.code !== 'CARE_CAP') return null;
  const listed = error.details.violations;
  if (Array.isArray(listed) && listed.length > 0) return listed as CapViolation[];
  return [{ rule: 'cap_per_event', message: error.message }];
}

/** A suggested visitor's role as people say it: "工会委员（生活福利）" → "生活福利委员"; others as they are. */
export function roleShort(role: string): string {
  return role.replace(/^工会委员（(.+)）$/, '$1委员');
}

/** What was given on a visit: "水果、牛奶，价值 300.00 元", "现金 500.00 元", or that it was a visit only. */
export function givenText(v: Pick<CareVisit, 'goods' | 'amountFen' | 'form'>): string {
  if (!v.goods && v.amountFen === 0) return '仅走访，未发放物品或慰问金';
  if (v.amountFen === 0) return v.form && v.form !== 'goods' ? `${v.goods}（${BENEFIT_FORM_LABELS[v.form]}）` : v.goods;
  const isGoodsValue = v.form === 'goods' && v.goods !== '';
  const money = isGoodsValue ? `价值 ${formatYuan(v.amountFen)}` : `${v.form ? `${BENEFIT_FORM_LABELS[v.form]} ` : ''}${formatYuan(v.amountFen)}`;
  return v.goods ? `${v.goods}${isGoodsValue ? '，' : '；'}${money}` : money;
}

