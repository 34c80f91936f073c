import type { RegistrationStatus, SignupField, SignupPhase } from '../../contracts/activities.js';
import { ACTIVITY_LIMITS } from '../../contracts/activities.js';
import { assertNever } from '../policy.js';
import { shanghaiWallTime } from './shanghai-time.js';

/** What the sign-up clock of an activity depends on (instants as ISO strings with an offset). */
export interface SignupClock {
  status: 'published' | 'cancelled';
  startsAt: string;
  endsAt: string;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  cancelDeadline: string | null;
  capacity: number | null;
  confirmedCount: number;
}

const ms = (iso: string) => Date.parse(iso);

/**
 * Where an activity stands for sign-up at `now`. The window is inclusive at both ends: open from `signupOpensAt`
 * through `signupClosesAt` itself; the activity has ended from `endsAt` on. 'full' still takes sign-ups (to the wait-list).
 */
export function signupPhase(a: SignupClock, now: Date): SignupPhase {
  const t = now.getTime();
  if (a.status === 'cancelled') return 'cancelled';
  if (t >= ms(a.endsAt)) return 'ended';
  if (a.signupOpensAt === null || a.signupClosesAt === null) return 'none';
  if (t < ms(a.signupOpensAt)) return 'not_open';
  if (t > ms(a.signupClosesAt)) return 'closed';
  if (a.capacity !== null && a.confirmedCount >= a.capacity) return 'full';
  return 'open';
}

/** Whether a member may still cancel: the activity is published and `now` is before the cancel deadline (or the start). */
export function cancelAllowed(a: SignupClock, now: Date): boolean {
  return a.status === 'published' && now.getTime() < ms(a.cancelDeadline ?? a.startsAt);
}

/** Why the clock or the status refuses a sign-up, in Chinese; null when sign-up is open or full (→ wait-list). */
export function signupBlocker(a: SignupClock, now: Date): string | null {
  const phase = signupPhase(a, now);
  switch (phase) {
    case 'open':
    case 'full':
      return null;
    case 'cancelled':
      return '活动已取消';
    case 'ended':
      return '活动已结束';
    case 'none':
      return '本活动无需报名';
    case 'not_open':
      return `报名尚未开始（${shanghaiWallTime(new Date(a.signupOpensAt!), now)} 开始）`;
    case 'closed':
      return '报名已截止';
    default:
      return assertNever(phase);
  }
}

/**
 * The first problem with a member's sign-up answers, or null. Fields are checked in their order, then unknown keys.
 * Answers are compared trimmed; an empty answer to an optional field is fine.
 */
export function answersProblem(fields: SignupField[], answers: Record<string, string>): { path: string; message: string } | null {
  for (const f of fields) {
    const value = (answers[f.key] ?? '').trim();
    const path = `answers.${f.key}`;
    if (value === '') {
      if (f.required) return { path, message: `请填写“${f.label}”` };
      continue;
    }
    if (f.type === 'choice' && !f.options.includes(value)) return { path, message: `“${f.label}”的选项无效` };
    if (value.length > ACTIVITY_LIMITS.answerMax) return { path, message: `“${f.label}”不能超过 ${ACTIVITY_LIMITS.answerMax} 个字` };
  }
  const known = new Set(fields.map((f) => f.key));
  const unknown = Object.keys(answers).find((k) => !known.has(k));
  return unknown === undefined ? null : { path: `answers.${unknown}`, message: '报名信息中有未知的项目' };
}

/** The registration to promote when a seat frees: the wait-listed one with the lowest `waitlistSeq`; null when nobody waits. */
export function firstWaiting<T extends { status: RegistrationStatus; waitlistSeq: number | null }>(regs: readonly T[]): T | null {
  let first: T | null = null;
  for (const r of regs) {
    if (r.status !== 'waitlisted' || r.waitlistSeq === null) continue;
    if (first === null || r.waitlistSeq < first.waitlistSeq!) first = r;
  }
  return first;
}

/** A waiting member's 1-based place: 1 + how many of the activity's waiting seqs are lower (gaps in the seqs do not matter). */
export function waitlistPosition(seq: number, waitingSeqs: readonly number[]): number {
  return 1 + waitingSeqs.filter((s) => s < seq).length;
}
