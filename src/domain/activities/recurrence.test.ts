import { describe, expect, it } from 'vitest';
import { weeklyOccurrences, type ActivityTimes } from './recurrence.js';

const ISO_SHANGHAI = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

const first: ActivityTimes = {
  startsAt: '2026-12-03T15:30:00+08:00',
  endsAt: '2026-12-03T17:30:00+08:00',
  signupOpensAt: '2026-11-28T08:00:00+08:00',
  signupClosesAt: '2026-12-02T18:00:00+08:00',
  cancelDeadline: '2026-12-03T12:00:00+08:00',
};
const noSignup: ActivityTimes = { startsAt: '2026-03-05T16:00:00+08:00', endsAt: '2026-03-05T17:00:00+08:00', signupOpensAt: null, signupClosesAt: null, cancelDeadline: null };

describe('weeklyOccurrences', () => {
  it('gives the first occurrence unchanged and the second one week later', () => {
    expect(weeklyOccurrences(first, 2)).toEqual([
      first,
      {
        startsAt: '2026-12-10T15:30:00+08:00',
        endsAt: '2026-12-10T17:30:00+08:00',
        signupOpensAt: '2026-12-05T08:00:00+08:00',
        signupClosesAt: '2026-12-09T18:00:00+08:00',
        cancelDeadline: '2026-12-10T12:00:00+08:00',
      },
    ]);
  });

  it('gives 52 weekly occurrences, the last 51 weeks after the first, at the same wall-clock time', () => {
    const series = weeklyOccurrences(first, 52);
    expect(series).toHaveLength(52);
    expect(series[51].startsAt).toBe('2027-11-25T15:30:00+08:00');
    for (const [i, o] of series.entries()) {
      expect(Date.parse(o.startsAt) - Date.parse(first.startsAt)).toBe(i * 7 * 86_400_000);
      expect(o.startsAt.slice(11)).toBe('15:30:00+08:00');
      expect(o.endsAt.slice(11)).toBe('17:30:00+08:00');
      expect(new Date(o.startsAt).getUTCDay()).toBe(4);
    }
  });

  it('keeps null sign-up times null in every occurrence', () => {
    const series = weeklyOccurrences(noSignup, 3);
    expect(series.map((o) => [o.startsAt, o.signupOpensAt, o.signupClosesAt, o.cancelDeadline])).toEqual([
      ['2026-03-05T16:00:00+08:00', null, null, null],
      ['2026-03-12T16:00:00+08:00', null, null, null],
      ['2026-03-19T16:00:00+08:00', null, null, null],
    ]);
  });

  it('writes every instant with the +08:00 offset, whatever offset it was given in', () => {
    const utc: ActivityTimes = { startsAt: '2026-12-03T07:30:00Z', endsAt: '2026-12-03T09:30:00.000Z', signupOpensAt: '2026-11-28T00:00:00Z', signupClosesAt: '2026-12-02T10:00:00Z', cancelDeadline: '2026-12-03T04:00:00Z' };
    const series = weeklyOccurrences(utc, 2);
    expect(series[0]).toEqual(first);
    for (const o of series) for (const v of Object.values(o)) expect(v).toMatch(ISO_SHANGHAI);
  });

  it('crosses a Shanghai day boundary that UTC does not (an evening event near midnight)', () => {
    const late: ActivityTimes = { startsAt: '2026-01-27T23:30:00+08:00', endsAt: '2026-01-28T00:30:00+08:00', signupOpensAt: null, signupClosesAt: null, cancelDeadline: null };
    expect(weeklyOccurrences(late, 2)[1]).toMatchObject({ startsAt: '2026-02-03T23:30:00+08:00', endsAt: '2026-02-04T00:30:00+08:00' });
  });

  it('crosses a month end and a year end', () => {
    const series = weeklyOccurrences({ ...noSignup, startsAt: '2026-12-24T09:00:00+08:00', endsAt: '2026-12-24T11:00:00+08:00' }, 3);
    expect(series.map((o) => o.startsAt)).toEqual(['2026-12-24T09:00:00+08:00', '2026-12-31T09:00:00+08:00', '2027-01-07T09:00:00+08:00']);
    const monthEnd = weeklyOccurrences({ ...noSignup, startsAt: '2026-04-28T09:00:00+08:00', endsAt: '2026-04-28T10:00:00+08:00' }, 2);
    expect(monthEnd[1].startsAt).toBe('2026-05-05T09:00:00+08:00');
  });

  it('goes from a leap day to March 7th, and through February of a leap year', () => {
    const leap = weeklyOccurrences({ ...noSignup, startsAt: '2028-02-29T14:00:00+08:00', endsAt: '2028-02-29T16:00:00+08:00' }, 2);
    expect(leap[1]).toMatchObject({ startsAt: '2028-03-07T14:00:00+08:00', endsAt: '2028-03-07T16:00:00+08:00' });
    const february = weeklyOccurrences({ ...noSignup, startsAt: '2028-02-22T14:00:00+08:00', endsAt: '2028-02-22T16:00:00+08:00' }, 3);
    expect(february.map((o) => o.startsAt.slice(0, 10))).toEqual(['2028-02-22', '2028-02-29', '2028-03-07']);
    const common = weeklyOccurrences({ ...noSignup, startsAt: '2027-02-22T14:00:00+08:00', endsAt: '2027-02-22T16:00:00+08:00' }, 2);
    expect(common[1].startsAt).toBe('2027-03-01T14:00:00+08:00');
  });

  it('keeps the gaps between the instants of each occurrence', () => {
    for (const o of weeklyOccurrences(first, 5)) {
      expect(Date.parse(o.endsAt) - Date.parse(o.startsAt)).toBe(2 * 3_600_000);
      expect(Date.parse(o.startsAt) - Date.parse(o.signupOpensAt!)).toBe(Date.parse(first.startsAt) - Date.parse(first.signupOpensAt!));
    }
  });

  it('gives only the first for a count of 1 and nothing for 0', () => {
    expect(weeklyOccurrences(first, 1)).toEqual([first]);
    expect(weeklyOccurrences(first, 0)).toEqual([]);
  });
});
