import dayjs, { type Dayjs } from 'dayjs';
import type { BenefitForm, CareFundCategory, CareVisitInput, VisitMethod } from '../../../contracts/care';
import { todayInShanghai } from '../../../domain/dates';
import { ApiError } from '../../lib/api';
import { parseYuan } from '../../lib/money';
import type { CareEventDetail } from './care-types';

/** The visit form as the recorder fills it in: the amount in yuan as typed. */
export interface VisitFormValues {
  visitedOn: Dayjs;
  method: VisitMethod;
  visitors: { userId: string | null; name: string }[];
  goods: string;
  amount: string;
  form: BenefitForm | null;
  notes: string;
  duesConfirmed: boolean;
  fundCategory: CareFundCategory;
  payee: string;
}

/** A new visit's starting values: today, at the hospital for an illness, the two suggested visitors, the member as payee. */
export function visitFormDefaults(e: CareEventDetail): VisitFormValues {
  const isHospital = e.type.kind === 'hospital' || e.type.kind === 'surgery';
  const suggested = e.suggestedVisitors.map((s) => ({ userId: s.userId, name: s.name }));
  return {
    visitedOn: dayjs(todayInShanghai()),
    method: isHospital ? 'hospital' : 'home',
    visitors: suggested.length ? suggested : [{ userId: null, name: '' }],
    goods: '',
    amount: '',
    form: null,
    notes: '',
    duesConfirmed: false,
    fundCategory: '送温暖',
    payee: e.member.name,
  };
}

/** The form a first amount or goods suggests: goods for goods; cash for money where allowed, else a voucher. */
export function suggestedForm(isMoney: boolean, allowed: readonly BenefitForm[]): BenefitForm {
  if (!isMoney) return 'goods';
  return allowed.find((f) => f === 'cash') ?? allowed.find((f) => f === 'voucher') ?? 'cash';
}

/**
 * The body of POST /care/events/:id/visits. A visitor keeps the suggested account only while their name is the
 * suggested one; the form is sent only when something was given.
 */
export function visitBodyOf(v: VisitFormValues, e: CareEventDetail, overrideReason?: string): CareVisitInput {
  const amountFen = parseYuan(v.amount) ?? 0;
  const goods = (v.goods ?? '').trim();
  const isBenefit = amountFen > 0 || goods !== '';
  return {
    visitedOn: v.visitedOn.format('YYYY-MM-DD'),
    method: v.method,
    visitors: v.visitors
      .map((x) => ({ name: (x.name ?? '').trim(), userId: x.userId }))
      .filter((x) => x.name !== '')
      .map((x) => ({ name: x.name, userId: e.suggestedVisitors.some((s) => s.userId === x.userId && s.name === x.name) ? x.userId : null })),
    goods,
    amountFen,
    form: isBenefit ? (v.form ?? null) : null,
    notes: (v.notes ?? '').trim(),
    duesConfirmed: !!v.duesConfirmed,
    fundCategory: v.fundCategory ?? '送温暖',
    payee: amountFen > 0 ? (v.payee ?? '').trim() : '',
    ...(overrideReason ? { override: { reason: overrideReason } } : {}),
  };
}

/** The server names the amount `amountFen`; the form calls it `amount` (yuan). */
export function withVisitFormPaths(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) => (f.path === 'amountFen' ? { ...f, path: 'amount' } : f));
  return new ApiError(error.status, error.code, error.message, fields, error.details);
}
