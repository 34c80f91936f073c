import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { capViolationsOf, dayText, deadlineText, dueColor, dueText, givenText, ruleHint } from './care-format';
import type { CareEventDetail, CareRule } from './care-types';
import { suggestedForm, visitBodyOf, withVisitFormPaths, type VisitFormValues } from './visit-form-values';

const rule: CareRule = {
  deadlineDays: 3,
  standardFen: 50000,
  capPerEventFen: 50000,
  capPerYearFen: null,
  countPerYear: null,
  forms: ['goods', 'cash'],
  claimMonths: null,
  requiresDues: false,
};

describe('due state in words', () => {
  it('counts the days left, says today on the last day and counts overdue days without a minus sign', () => {
    expect(dueText({ state: 'due', daysLeft: 2 })).toBe('还剩 2 天');
    expect(dueText({ state: 'due', daysLeft: 0 })).toBe('今天到期');
    expect(dueText({ state: 'due', daysLeft: null })).toBe('待慰问');
    expect(dueText({ state: 'overdue', daysLeft: -3 })).toBe('已逾期 3 天');
    expect(dueText({ state: 'visited', daysLeft: null })).toBe('已慰问');
    expect(dueText({ state: 'closed', daysLeft: null })).toBe('已关闭');
  });

  it('turns orange a day before the deadline and red once past it', () => {
    expect(dueColor({ state: 'due', daysLeft: 2 })).toBe('blue');
    expect(dueColor({ state: 'due', daysLeft: 1 })).toBe('orange');
    expect(dueColor({ state: 'overdue', daysLeft: -1 })).toBe('red');
  });

  it('writes days with the weekday, and the year only when it is not this one', () => {
    expect(dayText('2026-03-05', '2026-11-21')).toBe('3月5日 周四');
    expect(dayText('2025-12-31', '2026-01-02')).toBe('2025年12月31日 周三');
    expect(deadlineText(null, null)).toBe('此类事由不设慰问时限');
  });
});

describe('the rule hint above the visit form', () => {
  it('names what the member had this year and the cap per event', () => {
    expect(ruleHint(rule, { count: 1, amountFen: 50000 })).toBe('本年已慰问 1 次，已发 500.00 元；单次上限 500.00 元；可发实物、现金');
  });

  it('lists the yearly cap, the count limit and the claim window, and the standard when it differs from the cap', () => {
    const hint = ruleHint({ ...rule, standardFen: 30000, capPerYearFen: 100000, countPerYear: 1, claimMonths: 6 }, { count: 0, amountFen: 0 });
    expect(hint).toBe('本年尚未慰问过；标准 300.00 元；单次上限 500.00 元；每人每年上限 1,000.00 元；每年限 1 次；事发后 6 个月内发放；可发实物、现金');
  });

  it('says a visit-only type gives no money', () => {
    expect(ruleHint({ ...rule, capPerEventFen: 0 }, { count: 0, amountFen: 0 })).toBe('本年尚未慰问过；此类事由只走访，不发慰问金');
  });
});

describe('a CARE_CAP refusal', () => {
  it('lists every rule the body names', () => {
    const violations = [
      { rule: 'cap_per_event', message: '超过单次上限' },
      { rule: 'dues', message: '须确认会费' },
    ];
    expect(capViolationsOf(new ApiError(409, 'CARE_CAP', '超过单次上限', [], { violations }))).toEqual(violations);
  });

  it('falls back to the message, and is not one for other errors', () => {
    expect(capViolationsOf(new ApiError(409, 'CARE_CAP', '超过单次上限'))).toEqual([{ rule: 'cap_per_event', message: '超过单次上限' }]);
    expect(capViolationsOf(new ApiError(409, 'CONFLICT', '冲突'))).toBeNull();
  });
});

describe('the visit body', () => {
  const event = {
    suggestedVisitors: [
      { userId: 'u-leader', name: '王小组长', role: '工会小组长' },
      { userId: 'u-welfare', name: '李委员', role: '生活福利委员' },
    ],
  } as CareEventDetail;
  const values: VisitFormValues = {
    visitedOn: dayjs('2026-11-21'),
    method: 'hospital',
    visitors: [
      { userId: 'u-leader', name: ' 王小组长 ' },
      { userId: 'u-welfare', name: '张三' },
      { userId: null, name: '  ' },
    ],
    goods: ' 水果 ',
    amount: '1,300.5',
    form: 'cash',
    notes: '',
    duesConfirmed: true,
    fundCategory: '送温暖',
    payee: ' 赵会员 ',
  };

  it('sends fen, trims text, drops empty visitors and keeps an account only while the suggested name is kept', () => {
    const body = visitBodyOf(values, event);
    expect(body.amountFen).toBe(130050);
    expect(body.goods).toBe('水果');
    expect(body.visitedOn).toBe('2026-11-21');
    expect(body.visitors).toEqual([
      { name: '王小组长', userId: 'u-leader' },
      { name: '张三', userId: null },
    ]);
    expect(body.payee).toBe('赵会员');
    expect(body.override).toBeUndefined();
  });

  it('sends no form and no payee for a visit that gave nothing, and the override reason when the chair approves', () => {
    const body = visitBodyOf({ ...values, goods: '', amount: '' }, event, '病情严重，经委员会研究同意');
    expect(body.amountFen).toBe(0);
    expect(body.form).toBeNull();
    expect(body.payee).toBe('');
    expect(body.override).toEqual({ reason: '病情严重，经委员会研究同意' });
  });

  it('moves the amount problem onto the yuan field', () => {
    const moved = withVisitFormPaths(new ApiError(400, 'VALIDATION_FAILED', '慰问金额不能为负数', [{ path: 'amountFen', message: '慰问金额不能为负数' }]));
    expect((moved as ApiError).fields).toEqual([{ path: 'amount', message: '慰问金额不能为负数' }]);
  });

  it('suggests goods for goods and cash for money, a voucher where cash is not allowed', () => {
    expect(suggestedForm(false, ['cash'])).toBe('goods');
    expect(suggestedForm(true, ['goods', 'cash'])).toBe('cash');
    expect(suggestedForm(true, ['goods', 'voucher'])).toBe('voucher');
  });
});

describe('what a visit gave, in words', () => {
  it('reads goods with their value, money with its form, and a visit without either', () => {
    expect(givenText({ goods: '水果、牛奶', amountFen: 30000, form: 'goods' })).toBe('水果、牛奶，价值 300.00 元');
    expect(givenText({ goods: '水果', amountFen: 50000, form: 'cash' })).toBe('水果；现金 500.00 元');
    expect(givenText({ goods: '', amountFen: 50000, form: 'voucher' })).toBe('卡券 500.00 元');
    expect(givenText({ goods: '鲜花', amountFen: 0, form: 'goods' })).toBe('鲜花');
    expect(givenText({ goods: '', amountFen: 0, form: null })).toBe('仅走访，未发放物品或慰问金');
  });
});
