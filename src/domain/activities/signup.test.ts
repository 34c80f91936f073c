import { describe, expect, it } from 'vitest';
import type { RegistrationStatus, SignupField } from '../../contracts/activities.js';
import { answersProblem, cancelAllowed, firstWaiting, signupBlocker, signupPhase, waitlistPosition, type SignupClock } from './signup.js';

const at = (iso: string) => new Date(iso);
const justBefore = (iso: string) => new Date(Date.parse(iso) - 1);
const justAfter = (iso: string) => new Date(Date.parse(iso) + 1);

const OPENS = '2026-12-01T08:00:00+08:00';
const CLOSES = '2026-12-02T18:00:00+08:00';
const DEADLINE = '2026-12-03T12:00:00+08:00';
const STARTS = '2026-12-03T15:30:00+08:00';
const ENDS = '2026-12-03T17:30:00+08:00';

const clock = (over: Partial<SignupClock> = {}): SignupClock => ({
  status: 'published',
  startsAt: STARTS,
  endsAt: ENDS,
  signupOpensAt: OPENS,
  signupClosesAt: CLOSES,
  cancelDeadline: DEADLINE,
  capacity: 20,
  confirmedCount: 5,
  ...over,
});
const DURING = at('2026-12-02T10:00:00+08:00');

describe('signupPhase at each boundary', () => {
  it('is not_open until opensAt, open exactly at opensAt', () => {
    expect(signupPhase(clock(), justBefore(OPENS))).toBe('not_open');
    expect(signupPhase(clock(), at(OPENS))).toBe('open');
  });

  it('is open exactly at closesAt and closed just after', () => {
    expect(signupPhase(clock(), at(CLOSES))).toBe('open');
    expect(signupPhase(clock(), justAfter(CLOSES))).toBe('closed');
  });

  it('is closed until the end and ended exactly at endsAt', () => {
    expect(signupPhase(clock(), justBefore(ENDS))).toBe('closed');
    expect(signupPhase(clock(), at(ENDS))).toBe('ended');
    expect(signupPhase(clock(), at('2027-01-01T00:00:00+08:00'))).toBe('ended');
  });

  it('ends at endsAt even when the sign-up window reaches the end', () => {
    const a = clock({ signupClosesAt: ENDS });
    expect(signupPhase(a, justBefore(ENDS))).toBe('open');
    expect(signupPhase(a, at(ENDS))).toBe('ended');
  });

  it('is full exactly when the confirmed count reaches the capacity', () => {
    expect(signupPhase(clock({ capacity: 20, confirmedCount: 19 }), DURING)).toBe('open');
    expect(signupPhase(clock({ capacity: 20, confirmedCount: 20 }), DURING)).toBe('full');
    expect(signupPhase(clock({ capacity: 1, confirmedCount: 1 }), DURING)).toBe('full');
  });

  it('is never full with unlimited capacity', () => {
    expect(signupPhase(clock({ capacity: null, confirmedCount: 100_000 }), DURING)).toBe('open');
  });

  it('fullness does not matter outside the window', () => {
    const full = clock({ capacity: 20, confirmedCount: 20 });
    expect(signupPhase(full, justBefore(OPENS))).toBe('not_open');
    expect(signupPhase(full, justAfter(CLOSES))).toBe('closed');
  });

  it('is none without a sign-up window, until the end', () => {
    const a = clock({ signupOpensAt: null, signupClosesAt: null, cancelDeadline: null });
    expect(signupPhase(a, at('2026-11-01T00:00:00+08:00'))).toBe('none');
    expect(signupPhase(a, justBefore(ENDS))).toBe('none');
    expect(signupPhase(a, at(ENDS))).toBe('ended');
  });

  it('is cancelled whatever the clock says', () => {
    const a = clock({ status: 'cancelled' });
    for (const now of [justBefore(OPENS), DURING, justAfter(CLOSES), at(ENDS)]) expect(signupPhase(a, now)).toBe('cancelled');
    expect(signupPhase(clock({ status: 'cancelled', signupOpensAt: null, signupClosesAt: null }), DURING)).toBe('cancelled');
  });

  it('compares instants, whatever offset they are written with', () => {
    const a = clock({ signupOpensAt: '2026-12-01T00:00:00Z' });
    expect(signupPhase(a, at('2026-12-01T07:59:59+08:00'))).toBe('not_open');
    expect(signupPhase(a, at('2026-12-01T08:00:00+08:00'))).toBe('open');
  });
});

