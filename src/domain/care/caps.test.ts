import { describe, expect, it } from 'vitest';
import type { CareRule } from '../../contracts/care.js';
import { birthdayViolations, festivalCapViolation, festivalFormViolation, visitViolations, type PriorBenefit, type VisitCheck } from './caps.js';

const NO_LIMITS: CareRule = {
  deadlineDays: 3,
  standardFen: null,
  capPerEventFen: null,
  capPerYearFen: null,
  countPerYear: null,
  forms: ['goods', 'cash'],
  claimMonths: null,
  requiresDues: false,
};

/** A 生病住院 visit of 500 元 in cash, on the event of 2026-03-10, with nothing given before. */
function visit(over: Omit<Partial<VisitCheck>, 'rule'> & { rule?: Partial<CareRule> } = {}): VisitCheck {
  const { rule, ...rest } = over;
  return {
    typeName: '生病住院',
    typeId: 'hospital',
    eventId: 'e1',
    occurredOn: '2026-03-10',
    visitedOn: '2026-03-12',
    amountFen: 50000,
    goods: '',
    form: 'cash',
    duesConfirmed: false,
    prior: [],
    ...rest,
    rule: { ...NO_LIMITS, ...rule },
  };
}
const prior = (eventId: string, on: string, amountFen: number, typeId = 'hospital'): PriorBenefit => ({ eventId, typeId, on, amountFen });
const rules = (v: VisitCheck) => visitViolations(v).map((x) => x.rule);

describe('a visit within every rule', () => {
  it('breaks nothing without limits', () => {
    expect(visitViolations(visit())).toEqual([]);
  });

  it('a visit that gives nothing (a phone call) breaks nothing, whatever the rule', () => {
    const strict = { capPerEventFen: 0, capPerYearFen: 0, countPerYear: 1, forms: ['voucher' as const], claimMonths: 1, requiresDues: true };
    expect(visitViolations(visit({ amountFen: 0, goods: '  ', form: null, visitedOn: '2027-12-01', rule: strict, prior: [prior('e0', '2026-01-05', 900)] }))).toEqual([]);
  });
});

describe('form', () => {
  it('refuses a form the type does not allow, naming the allowed ones', () => {
    expect(visitViolations(visit({ form: 'voucher' }))).toEqual([{ rule: 'form', message: '“生病住院”只能以实物或现金发放，不能发放卡券' }]);
    expect(visitViolations(visit({ form: 'cash', rule: { forms: ['goods'] } }))[0].message).toBe('“生病住院”只能以实物发放，不能发放现金');
    expect(visitViolations(visit({ form: 'cash', rule: { forms: ['goods', 'voucher'] } }))[0].message).toBe('“生病住院”只能以实物或卡券发放，不能发放现金');
  });

  it('accepts every allowed form', () => {
    const all = { forms: ['goods' as const, 'cash' as const, 'voucher' as const] };
    for (const form of ['goods', 'cash', 'voucher'] as const) expect(visitViolations(visit({ form, rule: all })), form).toEqual([]);
  });

  it('without a chosen form, goods count as 实物 and money as 现金', () => {
    expect(rules(visit({ form: null, amountFen: 0, goods: '水果篮', rule: { forms: ['goods'] } }))).toEqual([]);
    expect(visitViolations(visit({ form: null, amountFen: 20000, goods: '', rule: { forms: ['goods'] } }))).toEqual([
      { rule: 'form', message: '“生病住院”只能以实物发放，不能发放现金' },
    ]);
    expect(visitViolations(visit({ form: null, amountFen: 20000, goods: '水果篮', rule: { forms: ['voucher'] } }))[0].message).toBe(
      '“生病住院”只能以卡券发放，不能发放实物或现金',
    );
  });
});

