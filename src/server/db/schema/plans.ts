import { date, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.js';
import { users } from './accounts.js';

/** A work plan (工作计划) of an organisation for a period: 学年, 学期 or 年度. */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    title: text('title').notNull(),
    periodKind: text('period_kind', { enum: ['school_year', 'term', 'year'] }).notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** The date line at the end of the document (落款日期). */
    planDate: date('plan_date'),
    /** The plan this one was copied from (a new year's plan started from last year's). */
    copiedFromId: uuid('copied_from_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plans_org_idx').on(t.orgId, t.periodStart)],
);

/** A section of a plan (指导思想, 工作目标, …) with its text as sanitised HTML, in order. */
export const planSections = pgTable(
  'plan_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    heading: text('heading').notNull(),
    body: text('body').notNull().default(''),
  },
  (t) => [index('plan_sections_plan_idx').on(t.planId, t.position)],
);

/** A goal: a sentence and, where it has a number, a metric of the catalogue, a comparator and a target. */
export const planGoals = pgTable(
  'plan_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    /** A metric id of domain/goal-metrics.ts, or null for a goal without a number. */
    metric: text('metric'),
    comparator: text('comparator', { enum: ['>=', '<=', '=', '>', '<'] }),
    /** Rates as fractions (0.85), counts as numbers (4). */
    target: doublePrecision('target'),
  },
  (t) => [index('plan_goals_plan_idx').on(t.planId, t.position)],
);

/**
 * A schedule item of the calendar (行事历): in a month or months (`date_kind` 'month': first day of the first
 * month to the last day of the last), on a date, or over a date range; optionally part of a plan and linked to
 * what fulfils it (an activity, a care campaign, a congress session) as those modules land.
 */
export const calendarItems = pgTable(
  'calendar_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    dateKind: text('date_kind', { enum: ['month', 'date', 'range'] }).notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    /** The committee member responsible (a user with a role in the organisation). */
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    category: text('category'),
    status: text('status', { enum: ['planned', 'done', 'cancelled', 'postponed'] }).notNull().default('planned'),
    note: text('note'),
    linkKind: text('link_kind', { enum: ['activity', 'care_campaign', 'congress_session'] }),
    linkId: uuid('link_id'),
    /** Order inside its plan's schedule (document order). */
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('calendar_items_org_dates_idx').on(t.orgId, t.startDate, t.endDate),
    index('calendar_items_plan_idx').on(t.planId, t.position),
  ],
);

/** The organisation's iCalendar subscription: only a hash of the secret token is kept; revoking ends the feed. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('calendar_feeds_org_idx').on(t.orgId)],
);
