import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.js';
import { users } from './accounts.js';
import { members } from './members.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A term (届) of the staff representative congress (教代会) of a grassroots union, 3 or 5 years; or, in a small
 * school, of the all-staff meeting (教职工大会: every active member votes, no representatives are elected). The
 * term carries the policy its rules use (composition, co-signers, reply deadline).
 */
export const congressTerms = pgTable(
  'congress_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    number: integer('number').notNull(),
    form: text('form', { enum: ['congress', 'all_staff'] }).notNull().default('congress'),
    years: integer('years').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    teacherMinPercent: integer('teacher_min_percent').notNull().default(60),
    leaderMaxPercent: integer('leader_max_percent').notNull().default(20),
    cosignersMin: integer('cosigners_min').notNull().default(2),
    replyWeeks: integer('reply_weeks').notNull().default(8),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('congress_terms_org_number_uq').on(t.orgId, t.number)],
);

/** A constituency (代表团 / 代表组) of a term. */
export const congressConstituencies = pgTable(
  'congress_constituencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => congressTerms.id),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('congress_constituencies_term_name_uq').on(t.termId, t.name)],
);

/**
 * A representative (代表) of a term, or an invited (特邀) / attending-only (列席) person, who has no vote. A row is
 * one mandate: a replacement ends the old row (status replaced, ended_on, reason) and starts a new one pointing at
 * it; a recall ends it (recalled). At most one active row per member and term.
 */
export const congressRepresentatives = pgTable(
  'congress_representatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => congressTerms.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    constituencyId: uuid('constituency_id').references(() => congressConstituencies.id),
    kind: text('kind', { enum: ['representative', 'invited', 'observer'] }).notNull().default('representative'),
    category: text('category', { enum: ['teacher', 'staff', 'worker'] }).notNull(),
    isLeader: boolean('is_leader').notNull().default(false),
    status: text('status', { enum: ['active', 'replaced', 'recalled', 'left'] }).notNull().default('active'),
    electedOn: date('elected_on').notNull(),
    endedOn: date('ended_on'),
    endReason: text('end_reason'),
    replacesId: uuid('replaces_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('congress_representatives_active_uq').on(t.termId, t.memberId).where(sql`${t.status} = 'active'`),
    index('congress_representatives_member_idx').on(t.memberId),
  ],
);

/**
 * A session (第N次会议) of a term: date, place, its proposal collection window, the rotating check-in secret (as
 * activities), and its state (planned → open → closed).
 */
export const congressSessions = pgTable(
  'congress_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => congressTerms.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
    proposalsOpenAt: timestamp('proposals_open_at', { withTimezone: true }),
    proposalsCloseAt: timestamp('proposals_close_at', { withTimezone: true }),
    status: text('status', { enum: ['planned', 'open', 'closed'] }).notNull().default('planned'),
    checkinSecret: text('checkin_secret').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('congress_sessions_term_number_uq').on(t.termId, t.number)],
);

/** An agenda item (议程) of a session: a report, a plan, a welfare scheme … that may be voted on. */
export const congressAgendaItems = pgTable(
  'congress_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => congressSessions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['report', 'plan', 'welfare', 'election', 'other'] }).notNull().default('report'),
    description: text('description').notNull().default(''),
  },
  (t) => [index('congress_agenda_session_idx').on(t.sessionId, t.position)],
);

/**
 * Who is at a session (应到 are the voting representatives of the term, or all active members for 教职工大会):
 * present by scanning the code or ticked by staff, or absent with a reason. `voterKey` is the representative's id,
 * or the member's id in the all-staff form.
 */
export const congressAttendance = pgTable(
  'congress_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => congressSessions.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    representativeId: uuid('representative_id').references(() => congressRepresentatives.id),
    status: text('status', { enum: ['present', 'absent'] }).notNull(),
    absenceReason: text('absence_reason'),
    source: text('source', { enum: ['scan', 'staff'] }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.memberId] })],
);

/**
 * A vote on an agenda item: named or secret, online or by paper entered by tellers. Opened only with a quorum; the
 * base (all voters of the term at opening) and those present are fixed when it opens; counts and the outcome when
 * it closes. `result` is the reasoning shown with the outcome.
 */
export const congressVotes = pgTable(
  'congress_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => congressSessions.id),
    agendaItemId: uuid('agenda_item_id').references(() => congressAgendaItems.id),
    title: text('title').notNull(),
    mode: text('mode', { enum: ['named', 'secret'] }).notNull(),
    channel: text('channel', { enum: ['online', 'paper'] }).notNull(),
    status: text('status', { enum: ['draft', 'open', 'closed'] }).notNull().default('draft'),
    base: integer('base'),
    present: integer('present'),
    yes: integer('yes'),
    no: integer('no'),
    abstain: integer('abstain'),
    passed: boolean('passed'),
    result: jsonb('result'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('congress_votes_session_idx').on(t.sessionId)],
);

/**
 * Who has voted in a vote — one row per voter, enforced by the key, so a voter counts once whatever the
 * concurrency. In a named vote the choice is on the row; in a secret vote it is not (see congress_secret_choices).
 */
