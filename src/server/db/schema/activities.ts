import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.js';
import { users } from './accounts.js';
import { members } from './members.js';
import { calendarItems } from './plans.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The activity types an organisation offers (学习, 讲座, 文体, …). Each has a base `kind` from the fixed list, so
 * figures ("专题学习次数", activities by type) hold whatever the union calls its types. An organisation gets the
 * default list the first time it is needed; types in use are archived, never deleted.
 */
export const activityTypes = pgTable(
  'activity_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    name: text('name').notNull(),
    kind: text('kind', {
      enum: ['study', 'lecture', 'culture_sport', 'competition', 'festival', 'health_check', 'outing', 'volunteer', 'club', 'other'],
    }).notNull(),
    position: integer('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('activity_types_org_name_uq').on(t.orgId, t.name)],
);

/** An interest group (兴趣小组 / 俱乐部) of an organisation: a leader, members, its own activities. */
export const clubs = pgTable(
  'clubs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    name: text('name').notNull(),
    description: text('description'),
    leaderMemberId: uuid('leader_member_id').references(() => members.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('clubs_org_name_uq').on(t.orgId, t.name)],
);

export const clubMembers = pgTable(
  'club_members',
  {
    clubId: uuid('club_id').notNull().references(() => clubs.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => members.id),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('club_members_uq').on(t.clubId, t.memberId), index('club_members_member_idx').on(t.memberId)],
);

/**
 * An activity (活动). `confirmedCount` is the number of confirmed registrations, kept by the sign-up and cancel
 * transactions under the row's lock; the CHECK makes exceeding the capacity impossible whatever the code does.
 * `audience` is contracts/activities.ts `Audience`; `fields` the custom sign-up fields.
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    typeId: uuid('type_id').notNull().references(() => activityTypes.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
    organiserUserId: uuid('organiser_user_id').references(() => users.id),
    audience: jsonb('audience').notNull(),
    /** Null: unlimited. */
    capacity: integer('capacity'),
    confirmedCount: integer('confirmed_count').notNull().default(0),
    /** Null: no sign-up (attendance only, e.g. a meeting of everyone). */
    signupOpensAt: timestamp('signup_opens_at', { withTimezone: true }),
    signupClosesAt: timestamp('signup_closes_at', { withTimezone: true }),
    cancelDeadline: timestamp('cancel_deadline', { withTimezone: true }),
    needsApproval: boolean('needs_approval').notNull().default(false),
    fields: jsonb('fields').notNull().default(sql`'[]'::jsonb`),
    status: text('status', { enum: ['published', 'cancelled'] }).notNull().default('published'),
    cancelReason: text('cancel_reason'),
    /** Secret of the rotating check-in code (HMAC key); never sent to members. */
    checkinSecret: text('checkin_secret').notNull(),
    calendarItemId: uuid('calendar_item_id').references(() => calendarItems.id, { onDelete: 'set null' }),
    clubId: uuid('club_id').references(() => clubs.id),
    /** Activities created together as a repeating series share this id. */
    seriesId: uuid('series_id'),
    /** Set once by whichever app process sends the day-before reminder (claimed with UPDATE … WHERE IS NULL). */
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_org_starts_idx').on(t.orgId, t.startsAt),
    index('activities_reminder_idx').on(t.startsAt).where(sql`${t.reminderSentAt} IS NULL`),
    check('activities_capacity_ck', sql`${t.capacity} IS NULL OR (${t.capacity} >= 1 AND ${t.confirmedCount} <= ${t.capacity})`),
    check('activities_confirmed_ck', sql`${t.confirmedCount} >= 0`),
    check('activities_time_ck', sql`${t.endsAt} >= ${t.startsAt}`),
  ],
);

/** Orders the wait-list: a registration that starts waiting takes the next number (nextval is never rolled back). */
export const activityWaitlistSeq = pgSequence('activity_waitlist_seq');

/**
 * A member's sign-up (报名). One row per member and activity (unique), whatever happens to it: a second sign-up
 * is a no-op, a sign-up after a cancellation reuses the row. `waitlistSeq` orders the wait-list.
 */
export const activityRegistrations = pgTable(
  'activity_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    status: text('status', { enum: ['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected'] }).notNull(),
    answers: jsonb('answers').notNull().default(sql`'{}'::jsonb`),
    waitlistSeq: bigint('waitlist_seq', { mode: 'number' }),
    /** When the member was moved from the wait-list to confirmed. */
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('activity_registrations_uq').on(t.activityId, t.memberId),
    index('activity_registrations_waitlist_idx').on(t.activityId, t.waitlistSeq).where(sql`${t.status} = 'waitlisted'`),
    index('activity_registrations_member_idx').on(t.memberId),
  ],
);

/** A member's attendance (出勤) at an activity: by scanning the code, ticked on the roster, or from the paper sheet. */
export const activityAttendance = pgTable(
  'activity_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    source: text('source', { enum: ['scan', 'roster', 'paper'] }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('activity_attendance_uq').on(t.activityId, t.memberId), index('activity_attendance_member_idx').on(t.memberId, t.at)],
);

/** A photo or attachment of an activity, kept in the database so every app process and every backup has it. */
export const activityFiles = pgTable(
  'activity_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    kind: text('kind', { enum: ['photo', 'attachment'] }).notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activity_files_activity_idx').on(t.activityId, t.createdAt)],
);
