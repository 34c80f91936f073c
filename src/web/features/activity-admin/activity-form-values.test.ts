import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { activityBodyOf, activityFormValuesOf, defaultSignupClose, withActivityFormPaths, type ActivityFormValues } from './activity-form-values';
import { instantOf, rateLabel, schoolYearOf, shanghaiClock, spanLabel, termOf } from './activity-time';

const day = dayjs('2026-12-03');
const base: ActivityFormValues = {
  typeId: 'type-1',
  title: '  教职工羽毛球赛 ',
  description: '',
  startDate: day,
  startTime: dayjs('2026-12-03 15:30'),
  endDate: day,
  endTime: dayjs('2026-12-03 17:00'),
  place: ' 体育馆 ',
  organiserUserId: null,
  audience: { kind: 'groups', groupIds: ['g1'], memberIds: ['left-over'] },
  hasSignup: true,
  isCapacityLimited: true,
  capacity: 30,
  signupOpensAt: dayjs('2026-11-25 08:00'),
  signupClosesAt: dayjs('2026-12-02 15:30'),
  cancelDeadline: dayjs('2026-12-02 15:30'),
  needsApproval: true,
  fields: [
    { key: 'q1', label: '项目', type: 'text', options: ['stale'], required: false },
    { label: ' 尺码 ', type: 'choice', options: ['S', ' M ', ''], required: true },
  ],
  isRepeating: true,
  repeatCount: 4,
  calendarItemId: '',
  clubId: 'club-1',
};

describe('activity form → API body', () => {
  it('sends Shanghai wall-clock times with +08:00, trimmed text and only the chosen audience', () => {
    const body = activityBodyOf(base, true);
    expect(body.startsAt).toBe('2026-12-03T15:30:00+08:00');
    expect(body.endsAt).toBe('2026-12-03T17:00:00+08:00');
    expect(body.signupClosesAt).toBe('2026-12-02T15:30:00+08:00');
    expect(body.title).toBe('教职工羽毛球赛');
    expect(body.place).toBe('体育馆');
    expect(body.audience).toEqual({ kind: 'groups', groupIds: ['g1'] });
    expect(body.capacity).toBe(30);
    expect(body.calendarItemId).toBeNull();
    expect(body.repeat).toEqual({ every: 'week', count: 4 });
  });

  it('keeps an existing question key, gives a new question the next free one, and drops options of a text question', () => {
    const body = activityBodyOf(base, true);
    expect(body.fields).toEqual([
      { key: 'q1', label: '项目', type: 'text', options: [], required: false },
      { key: 'q2', label: '尺码', type: 'choice', options: ['S', 'M'], required: true },
    ]);
  });

  it('without a sign-up sends no window, capacity, approval or questions', () => {
    const body = activityBodyOf({ ...base, hasSignup: false }, true);
    expect([body.signupOpensAt, body.signupClosesAt, body.cancelDeadline, body.capacity]).toEqual([null, null, null, null]);
    expect(body.needsApproval).toBe(false);
    expect(body.fields).toEqual([]);
  });

  it('sends 不限 as a null capacity, no repeat when editing, and the club of a club audience', () => {
    const body = activityBodyOf({ ...base, isCapacityLimited: false, audience: { kind: 'club', clubId: 'club-2' } }, false);
    expect(body.capacity).toBeNull();
    expect('repeat' in body).toBe(false);
    expect(body.clubId).toBe('club-2');
  });
});

describe('defaults and server errors', () => {
  it('closes sign-up a day before the start, or at the start when that would be before it opens', () => {
    const start = dayjs('2026-12-03 15:30');
    expect(defaultSignupClose(start, dayjs('2026-11-25 08:00')).format('YYYY-MM-DD HH:mm')).toBe('2026-12-02 15:30');
    expect(defaultSignupClose(start, dayjs('2026-12-03 09:00')).format('YYYY-MM-DD HH:mm')).toBe('2026-12-03 15:30');
  });

  it('a new activity starts with sign-up open now and the cancel deadline at the close', () => {
    const v = activityFormValuesOf(null, { startDate: '2026-12-03' });
    expect(v.startDate?.format('YYYY-MM-DD')).toBe('2026-12-03');
    expect(v.startTime?.format('HH:mm')).toBe('15:30');
    expect(v.cancelDeadline?.valueOf()).toBe(v.signupClosesAt?.valueOf());
    expect(v.audience).toEqual({ kind: 'all' });
  });

  it('puts the server’s time and audience problems on the controls that show them', () => {
    const e = new ApiError(400, 'VALIDATION_FAILED', 'x', [
      { path: 'startsAt', message: 'a' },
      { path: 'endsAt', message: 'b' },
      { path: 'audience', message: 'c' },
      { path: 'repeat.count', message: 'd' },
      { path: 'fields.1.options', message: 'e' },
    ]);
    const moved = withActivityFormPaths(e) as ApiError;
    expect(moved.fields.map((f) => f.path)).toEqual(['startDate', 'endDate', 'audience.kind', 'repeatCount', 'fields.1.options']);
  });
});

describe('times and periods', () => {
  it('reads an instant as its Shanghai wall-clock time whatever its offset', () => {
    expect(shanghaiClock('2026-12-03T07:30:00Z').format('YYYY-MM-DD HH:mm')).toBe('2026-12-03 15:30');
    expect(instantOf(shanghaiClock('2026-12-03T07:30:00Z'))).toBe('2026-12-03T15:30:00+08:00');
  });

  it('names a sign-up window within a day without repeating the date', () => {
    expect(spanLabel('2026-12-03T08:00:00+08:00', '2026-12-03T11:15:00+08:00')).toMatch(/12月3日 08:00—11:15$/);
    expect(spanLabel('2026-12-01T08:00:00+08:00', '2026-12-03T11:15:00+08:00')).toMatch(/12月1日 08:00 至 .*12月3日 11:15$/);
  });

  it('finds the school year and term of a day', () => {
    expect(schoolYearOf('2026-08-31')).toEqual({ from: '2025-09-01', to: '2026-08-31' });
    expect(schoolYearOf('2026-09-01')).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    expect(termOf('2027-01-15')).toEqual({ from: '2026-09-01', to: '2027-01-31' });
    expect(termOf('2027-03-01')).toEqual({ from: '2027-02-01', to: '2027-08-31' });
  });

  it('writes rates to one decimal, and a dash when nobody could take part', () => {
    expect(rateLabel(0.8654)).toBe('86.5%');
    expect(rateLabel(1)).toBe('100%');
    expect(rateLabel(0)).toBe('0%');
    expect(rateLabel(null)).toBe('—');
  });
});