describe('cancelAllowed', () => {
  it('is allowed until the cancel deadline, refused exactly at it', () => {
    expect(cancelAllowed(clock(), DURING)).toBe(true);
    expect(cancelAllowed(clock(), justBefore(DEADLINE))).toBe(true);
    expect(cancelAllowed(clock(), at(DEADLINE))).toBe(false);
    expect(cancelAllowed(clock(), justBefore(STARTS))).toBe(false);
  });

  it('without a deadline, is allowed until the start, refused exactly at it', () => {
    const a = clock({ cancelDeadline: null });
    expect(cancelAllowed(a, justBefore(STARTS))).toBe(true);
    expect(cancelAllowed(a, at(STARTS))).toBe(false);
    expect(cancelAllowed(a, at(ENDS))).toBe(false);
  });

  it('is allowed even after sign-up closed, while before the deadline', () => {
    expect(cancelAllowed(clock(), justAfter(CLOSES))).toBe(true);
  });

  it('is refused on a cancelled activity', () => {
    expect(cancelAllowed(clock({ status: 'cancelled' }), DURING)).toBe(false);
  });
});

describe('signupBlocker', () => {
  it('says nothing while open or full (a full activity takes wait-list sign-ups)', () => {
    expect(signupBlocker(clock(), DURING)).toBeNull();
    expect(signupBlocker(clock({ confirmedCount: 20 }), DURING)).toBeNull();
  });

  it('says when sign-up opens, in Shanghai wall time', () => {
    expect(signupBlocker(clock(), justBefore(OPENS))).toBe('报名尚未开始（12月1日 08:00 开始）');
    expect(signupBlocker(clock({ signupOpensAt: '2026-11-30T16:05:00Z' }), at('2026-11-01T00:00:00+08:00'))).toBe('报名尚未开始（12月1日 00:05 开始）');
  });

  it('adds the year when sign-up opens in another year than now', () => {
    const a = clock({ signupOpensAt: '2027-01-05T08:00:00+08:00', signupClosesAt: '2027-01-06T08:00:00+08:00', startsAt: '2027-01-08T08:00:00+08:00', endsAt: '2027-01-08T10:00:00+08:00', cancelDeadline: null });
    expect(signupBlocker(a, at('2026-12-31T23:59:00+08:00'))).toBe('报名尚未开始（2027年1月5日 08:00 开始）');
    // 2026-12-31T16:00Z is already 2027 in Shanghai.
    expect(signupBlocker(a, at('2026-12-31T16:00:00Z'))).toBe('报名尚未开始（1月5日 08:00 开始）');
  });

  it('names the other reasons', () => {
    expect(signupBlocker(clock(), justAfter(CLOSES))).toBe('报名已截止');
    expect(signupBlocker(clock(), at(ENDS))).toBe('活动已结束');
    expect(signupBlocker(clock({ status: 'cancelled' }), DURING)).toBe('活动已取消');
    expect(signupBlocker(clock({ signupOpensAt: null, signupClosesAt: null, cancelDeadline: null }), DURING)).toBe('本活动无需报名');
  });
});

