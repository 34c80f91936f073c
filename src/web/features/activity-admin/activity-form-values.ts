import type { Dayjs } from 'dayjs';
import type { ActivityCreate, Audience, AudienceKind, SignupField } from '../../../contracts/activities';
import { ApiError } from '../../lib/api';
import type { ActivityDetail } from './activity-admin-types';
import { instantOf, joinDayAndTime, nowInShanghai, shanghaiClock } from './activity-time';

/** A sign-up question as the form holds it; `key` stays the same on edit so answers already given keep their question. */
export interface FieldValues {
  key?: string;
  label: string;
  type: 'choice' | 'text';
  options?: string[];
  required?: boolean;
}

/** The audience as the form holds it: one control per kind, so switching kinds keeps what was picked. */
export interface AudienceValues {
  kind: AudienceKind;
  groupIds?: string[];
  departments?: string[];
  clubId?: string | null;
  memberIds?: string[];
}

/** The activity form as antd holds it (times as Shanghai wall-clock dayjs values). */
export interface ActivityFormValues {
  typeId?: string;
  title: string;
  description?: string;
  startDate?: Dayjs | null;
  startTime?: Dayjs | null;
  endDate?: Dayjs | null;
  endTime?: Dayjs | null;
  place?: string;
  organiserUserId?: string | null;
  audience: AudienceValues;
  hasSignup: boolean;
  isCapacityLimited: boolean;
  capacity?: number | null;
  signupOpensAt?: Dayjs | null;
  signupClosesAt?: Dayjs | null;
  cancelDeadline?: Dayjs | null;
  needsApproval: boolean;
  fields: FieldValues[];
  isRepeating: boolean;
  repeatCount?: number | null;
  calendarItemId?: string | null;
  clubId?: string | null;
}

/** Where a new activity starts: a club's page prefills its group, a calendar item its title and day. */
export interface ActivityDefaults {
  clubId?: string | null;
  typeId?: string;
  calendarItemId?: string | null;
  title?: string;
  startDate?: string;
  organiserUserId?: string | null;
}

/** Sign-up closes one day before the start, but never before it opens (an activity starting within a day). */
export function defaultSignupClose(start: Dayjs, opens: Dayjs | null | undefined): Dayjs {
  const dayBefore = start.subtract(1, 'day');
  return opens && !dayBefore.isAfter(opens) ? start : dayBefore;
}

function audienceValuesOf(a: Audience): AudienceValues {
  switch (a.kind) {
    case 'groups':
      return { kind: a.kind, groupIds: a.groupIds };
    case 'departments':
      return { kind: a.kind, departments: a.departments };
    case 'club':
      return { kind: a.kind, clubId: a.clubId };
    case 'list':
      return { kind: a.kind, memberIds: a.memberIds };
    default:
      return { kind: a.kind };
  }
}

/** The form's starting values: the activity being edited, or a new one next week at 15:30 with sensible sign-up times. */
export function activityFormValuesOf(a: ActivityDetail | null, d: ActivityDefaults = {}): ActivityFormValues {
  if (a) {
    const s = shanghaiClock(a.startsAt);
    const e = shanghaiClock(a.endsAt);
    return {
      typeId: a.typeId,
      title: a.title,
      description: a.description,
      startDate: s.startOf('day'),
      startTime: s,
      endDate: e.startOf('day'),
      endTime: e,
      place: a.place,
      organiserUserId: a.organiserUserId,
      audience: audienceValuesOf(a.audience),
      hasSignup: a.signupOpensAt !== null,
      isCapacityLimited: a.capacity !== null,
      capacity: a.capacity,
      signupOpensAt: a.signupOpensAt ? shanghaiClock(a.signupOpensAt) : null,
      signupClosesAt: a.signupClosesAt ? shanghaiClock(a.signupClosesAt) : null,
      cancelDeadline: a.cancelDeadline ? shanghaiClock(a.cancelDeadline) : null,
      needsApproval: a.needsApproval,
      fields: a.fields.map((f) => ({ key: f.key, label: f.label, type: f.type, options: f.options, required: f.required })),
      isRepeating: false,
      repeatCount: null,
      calendarItemId: a.calendarItemId,
      clubId: a.clubId,
    };
  }
  const now = nowInShanghai();
  const day = (d.startDate ? shanghaiClock(`${d.startDate}T00:00:00+08:00`) : now.add(7, 'day')).startOf('day');
  const start = day.hour(15).minute(30);
  const opens = now.second(0).millisecond(0);
  const closes = defaultSignupClose(start, opens);
  return {
    typeId: d.typeId,
    title: d.title ?? '',
    description: '',
    startDate: day,
    startTime: start,
    endDate: day,
    endTime: day.hour(17).minute(0),
    place: '',
    organiserUserId: d.organiserUserId ?? null,
    audience: d.clubId ? { kind: 'club', clubId: d.clubId } : { kind: 'all' },
    hasSignup: true,
    isCapacityLimited: false,
    capacity: null,
    signupOpensAt: opens,
    signupClosesAt: closes,
    cancelDeadline: closes,
    needsApproval: false,
    fields: [],
    isRepeating: false,
    repeatCount: 4,
    calendarItemId: d.calendarItemId ?? null,
    clubId: d.clubId ?? null,
  };
}

