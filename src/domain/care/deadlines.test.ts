import { describe, expect, it } from 'vitest';
import { CARE_EVENT_KINDS } from '../../contracts/care.js';
import { addDays, addMonths, DEFAULT_DEADLINE_DAYS, daysBetween, dueOnFor, dueStateOf, shanghaiToday } from './deadlines.js';

describe('default deadlines', () => {
  it('gives hospital and surgery 3 days, every other kind 7, and `other` none', () => {
    expect(DEFAULT_DEADLINE_DAYS.hospital).toBe(3);
    expect(DEFAULT_DEADLINE_DAYS.surgery).toBe(3);
    expect(DEFAULT_DEADLINE_DAYS.family_conflict).toBe(7);
    expect(DEFAULT_DEADLINE_DAYS.other).toBeNull();
    for (const kind of CARE_EVENT_KINDS) {
      if (!['hospital', 'surgery', 'other'].includes(kind)) expect(DEFAULT_DEADLINE_DAYS[kind], kind).toBe(7);
    }
  });
});

describe('dueOnFor', () => {
  it('adds calendar days, across month and year ends', () => {
    expect(dueOnFor('2026-03-10', 3)).toBe('2026-03-13');
    expect(dueOnFor('2026-01-30', 3)).toBe('2026-02-02');
    expect(dueOnFor('2026-12-29', 7)).toBe('2027-01-05');
    expect(dueOnFor('2026-03-10', 0)).toBe('2026-03-10');
  });

  it('crosses 29 February in a leap year and skips it in a common year', () => {
    expect(dueOnFor('2028-02-27', 3)).toBe('2028-03-01');
    expect(dueOnFor('2026-02-27', 3)).toBe('2026-03-02');
    expect(dueOnFor('2028-02-29', 7)).toBe('2028-03-07');
  });

  it('has no due date for a type without a deadline', () => {
    expect(dueOnFor('2026-03-10', null)).toBeNull();
  });
});

describe('dueStateOf', () => {
  const open = (dueOn: string | null) => ({ status: 'open' as const, dueOn });

  it('is 待慰问 up to and including the deadline day, with the days left', () => {
    expect(dueStateOf(open('2026-03-13'), '2026-03-10')).toEqual({ state: 'due', daysLeft: 3 });
    expect(dueStateOf(open('2026-03-13'), '2026-03-12')).toEqual({ state: 'due', daysLeft: 1 });
    expect(dueStateOf(open('2026-03-13'), '2026-03-13')).toEqual({ state: 'due', daysLeft: 0 });
  });

  it('is 已逾期 from the day after, counting the days late as negative', () => {
    expect(dueStateOf(open('2026-03-13'), '2026-03-14')).toEqual({ state: 'overdue', daysLeft: -1 });
    expect(dueStateOf(open('2026-12-30'), '2027-01-02')).toEqual({ state: 'overdue', daysLeft: -3 });
    expect(dueStateOf(open('2028-02-28'), '2028-03-01')).toEqual({ state: 'overdue', daysLeft: -2 });
  });

  it('an open event without a deadline stays 待慰问 with no count', () => {
    expect(dueStateOf(open(null), '2030-01-01')).toEqual({ state: 'due', daysLeft: null });
  });

  it('a visited or closed event shows no count, even past its deadline', () => {
    expect(dueStateOf({ status: 'visited', dueOn: '2026-03-13' }, '2026-04-01')).toEqual({ state: 'visited', daysLeft: null });
    expect(dueStateOf({ status: 'closed', dueOn: '2026-03-13' }, '2026-04-01')).toEqual({ state: 'closed', daysLeft: null });
    expect(dueStateOf({ status: 'closed', dueOn: null }, '2026-04-01')).toEqual({ state: 'closed', daysLeft: null });
  });
});

describe('shanghaiToday', () => {
  it('turns the day at midnight Beijing time, i.e. 16:00 UTC', () => {
    expect(shanghaiToday(new Date('2026-03-10T15:59:59.999Z'))).toBe('2026-03-10');
    expect(shanghaiToday(new Date('2026-03-10T16:00:00Z'))).toBe('2026-03-11');
    expect(shanghaiToday(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(shanghaiToday(new Date('2028-02-28T16:30:00Z'))).toBe('2028-02-29');
  });
});

describe('date arithmetic', () => {
  it('adds and counts days both ways', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-25', '2027-01-05')).toBe(11);
    expect(daysBetween('2027-01-05', '2026-12-25')).toBe(-11);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('adds months keeping the day, or the month’s last day when it has fewer', () => {
    expect(addMonths('2026-03-15', 6)).toBe('2026-09-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-31', 36)).toBe('2029-12-31');
  });

  it('refuses a date that does not exist', () => {
    expect(() => addDays('2026-02-29', 1)).toThrow(RangeError);
    expect(() => dueOnFor('2026-13-01', 3)).toThrow(RangeError);
  });
});