describe('answersProblem', () => {
  const size: SignupField = { key: 'size', label: '尺码', type: 'choice', options: ['S', 'M', 'L'], required: true };
  const note: SignupField = { key: 'note', label: '备注', type: 'text', options: [], required: false };
  const diet: SignupField = { key: 'diet', label: '饮食', type: 'choice', options: ['普通', '清真'], required: false };
  const phone: SignupField = { key: 'phone', label: '联系电话', type: 'text', options: [], required: true };
  const fields = [size, note, diet, phone];

  it('accepts complete answers and no fields with no answers', () => {
    expect(answersProblem(fields, { size: 'M', note: '晚到十分钟', diet: '清真', phone: '13800138000' })).toBeNull();
    expect(answersProblem([], {})).toBeNull();
  });

  it('accepts optional fields left out or empty', () => {
    expect(answersProblem(fields, { size: 'L', phone: '13800138000' })).toBeNull();
    expect(answersProblem(fields, { size: 'L', note: '', diet: '', phone: '13800138000' })).toBeNull();
    expect(answersProblem(fields, { size: 'L', note: '   ', phone: '13800138000' })).toBeNull();
  });

  it('asks for a required field that is missing, empty or blank', () => {
    const expected = { path: 'answers.size', message: '请填写“尺码”' };
    expect(answersProblem(fields, { phone: '13800138000' })).toEqual(expected);
    expect(answersProblem(fields, { size: '', phone: '13800138000' })).toEqual(expected);
    expect(answersProblem(fields, { size: '  ', phone: '13800138000' })).toEqual(expected);
    expect(answersProblem([phone], {})).toEqual({ path: 'answers.phone', message: '请填写“联系电话”' });
  });

  it('refuses a choice that is not one of the options, required or not', () => {
    expect(answersProblem(fields, { size: 'XL', phone: '13800138000' })).toEqual({ path: 'answers.size', message: '“尺码”的选项无效' });
    expect(answersProblem(fields, { size: 's', phone: '13800138000' })).toEqual({ path: 'answers.size', message: '“尺码”的选项无效' });
    expect(answersProblem(fields, { size: 'M', diet: '素食', phone: '13800138000' })).toEqual({ path: 'answers.diet', message: '“饮食”的选项无效' });
  });

  it('matches a choice after trimming', () => {
    expect(answersProblem(fields, { size: ' M ', phone: '13800138000' })).toBeNull();
  });

  it('refuses an answer to a field the activity does not have', () => {
    expect(answersProblem(fields, { size: 'M', phone: '13800138000', shoe: '42' })).toEqual({ path: 'answers.shoe', message: '报名信息中有未知的项目' });
    expect(answersProblem([], { size: 'M' })).toEqual({ path: 'answers.size', message: '报名信息中有未知的项目' });
    expect(answersProblem([], { x: '' })).toEqual({ path: 'answers.x', message: '报名信息中有未知的项目' });
  });

  it('reports the first problem in the order of the fields, unknown keys last', () => {
    expect(answersProblem(fields, { shoe: '42', diet: '素食' })).toEqual({ path: 'answers.size', message: '请填写“尺码”' });
    expect(answersProblem(fields, { shoe: '42', size: 'M', diet: '素食' })).toEqual({ path: 'answers.diet', message: '“饮食”的选项无效' });
    expect(answersProblem(fields, { shoe: '42', size: 'M' })).toEqual({ path: 'answers.phone', message: '请填写“联系电话”' });
  });

  it('refuses a text answer longer than 200 characters, accepts exactly 200', () => {
    expect(answersProblem([note], { note: '字'.repeat(200) })).toBeNull();
    expect(answersProblem([note], { note: '字'.repeat(201) })).toEqual({ path: 'answers.note', message: '“备注”不能超过 200 个字' });
  });
});

type Reg = { id: string; status: RegistrationStatus; waitlistSeq: number | null };
const reg = (id: string, status: RegistrationStatus, waitlistSeq: number | null): Reg => ({ id, status, waitlistSeq });

describe('firstWaiting', () => {
  it('is null when nobody waits', () => {
    expect(firstWaiting([])).toBeNull();
    expect(firstWaiting([reg('a', 'confirmed', null), reg('b', 'pending', null), reg('c', 'cancelled', 3), reg('d', 'rejected', 1)])).toBeNull();
  });

  it('picks the lowest seq, whatever the order of the rows and the gaps between seqs', () => {
    const regs = [reg('a', 'waitlisted', 1042), reg('b', 'confirmed', null), reg('c', 'waitlisted', 17), reg('d', 'waitlisted', 503)];
    expect(firstWaiting(regs)?.id).toBe('c');
    expect(firstWaiting([...regs].reverse())?.id).toBe('c');
  });

  it('ignores a cancelled registration that kept a lower seq', () => {
    expect(firstWaiting([reg('a', 'cancelled', 1), reg('b', 'waitlisted', 2), reg('c', 'waitlisted', 3)])?.id).toBe('b');
  });

  it('returns the row itself, with its own fields', () => {
    const regs = [{ ...reg('a', 'waitlisted', 5), memberName: '王芳' }];
    expect(firstWaiting(regs)).toBe(regs[0]);
  });

  it('skips a waitlisted row without a seq (it cannot be ordered)', () => {
    expect(firstWaiting([reg('a', 'waitlisted', null), reg('b', 'waitlisted', 9)])?.id).toBe('b');
    expect(firstWaiting([reg('a', 'waitlisted', null)])).toBeNull();
  });
});

describe('waitlistPosition', () => {
  it('is 1-based: the lowest seq is first', () => {
    expect(waitlistPosition(17, [17, 503, 1042])).toBe(1);
    expect(waitlistPosition(503, [17, 503, 1042])).toBe(2);
    expect(waitlistPosition(1042, [1042, 17, 503])).toBe(3);
  });

  it('is 1 when alone on the wait-list, or when the list given is empty', () => {
    expect(waitlistPosition(8, [8])).toBe(1);
    expect(waitlistPosition(8, [])).toBe(1);
  });

  it('moves up when someone ahead leaves', () => {
    expect(waitlistPosition(30, [10, 20, 30])).toBe(3);
    expect(waitlistPosition(30, [10, 30])).toBe(2);
  });
});
