import { REGISTRATION_STATUS_LABELS, type SignupPhase } from '../../../contracts/activities';
import { assertNever } from '../../../domain/policy';
import type { ActivitySummary, MyRegistration } from './activity-types';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The calendar day and clock time of an instant in Asia/Shanghai, whatever the browser's time zone. */
function shanghai(iso: string): { year: number; month: number; day: number; weekday: string; time: string; dayKey: string } {
  const p = Object.fromEntries(SHANGHAI.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  const year = Number(p.year);
  const month = Number(p.month);
  const day = Number(p.day);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return { year, month, day, weekday, time: `${p.hour}:${p.minute}`, dayKey: `${year}-${month}-${day}` };
}

function dayText(d: ReturnType<typeof shanghai>, now: Date): string {
  const yearPrefix = d.year === shanghai(now.toISOString()).year ? '' : `${d.year}年`;
  return `${yearPrefix}${d.month}月${d.day}日 周${d.weekday}`;
}

/** "12月3日 周四 15:30" (with the year when it is not this year's). */
export function formatMoment(iso: string, now = new Date()): string {
  const d = shanghai(iso);
  return `${dayText(d, now)} ${d.time}`;
}

/** "15:30" in Asia/Shanghai. */
export function formatClock(iso: string): string {
  return shanghai(iso).time;
}

/** The pieces of a time range: one for a single day ("12月3日 周四 15:30–17:00"), else start and end. */
export function timeRangeParts(startsAt: string, endsAt: string, now = new Date()): string[] {
  const s = shanghai(startsAt);
  const e = shanghai(endsAt);
  if (s.dayKey === e.dayKey) return [`${dayText(s, now)} ${s.time}–${e.time}`];
  return [`${dayText(s, now)} ${s.time}`, `${dayText(e, now)} ${e.time}`];
}

/** "12月3日 周四 15:30–17:00"; across days "12月3日 周四 15:30 至 12月4日 周五 17:00". */
export function formatTimeRange(startsAt: string, endsAt: string, now = new Date()): string {
  return timeRangeParts(startsAt, endsAt, now).join(' 至 ');
}

/** "已报 38 / 50", "不限名额 · 已报 12 人"; the wait-list when there is one. */
export function seatsText(a: Pick<ActivitySummary, 'capacity' | 'confirmedCount' | 'waitlistCount' | 'phase'>): string {
  if (a.phase === 'none') return a.capacity === null ? '无需报名' : `名额 ${a.capacity} 人`;
  const seats = a.capacity === null ? `不限名额 · 已报 ${a.confirmedCount} 人` : `已报 ${a.confirmedCount} / ${a.capacity}`;
  return a.waitlistCount > 0 ? `${seats} · 候补 ${a.waitlistCount} 人` : seats;
}

/** The colour of a sign-up phase tag: green while one can sign up, orange when only the wait-list is left. */
export function phaseColor(phase: SignupPhase): string | undefined {
  switch (phase) {
    case 'open':
      return 'green';
    case 'full':
      return 'orange';
    case 'not_open':
      return 'blue';
    case 'cancelled':
      return 'red';
    case 'none':
    case 'closed':
    case 'ended':
      return undefined;
    default:
      return assertNever(phase);
  }
}

/** My standing in words and colour: 已报名, 候补第 3 位, 待审核 …; null when I have not signed up. */
export function myStatus(me: MyRegistration | null): { text: string; color: string | undefined } | null {
  if (!me?.status) return null;
  switch (me.status) {
    case 'confirmed':
      return { text: REGISTRATION_STATUS_LABELS.confirmed, color: 'green' };
    case 'waitlisted':
      return { text: me.waitlistPosition ? `候补第 ${me.waitlistPosition} 位` : REGISTRATION_STATUS_LABELS.waitlisted, color: 'orange' };
    case 'pending':
      return { text: REGISTRATION_STATUS_LABELS.pending, color: 'blue' };
    case 'rejected':
      return { text: '报名未通过', color: 'red' };
    case 'cancelled':
      return { text: '已取消报名', color: undefined };
    default:
      return assertNever(me.status);
  }
}

/** True while a registration holds (or waits for) a place: the member may still withdraw it. */
export function isActiveRegistration(me: MyRegistration | null): boolean {
  return me?.status === 'confirmed' || me?.status === 'waitlisted' || me?.status === 'pending';
}

/** "1.2 MB", "340 KB". */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
