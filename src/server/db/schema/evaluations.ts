import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.js';
import { users } from './accounts.js';
import { members } from './members.js';

/**
 * A democratic evaluation (民主测评) of named leaders: its scales (dimensions and grades, best first), who may vote
 * (the setting; the roll itself is fixed at publishing in evaluation_voters), the window, and, once closed, the
 * figures (`results`, computed once under the evaluation's lock).
 */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** [{key, name, post}] in the order shown on the ballot; keys are given by the server and never reused. */
    targets: jsonb('targets').notNull(),
    dimensions: jsonb('dimensions').notNull(),
    grades: jsonb('grades').notNull(),
    overallGrades: jsonb('overall_grades').notNull(),
    allowComments: boolean('allow_comments').notNull().default(true),
    /** The voters setting: {kind: term, termId} | {kind: members} | {kind: list, memberIds}. */
    voters: jsonb('voters').notNull(),
    minGroupSize: integer('min_group_size').notNull().default(5),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['draft', 'published', 'closed'] }).notNull().default('draft'),
    eligible: integer('eligible'),
    results: jsonb('results'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluations_org_idx').on(t.orgId, t.createdAt)],
);

/**
 * The roll of an evaluation, fixed at publishing: one row per eligible voter, `hasVoted` set once (the conditional
 * update refuses a second ballot whatever the concurrency). `voterGroup` is the group the voter's ballot will carry
 * for the breakdown — null when the group has too few people on the roll. No time is kept.
 */
export const evaluationVoters = pgTable(
  'evaluation_voters',
  {
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => members.id),
    voterGroup: text('voter_group'),
    hasVoted: boolean('has_voted').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.memberId] })],
);

/**
 * A ballot: no voter, no time, a random id; rewritten in random order when the evaluation closes (decision 012).
 * `ratings` is one entry per target in the evaluation's order: [grade index per dimension…, overall grade index].
 */
export const evaluationBallots = pgTable(
  'evaluation_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    voterGroup: text('voter_group'),
    ratings: jsonb('ratings').notNull(),
  },
  (t) => [index('evaluation_ballots_evaluation_idx').on(t.evaluationId)],
);

/** A comment on one target, kept apart from the ballot it came with (so its ratings cannot be read from it). */
export const evaluationComments = pgTable(
  'evaluation_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    targetKey: text('target_key').notNull(),
    body: text('body').notNull(),
  },
  (t) => [index('evaluation_comments_evaluation_idx').on(t.evaluationId)],
);
