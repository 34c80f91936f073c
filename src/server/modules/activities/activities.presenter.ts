import type { z } from 'zod';
import type {
  ActivityDetail,
  ActivitySummary,
  Audience,
  activityFileSchema,
  activityTypeSchema,
  myRegistrationSchema,
  RegistrationStatus,
  SignupField,
} from '../../../contracts/activities.js';
import { signupPhase, type SignupClock } from '../../../domain/activities/index.js';
import { assertNever } from '../../../domain/policy.js';
import { shanghaiWallTime, toShanghaiIso } from '../../../domain/activities/shanghai-time.js';
import type { ActivityFull, ActivityRow, ActivityTypeRow, RegistrationRow } from './activities.repository.js';

type MyRegistration = z.infer<typeof myRegistrationSchema>;

/** An instant as the API sends it: ISO with the +08:00 offset people read it in. */
export const instant = (d: Date | string) => toShanghaiIso(new Date(d));
const instantOrNull = (d: Date | string | null) => (d === null ? null : instant(d));

/** The part of an activity the sign-up rules read. */
export function clockOf(a: Pick<ActivityRow, 'status' | 'startsAt' | 'endsAt' | 'signupOpensAt' | 'signupClosesAt' | 'cancelDeadline' | 'capacity' | 'confirmedCount'>): SignupClock {
  return {
    status: a.status,
    startsAt: instant(a.startsAt),
    endsAt: instant(a.endsAt),
    signupOpensAt: instantOrNull(a.signupOpensAt),
    signupClosesAt: instantOrNull(a.signupClosesAt),
    cancelDeadline: instantOrNull(a.cancelDeadline),
    capacity: a.capacity,
    confirmedCount: a.confirmedCount,
  };
}

/** "12月3日 15:30—17:00，学校体育馆": when and where, for notifications. */
export function whenAndWhere(a: Pick<ActivityRow, 'startsAt' | 'endsAt' | 'place'>, now: Date): string {
  const start = shanghaiWallTime(new Date(a.startsAt), now);
  const end = shanghaiWallTime(new Date(a.endsAt), now);
  const sameDay = start.slice(0, start.lastIndexOf(' ')) === end.slice(0, end.lastIndexOf(' '));
  const time = `${start}—${sameDay ? end.slice(end.lastIndexOf(' ') + 1) : end}`;
  return a.place ? `${time}，${a.place}` : time;
}

/** The actor's own standing; `waitlistPosition` is computed by the caller (it needs the other registrations). */
export function myRegistrationView(
  s: { isInvited: boolean; registration: RegistrationRow | null; attendedAt: Date | null },
  waitlistPosition: number | null,
): MyRegistration {
  const r = s.registration;
  return {
    registrationId: r?.id ?? null,
    status: r?.status ?? null,
    waitlistPosition: r?.status === 'waitlisted' ? waitlistPosition : null,
    answers: r?.answers ?? {},
    attendedAt: instantOrNull(s.attendedAt),
    isInvited: s.isInvited,
  };
}

/** What a member is told after signing up or cancelling. */
export function registrationMessage(status: RegistrationStatus | null, waitlistPosition: number | null): string {
  switch (status) {
    case 'confirmed':
      return '报名成功';
    case 'waitlisted':
      return waitlistPosition ? `名额已满，您已进入候补（第 ${waitlistPosition} 位），有人取消时将自动递补` : '名额已满，您已进入候补，有人取消时将按顺序自动递补';
    case 'pending':
      return '已提交报名，等待组织者审核';
    case 'cancelled':
      return '已取消报名';
    case 'rejected':
      return '您的报名未通过审核';
    case null:
      return '您尚未报名';
    default:
      return assertNever(status);
  }
}

/** An activity in a list. */
export function summaryView(a: ActivityFull, now: Date, audienceText: string, me: MyRegistration | null): ActivitySummary {
  return {
    id: a.id,
    title: a.title,
    typeId: a.typeId,
    typeName: a.typeName,
    kind: a.kind,
    startsAt: instant(a.startsAt),
    endsAt: instant(a.endsAt),
    place: a.place,
    status: a.status,
    phase: signupPhase(clockOf(a), now),
    capacity: a.capacity,
    confirmedCount: a.confirmedCount,
    waitlistCount: a.waitlistCount,
    audienceLabel: audienceText,
    clubName: a.clubName,
    me,
  };
}

/** The audience as a member may see it: a list of people without the others' ids. */
function audienceFor(audience: Audience, isManager: boolean): ActivityDetail['audience'] {
  return audience.kind === 'list' && !isManager ? { kind: 'list', memberIds: [] } : audience;
}

/** GET /activities/:id */
export function detailView(
  a: ActivityFull,
  now: Date,
  extra: {
    audienceText: string;
    me: MyRegistration | null;
    files: { id: string; kind: 'photo' | 'attachment'; name: string; mime: string; size: number; createdAt: Date }[];
    figures: ActivityDetail['figures'];
    can: ActivityDetail['can'];
    signUpBlocker: string | null;
  },
): ActivityDetail {
  return {
    ...summaryView(a, now, extra.audienceText, extra.me),
    description: a.description,
    organiserUserId: a.organiserUserId,
    organiserName: a.organiserName,
    audience: audienceFor(a.audience as Audience, extra.can.manage),
    signupOpensAt: instantOrNull(a.signupOpensAt),
    signupClosesAt: instantOrNull(a.signupClosesAt),
    cancelDeadline: instantOrNull(a.cancelDeadline),
    needsApproval: a.needsApproval,
    fields: a.fields as SignupField[],
    cancelReason: a.cancelReason,
    calendarItemId: a.calendarItemId,
    clubId: a.clubId,
    seriesId: a.seriesId,
    files: extra.files.map((f): z.infer<typeof activityFileSchema> => ({ ...f, createdAt: instant(f.createdAt) })),
    figures: extra.figures,
    can: extra.can,
    signUpBlocker: extra.signUpBlocker,
  };
}

/** An activity type. */
export function typeView(t: ActivityTypeRow): z.infer<typeof activityTypeSchema> {
  return { id: t.id, name: t.name, kind: t.kind, position: t.position, archived: t.archivedAt !== null };
}