export const congressVoteVoters = pgTable(
  'congress_vote_voters',
  {
    voteId: uuid('vote_id')
      .notNull()
      .references(() => congressVotes.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => members.id),
    choice: text('choice', { enum: ['yes', 'no', 'abstain'] }),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.memberId] })],
);

/** The choices of a secret vote, with a random id and no voter and no time, so they cannot be linked to voters. */
export const congressSecretChoices = pgTable(
  'congress_secret_choices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    voteId: uuid('vote_id')
      .notNull()
      .references(() => congressVotes.id, { onDelete: 'cascade' }),
    choice: text('choice', { enum: ['yes', 'no', 'abstain'] }).notNull(),
  },
  (t) => [index('congress_secret_choices_vote_idx').on(t.voteId)],
);

/**
 * A proposal (提案) — or an opinion (意见建议) when it came late or without enough co-signers — of a session. States
 * (domain/congress/proposal-states): draft → submitted → accepted (立案) | merged (并案, into `mergedIntoId`) |
 * converted (转为意见建议) | rejected (不予立案, reason) | withdrawn; accepted → assigned (交办) → replied → closed, or
 * back to assigned once for a second reply after 不满意.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => congressTerms.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => congressSessions.id),
    kind: text('kind', { enum: ['proposal', 'opinion'] }).notNull().default('proposal'),
    /** The proposals committee's number once accepted, e.g. 12 (shown 第12号). */
    number: integer('number'),
    proposerMemberId: uuid('proposer_member_id')
      .notNull()
      .references(() => members.id),
    title: text('title').notNull(),
    category: text('category').notNull(),
    reasons: text('reasons').notNull().default(''),
    suggestions: text('suggestions').notNull().default(''),
    status: text('status', {
      enum: ['draft', 'submitted', 'accepted', 'merged', 'converted', 'rejected', 'withdrawn', 'assigned', 'replied', 'closed'],
    })
      .notNull()
      .default('draft'),
    mergedIntoId: uuid('merged_into_id'),
    reviewReason: text('review_reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    responsibleLeader: text('responsible_leader'),
    replyDueOn: date('reply_due_on'),
    round: integer('round').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('proposals_org_session_idx').on(t.orgId, t.sessionId, t.status),
    uniqueIndex('proposals_session_number_uq').on(t.sessionId, t.number),
    index('proposals_proposer_idx').on(t.proposerMemberId),
  ],
);

/** Co-signers (附议人) and joint proposers (after 并案). Co-signers confirm on their phones. */
export const proposalSigners = pgTable(
  'proposal_signers',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    role: text('role', { enum: ['cosigner', 'joint'] }).notNull().default('cosigner'),
    status: text('status', { enum: ['invited', 'confirmed', 'declined'] }).notNull().default('invited'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.memberId] }), index('proposal_signers_member_idx').on(t.memberId)],
);

/** Departments a proposal is assigned to (交办): one lead (主办) and assisting ones (协办), per round. A department
 * is a handler account of the union (role 'handler'). */
export const proposalAssignments = pgTable(
  'proposal_assignments',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    handlerUserId: uuid('handler_user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['lead', 'assist'] }).notNull(),
    round: integer('round').notNull().default(1),
    /** The reply deadline of this round (the same on every row of the round), kept so earlier rounds stay judged by theirs. */
    replyDueOn: date('reply_due_on'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.handlerUserId, t.round] }), index('proposal_assignments_handler_idx').on(t.handlerUserId)],
);

/** A department's reply (答复) with its result code A–D, per round (a second round after 不满意). */
export const proposalReplies = pgTable(
  'proposal_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    round: integer('round').notNull(),
    handlerUserId: uuid('handler_user_id').references(() => users.id),
    resultCode: text('result_code', { enum: ['A', 'B', 'C', 'D'] }).notNull(),
    text: text('text').notNull(),
    repliedAt: timestamp('replied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('proposal_replies_round_uq').on(t.proposalId, t.round)],
);

/** The proposer's (and co-signers') rating of a reply: 满意 / 基本满意 / 不满意, per round. */
export const proposalRatings = pgTable(
  'proposal_ratings',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    round: integer('round').notNull(),
    memberId: uuid('member_id').notNull().references(() => members.id),
    rating: text('rating', { enum: ['satisfied', 'basic', 'unsatisfied'] }).notNull(),
    comment: text('comment').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.round, t.memberId] })],
);

/** Supervision (督办) notes of the proposals committee on a proposal. */
export const proposalNotes = pgTable(
  'proposal_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    authorUserId: uuid('author_user_id').references(() => users.id),
    text: text('text').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proposal_notes_proposal_idx').on(t.proposalId, t.at)],
);

/** Attachments of a proposal or a reply, kept in the database (as activity files). */
export const proposalFiles = pgTable(
  'proposal_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    replyId: uuid('reply_id').references(() => proposalReplies.id),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proposal_files_proposal_idx').on(t.proposalId)],
);