describe('cap per event', () => {
  it('allows exactly the cap and refuses one fen over, in yuan with two decimals', () => {
    expect(visitViolations(visit({ amountFen: 50000, rule: { capPerEventFen: 50000 } }))).toEqual([]);
    expect(visitViolations(visit({ amountFen: 50001, rule: { capPerEventFen: 50000 } }))).toEqual([
      { rule: 'cap_per_event', message: '超过“生病住院”单次上限 500.00 元（本次 500.01 元）' },
    ]);
  });

  it('sums the event’s earlier visits, and only that event’s', () => {
    const before = [prior('e1', '2026-03-11', 30000), prior('e0', '2026-01-05', 40000)];
    expect(rules(visit({ amountFen: 20000, prior: before, rule: { capPerEventFen: 50000 } }))).toEqual([]);
    expect(visitViolations(visit({ amountFen: 20001, prior: before, rule: { capPerEventFen: 50000 } }))).toEqual([
      { rule: 'cap_per_event', message: '超过“生病住院”单次上限 500.00 元（此前已发 300.00 元，本次 200.01 元）' },
    ]);
  });

  it('a goods-only visit is not held to the money cap, even when the event already reached it', () => {
    expect(rules(visit({ amountFen: 0, goods: '鲜花', form: 'goods', prior: [prior('e1', '2026-03-11', 50000)], rule: { capPerEventFen: 50000 } }))).toEqual([]);
  });

  it('家庭矛盾/情绪波动: a cap of 0 refuses any money but not a visit with goods', () => {
    const conflict = { typeName: '家庭矛盾/情绪波动', rule: { capPerEventFen: 0 } };
    expect(visitViolations(visit({ ...conflict, amountFen: 1 }))).toEqual([
      { rule: 'cap_per_event', message: '“家庭矛盾/情绪波动”只慰问、不发放慰问金（本次 0.01 元）' },
    ]);
    expect(visitViolations(visit({ ...conflict, amountFen: 0, goods: '慰问品', form: 'goods' }))).toEqual([]);
  });
});

describe('cap per person per year', () => {
  const rule = { capPerYearFen: 100000 };

  it('sums this type’s benefits in the visit’s calendar year: exactly the cap passes, one fen more does not', () => {
    const before = [prior('e0', '2026-01-05', 60000)];
    expect(rules(visit({ amountFen: 40000, prior: before, rule }))).toEqual([]);
    expect(visitViolations(visit({ amountFen: 40001, prior: before, rule }))).toEqual([
      { rule: 'cap_per_year', message: '超过“生病住院”每人每年上限 1000.00 元（2026年已发 600.00 元，本次 400.01 元）' },
    ]);
  });

  it('leaves out last year’s benefits and other types’', () => {
    const before = [prior('e0', '2025-12-31', 90000), prior('x1', '2026-02-01', 90000, 'childbirth')];
    expect(rules(visit({ amountFen: 100000, prior: before, rule }))).toEqual([]);
  });

  it('the year is the visit’s: a visit on 1 January starts afresh even for an event of December', () => {
    const v = visit({ occurredOn: '2026-12-30', visitedOn: '2027-01-01', amountFen: 100000, prior: [prior('e1', '2026-12-31', 100000)], rule });
    expect(rules(v)).toEqual([]);
    expect(rules({ ...v, visitedOn: '2026-12-31' })).toEqual(['cap_per_year']);
  });

  it('includes the same event’s earlier visits', () => {
    expect(rules(visit({ amountFen: 50000, prior: [prior('e1', '2026-03-11', 50001)], rule }))).toEqual(['cap_per_year']);
  });
});

