import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.js';
import { users } from './accounts.js';
import { members } from './members.js';
import { congressSessions } from './congress.js';

/**
 * An election (选举) for one position with its seats, held at a congress session (voters: the term's voters,
 * presence: the session's attendance) or at a members' meeting (voters: members in employment with a normal
 * membership, presence ticked on the roll). Draft → running (rounds) → closed.
 */
export const elections = pgTable(
  'elections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    title: text('title').notNull(),
    position: text('position', { enum: ['committee', 'chair', 'vice_chair', 'audit', 'women', 'representative'] }).notNull(),
    seats: integer('seats').notNull(),
    meetingKind: text('meeting_kind', { enum: ['congress', 'members'] }).notNull(),
    sessionId: uuid('session_id').references(() => congressSessions.id),
    online: boolean('online').notNull().default(true),
    paper: boolean('paper').notNull().default(true),
    differentialPercent: integer('differential_percent').notNull().default(5),
    status: text('status', { enum: ['draft', 'running', 'closed'] }).notNull().default('draft'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('elections_org_idx').on(t.orgId, t.createdAt)],
);

/** A candidate (候选人): a member of the union, with the short note printed on the ballot. */
export const electionCandidates = pgTable(
  'election_candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    electionId: uuid('election_id')
      .notNull()
      .references(() => elections.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => members.id),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('election_candidates_member_uq').on(t.electionId, t.memberId)],
);

/** Scrutineers (监票人) and counters (计票人): never candidates; counters may record paper ballots. */
export const electionOfficials = pgTable(
  'election_officials',
  {
    electionId: uuid('election_id')
      .notNull()
      .references(() => elections.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => members.id),
    role: text('role', { enum: ['scrutineer', 'counter'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.memberId, t.role] })],
);

/** The roll (应到会人员), fixed when the election starts; `present` is ticked at a members' meeting. */
export const electionRoll = pgTable(
  'election_roll',
  {
    electionId: uuid('election_id')
      .notNull()
      .references(() => elections.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => members.id),
    present: boolean('present').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.memberId] })],
);

/**
 * A round of voting: the seats it fills and its candidates (stroke order), 应到 and 实到 fixed at opening, the paper
 * counts, and once counted the outcome with its reasoning (`outcome`, the RoundOutcome of the contract).
 */
export const electionRounds = pgTable(
  'election_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    electionId: uuid('election_id')
      .notNull()
      .references(() => elections.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    seats: integer('seats').notNull(),
    candidateIds: jsonb('candidate_ids').notNull(),
    status: text('status', { enum: ['open', 'counted'] }).notNull().default('open'),
    due: integer('due').notNull(),
    present: integer('present').notNull(),
    paperIssued: integer('paper_issued'),
    paperReturned: integer('paper_returned'),
    outcome: jsonb('outcome'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    countedAt: timestamp('counted_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('election_rounds_number_uq').on(t.electionId, t.number)],
);

/** Who has voted online in a round: one row per voter (the key refuses a second), no time, no ballot. */
export const electionRoundVoters = pgTable(
  'election_round_voters',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => electionRounds.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.memberId] })],
);

/**
 * A ballot of a round: online (a random receipt code, no voter, no time) or paper (its number, written at counting
 * from the two matching entries). `marks` maps candidate id → yes | no | abstain; write-ins are names (赞成).
 */
export const electionBallots = pgTable(
  'election_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => electionRounds.id, { onDelete: 'cascade' }),
    receipt: text('receipt'),
    paperNo: integer('paper_no'),
    marks: jsonb('marks').notNull(),
    writeIns: jsonb('write_ins').notNull(),
    spoilt: boolean('spoilt').notNull().default(false),
  },
  (t) => [
    index('election_ballots_round_idx').on(t.roundId),
    uniqueIndex('election_ballots_receipt_uq').on(t.receipt),
    uniqueIndex('election_ballots_paper_uq').on(t.roundId, t.paperNo),
  ],
);

/** A teller's reading of paper ballot no. N: two by two different people must agree before it is counted. */
export const electionPaperEntries = pgTable(
  'election_paper_entries',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => electionRounds.id, { onDelete: 'cascade' }),
    paperNo: integer('paper_no').notNull(),
    entry: integer('entry').notNull(),
    enteredBy: uuid('entered_by')
      .notNull()
      .references(() => users.id),
    marks: jsonb('marks').notNull(),
    writeIns: jsonb('write_ins').notNull(),
    spoilt: boolean('spoilt').notNull().default(false),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.paperNo, t.entry] }), uniqueIndex('election_paper_entries_person_uq').on(t.roundId, t.paperNo, t.enteredBy)],
);
