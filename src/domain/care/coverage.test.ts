import { describe, expect, it } from 'vitest';
import { coverage, onTimeRate } from './coverage.js';

describe('coverage', () => {
  it('is received ÷ intended', () => {
    expect(coverage(40, 30)).toEqual({ intended: 40, received: 30, rate: 0.75 });
    expect(coverage(40, 40)).toEqual({ intended: 40, received: 40, rate: 1 });
    expect(coverage(3, 2).rate).toBeCloseTo(2 / 3, 12);
    expect(coverage(40, 0)).toEqual({ intended: 40, received: 0, rate: 0 });
  });

  it('has no rate when nobody was intended', () => {
    expect(coverage(0, 0)).toEqual({ intended: 0, received: 0, rate: null });
  });
});

describe('onTimeRate', () => {
  const today = '2026-03-20';
  const e = (dueOn: string | null, firstVisitOn: string | null) => ({ dueOn, firstVisitOn });

  it('counts a visit on the deadline day as on time and the day after as late', () => {
    expect(onTimeRate([e('2026-03-13', '2026-03-13')], today)).toEqual({ due: 1, onTime: 1, rate: 1 });
    expect(onTimeRate([e('2026-03-13', '2026-03-14')], today)).toEqual({ due: 1, onTime: 0, rate: 0 });
  });

  it('counts an unvisited event once its deadline has passed, not on the deadline day itself', () => {
    expect(onTimeRate([e('2026-03-19', null)], today)).toEqual({ due: 1, onTime: 0, rate: 0 });
    expect(onTimeRate([e('2026-03-20', null)], today)).toEqual({ due: 0, onTime: 0, rate: null });
    expect(onTimeRate([e('2026-03-25', null)], today)).toEqual({ due: 0, onTime: 0, rate: null });
  });

  it('counts an event visited early even before its deadline comes', () => {
    expect(onTimeRate([e('2026-03-25', '2026-03-18')], today)).toEqual({ due: 1, onTime: 1, rate: 1 });
  });

  it('leaves out events without a deadline', () => {
    expect(onTimeRate([e(null, null), e(null, '2026-01-01')], today)).toEqual({ due: 0, onTime: 0, rate: null });
  });

  it('mixes: on time, late, overdue, still open, no deadline', () => {
    const events = [
      e('2026-03-01', '2026-02-28'),
      e('2026-03-05', '2026-03-05'),
      e('2026-03-10', '2026-03-12'),
      e('2026-03-15', null),
      e('2026-03-22', null),
      e(null, '2026-03-01'),
    ];
    expect(onTimeRate(events, today)).toEqual({ due: 4, onTime: 2, rate: 0.5 });
  });

  it('has no rate for no events', () => {
    expect(onTimeRate([], today)).toEqual({ due: 0, onTime: 0, rate: null });
  });
});