describe('count per year', () => {
  const once = { countPerYear: 1 };

  it('"hospital once a year": the second event of the year is refused, naming the count', () => {
    expect(rules(visit({ rule: once }))).toEqual([]);
    expect(visitViolations(visit({ prior: [prior('e0', '2026-01-05', 50000)], rule: once }))).toEqual([
      { rule: 'count_per_year', message: '“生病住院”每人每年限慰问 1 次，2026年已慰问 1 次' },
    ]);
  });

  it('reaching the count exactly is allowed: the n-th event passes, the (n+1)-th does not', () => {
    const twice = { countPerYear: 2 };
    expect(rules(visit({ prior: [prior('e0', '2026-01-05', 100)], rule: twice }))).toEqual([]);
    const two = [prior('e0', '2026-01-05', 100), prior('e2', '2026-02-05', 0)];
    expect(visitViolations(visit({ prior: two, rule: twice }))).toEqual([
      { rule: 'count_per_year', message: '“生病住院”每人每年限慰问 2 次，2026年已慰问 2 次' },
    ]);
  });

  it('counts distinct events, not visits', () => {
    const twice = { countPerYear: 2 };
    const oneEventTwoVisits = [prior('e0', '2026-01-05', 100), prior('e0', '2026-01-09', 100)];
    expect(rules(visit({ prior: oneEventTwoVisits, rule: twice }))).toEqual([]);
  });

  it('a further visit to an event that already had a benefit is not another event, even over the count', () => {
    const before = [prior('e0', '2026-01-05', 100), prior('e1', '2026-03-11', 100)];
    expect(rules(visit({ prior: before, rule: once }))).toEqual([]);
  });

  it('counts only this type and this year', () => {
    const before = [prior('e0', '2025-06-01', 100), prior('x1', '2026-02-01', 100, 'childbirth')];
    expect(rules(visit({ prior: before, rule: once }))).toEqual([]);
  });
});

describe('claim window', () => {
  const sixMonths = { claimMonths: 6 };

  it('accepts the last day of the window and refuses the day after', () => {
    expect(rules(visit({ occurredOn: '2026-03-10', visitedOn: '2026-09-10', rule: sixMonths }))).toEqual([]);
    expect(visitViolations(visit({ occurredOn: '2026-03-10', visitedOn: '2026-09-11', rule: sixMonths }))).toEqual([
      { rule: 'claim_window', message: '超过“生病住院”申领期限：应在事发后 6 个月内（截至 2026年9月10日）申领，本次慰问日期为 2026年9月11日' },
    ]);
  });

  it('31 August + 6 months ends on 28 February in a common year, 29 February in a leap year', () => {
    expect(rules(visit({ occurredOn: '2026-08-31', visitedOn: '2027-02-28', rule: sixMonths }))).toEqual([]);
    expect(rules(visit({ occurredOn: '2026-08-31', visitedOn: '2027-03-01', rule: sixMonths }))).toEqual(['claim_window']);
    expect(rules(visit({ occurredOn: '2027-08-31', visitedOn: '2028-02-29', rule: sixMonths }))).toEqual([]);
    expect(rules(visit({ occurredOn: '2027-08-31', visitedOn: '2028-03-01', rule: sixMonths }))).toEqual(['claim_window']);
  });

  it('an event on 29 February: a 12-month window ends on 28 February of the next year', () => {
    const year = { claimMonths: 12 };
    expect(rules(visit({ occurredOn: '2028-02-29', visitedOn: '2029-02-28', rule: year }))).toEqual([]);
    expect(rules(visit({ occurredOn: '2028-02-29', visitedOn: '2029-03-01', rule: year }))).toEqual(['claim_window']);
  });

  it('applies to goods as well as money', () => {
    expect(rules(visit({ amountFen: 0, goods: '牛奶', form: 'goods', occurredOn: '2026-03-10', visitedOn: '2026-09-11', rule: sixMonths }))).toEqual(['claim_window']);
  });
});

describe('dues', () => {
  it('requires the recorder’s confirmation when the type asks for it', () => {
    expect(visitViolations(visit({ rule: { requiresDues: true } }))).toEqual([
      { rule: 'dues', message: '“生病住院”慰问以按时缴纳会费为前提，请先确认该会员会费已按时缴纳' },
    ]);
    expect(rules(visit({ duesConfirmed: true, rule: { requiresDues: true } }))).toEqual([]);
    expect(rules(visit({ duesConfirmed: false, rule: { requiresDues: false } }))).toEqual([]);
  });
});