function audienceOf(v: AudienceValues): Audience {
  switch (v.kind) {
    case 'groups':
      return { kind: 'groups', groupIds: v.groupIds ?? [] };
    case 'departments':
      return { kind: 'departments', departments: v.departments ?? [] };
    case 'club':
      return { kind: 'club', clubId: v.clubId ?? '' };
    case 'list':
      return { kind: 'list', memberIds: v.memberIds ?? [] };
    default:
      return { kind: v.kind };
  }
}

/** A key for a new question that no other question of the activity uses: q1, q2 … */
function freshKey(taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const key = `q${i}`;
    if (!taken.has(key)) {
      taken.add(key);
      return key;
    }
  }
}

function fieldsOf(values: FieldValues[]): SignupField[] {
  const taken = new Set(values.map((f) => f.key).filter((k): k is string => !!k));
  return values.map((f) => ({
    key: f.key || freshKey(taken),
    label: (f.label ?? '').trim(),
    type: f.type,
    options: f.type === 'choice' ? (f.options ?? []).map((o) => o.trim()).filter(Boolean) : [],
    required: !!f.required,
  }));
}

const clockOr = (day: Dayjs | null | undefined, time: Dayjs | null | undefined) => (day && time ? instantOf(joinDayAndTime(day, time)) : '');

/** The form's values as POST /activities and PATCH /activities/:id take them. */
export function activityBodyOf(v: ActivityFormValues, isNew: boolean): ActivityCreate {
  const audience = audienceOf(v.audience);
  const hasSignup = v.hasSignup;
  return {
    typeId: v.typeId ?? '',
    title: v.title.trim(),
    description: (v.description ?? '').trim(),
    startsAt: clockOr(v.startDate, v.startTime),
    endsAt: clockOr(v.endDate, v.endTime),
    place: (v.place ?? '').trim(),
    organiserUserId: v.organiserUserId || null,
    audience,
    capacity: hasSignup && v.isCapacityLimited ? (v.capacity ?? null) : null,
    signupOpensAt: hasSignup && v.signupOpensAt ? instantOf(v.signupOpensAt) : null,
    signupClosesAt: hasSignup && v.signupClosesAt ? instantOf(v.signupClosesAt) : null,
    cancelDeadline: hasSignup && v.cancelDeadline ? instantOf(v.cancelDeadline) : null,
    needsApproval: hasSignup && v.needsApproval,
    fields: hasSignup ? fieldsOf(v.fields ?? []) : [],
    calendarItemId: v.calendarItemId || null,
    // An activity for a club's members belongs to that club; otherwise the club picked for a club meeting, if any.
    clubId: audience.kind === 'club' ? audience.clubId || null : v.clubId || null,
    ...(isNew ? { repeat: v.isRepeating && v.repeatCount ? { every: 'week' as const, count: v.repeatCount } : null } : {}),
  };
}

/** Server paths that name a field the form shows under another name (the date picker of a time, the audience's kind). */
const PATH_MAP: Record<string, string> = {
  startsAt: 'startDate',
  endsAt: 'endDate',
  audience: 'audience.kind',
  'repeat.count': 'repeatCount',
  repeat: 'repeatCount',
};

/** Moves the server's field problems onto the controls that show them. */
export function withActivityFormPaths(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) => ({ ...f, path: PATH_MAP[f.path] ?? f.path }));
  return new ApiError(error.status, error.code, error.message, fields);
}