describe('several rules broken at once', () => {
  it('names every one, in the order form, cap per event, cap per year, count, claim window, dues', () => {
    const v = visit({
      form: 'voucher',
      amountFen: 120000,
      visitedOn: '2026-10-01',
      prior: [prior('e0', '2026-01-05', 50000)],
      rule: { capPerEventFen: 100000, capPerYearFen: 150000, countPerYear: 1, claimMonths: 6, requiresDues: true },
    });
    expect(rules(v)).toEqual(['form', 'cap_per_event', 'cap_per_year', 'count_per_year', 'claim_window', 'dues']);
    expect(new Set(visitViolations(v).map((x) => x.message)).size).toBe(6);
  });
});

describe('festival cap across the year’s campaigns', () => {
  it('allows reaching the cap exactly and refuses one fen over', () => {
    expect(festivalCapViolation(130000, 100000, 30000)).toBeNull();
    expect(festivalCapViolation(130000, 100000, 30001)).toEqual({
      rule: 'festival_cap',
      message: '本年节日慰问已发 1000.00 元，再发 300.01 元将超过每人每年 1300.00 元上限',
    });
  });

  it('says the cap is reached when the year’s total already stands at it', () => {
    expect(festivalCapViolation(130000, 130000, 100)).toEqual({ rule: 'festival_cap', message: '本年节日慰问已达 1300.00 元上限' });
    expect(festivalCapViolation(130000, 140000, 100)?.message).toBe('本年节日慰问已达 1300.00 元上限');
  });

  it('has nothing to say without a cap, or for a first gift within it', () => {
    expect(festivalCapViolation(null, 10_000_000, 50000)).toBeNull();
    expect(festivalCapViolation(130000, 0, 130000)).toBeNull();
    expect(festivalCapViolation(130000, 0, 130001)?.rule).toBe('festival_cap');
  });
});

describe('festival forms', () => {
  it('goods only by default: cash and cards are refused with the rule', () => {
    expect(festivalFormViolation(['goods'], 'goods')).toBeNull();
    expect(festivalFormViolation(['goods'], 'cash')).toEqual({ rule: 'form', message: '节日慰问品应为实物，不发放现金或购物卡' });
    expect(festivalFormViolation(['goods'], 'voucher')?.message).toBe('节日慰问品应为实物，不发放现金或购物卡');
  });

  it('a union that allows cards accepts them and still refuses cash', () => {
    expect(festivalFormViolation(['goods', 'voucher'], 'voucher')).toBeNull();
    expect(festivalFormViolation(['goods', 'voucher'], 'cash')?.message).toBe('节日慰问只能以实物或卡券发放，不能发放现金');
  });
});

describe('birthday benefit', () => {
  it('allows exactly the cap and refuses one fen over', () => {
    expect(birthdayViolations(30000, ['goods', 'voucher'], 30000, 'voucher')).toEqual([]);
    expect(birthdayViolations(30000, ['goods', 'voucher'], 30001, 'voucher')).toEqual([
      { rule: 'birthday_cap', message: '超过生日慰问上限 300.00 元（本次 300.01 元）' },
    ]);
  });

  it('refuses cash where only a cake or a cake voucher is allowed, and names both rules when both are broken', () => {
    expect(birthdayViolations(30000, ['goods', 'voucher'], 20000, 'cash')).toEqual([{ rule: 'form', message: '生日慰问只能以实物或卡券发放，不能发放现金' }]);
    expect(birthdayViolations(30000, ['goods', 'voucher'], 40000, 'cash').map((v) => v.rule)).toEqual(['form', 'birthday_cap']);
  });

  it('has no cap when none is set', () => {
    expect(birthdayViolations(null, ['cash'], 10_000_000, 'cash')).toEqual([]);
  });
});
