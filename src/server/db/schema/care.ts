import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.js';
import { users } from './accounts.js';
import { members } from './members.js';
import { BENEFIT_FORMS, CARE_EVENT_KINDS, CARE_FUND_CATEGORIES } from '../../../contracts/care.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

const FORMS = BENEFIT_FORMS;
const FUND_CATEGORIES = CARE_FUND_CATEGORIES;
const EVENT_KINDS = CARE_EVENT_KINDS;

/**
 * The care event types of a union (五必访 list) with each type's rule: the visit deadline, the standard amount and the
 * caps (per event, per person per year, count per year), allowed forms, claim window, dues precondition. Null: no
 * limit. Money in fen. An organisation gets the default list the first time it is needed; types in use are archived.
 */
export const careEventTypes = pgTable(
  'care_event_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    position: integer('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    deadlineDays: integer('deadline_days'),
    standardFen: integer('standard_fen'),
    capPerEventFen: integer('cap_per_event_fen'),
    capPerYearFen: integer('cap_per_year_fen'),
    countPerYear: integer('count_per_year'),
    forms: text('forms').array().notNull().default(sql`'{goods,cash}'::text[]`),
    claimMonths: integer('claim_months'),
    requiresDues: boolean('requires_dues').notNull().default(false),
  },
  (t) => [uniqueIndex('care_event_types_org_name_uq').on(t.orgId, t.name)],
);

/** The union's care settings beyond the event types: festival and birthday rules, approved ethnic festivals. */
export const careSettings = pgTable('care_settings', {
  orgId: uuid('org_id').primaryKey().references(() => orgs.id),
  festivalCapPerYearFen: integer('festival_cap_per_year_fen'),
  festivalForms: text('festival_forms').array().notNull().default(sql`'{goods}'::text[]`),
  birthdayCapFen: integer('birthday_cap_fen'),
  birthdayForms: text('birthday_forms').array().notNull().default(sql`'{goods,voucher}'::text[]`),
  ethnicFestivals: text('ethnic_festivals').array().notNull().default(sql`'{}'::text[]`),
  preset: text('preset', { enum: ['fujian_2018', 'anhui_2018'] }),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
});

/** 低保线: the local minimum living standard per person per month, per organisation and year (fen). */
export const carePovertyLines = pgTable(
  'care_poverty_lines',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    year: integer('year').notNull(),
    monthlyFen: integer('monthly_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);

/** A care event (生病住院, 生育 …) of a member that obliges a visit by `dueOn` (null: no deadline). */
export const careEvents = pgTable(
  'care_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    typeId: uuid('type_id').notNull().references(() => careEventTypes.id),
    occurredOn: date('occurred_on').notNull(),
    dueOn: date('due_on'),
    details: text('details').notNull().default(''),
    status: text('status', { enum: ['open', 'visited', 'closed'] }).notNull().default('open'),
    closedReason: text('closed_reason'),
    reportedBy: uuid('reported_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('care_events_org_status_idx').on(t.orgId, t.status, t.dueOn), index('care_events_member_idx').on(t.memberId, t.occurredOn)],
);

/**
 * A visit (慰问) for an event: who went, when, how, what was given. Money-bearing visits carry what the fund ledger
 * needs (category, amount, payee, date). `override*`: the chair's reason for going past a cap, and the rules passed.
 */
export const careVisits = pgTable(
  'care_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => careEvents.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    typeId: uuid('type_id').notNull().references(() => careEventTypes.id),
    visitedOn: date('visited_on').notNull(),
    method: text('method', { enum: ['home', 'hospital', 'phone'] }).notNull(),
    visitors: jsonb('visitors').notNull(),
    goods: text('goods').notNull().default(''),
    amountFen: integer('amount_fen').notNull().default(0),
    form: text('form', { enum: FORMS }),
    notes: text('notes').notNull().default(''),
    duesConfirmed: boolean('dues_confirmed').notNull().default(false),
    fundCategory: text('fund_category', { enum: FUND_CATEGORIES }).notNull().default('送温暖'),
    payee: text('payee').notNull().default(''),
    overrideReason: text('override_reason'),
    overrideBy: uuid('override_by').references(() => users.id),
    overrideViolations: jsonb('override_violations'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('care_visits_event_idx').on(t.eventId),
    index('care_visits_org_date_idx').on(t.orgId, t.visitedOn),
    index('care_visits_member_idx').on(t.memberId, t.visitedOn),
    check('care_visits_amount_ck', sql`${t.amountFen} >= 0`),
  ],
);

/** Evidence and photos of care events, visits and hardship files, kept in the database (as activity files). */
export const careFiles = pgTable(
  'care_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    ownerType: text('owner_type', { enum: ['event', 'visit', 'hardship'] }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('care_files_owner_idx').on(t.ownerType, t.ownerId, t.createdAt)],
);

/** A festival care campaign (节日慰问): a gift-day festival, a per-person value, an audience. */
export const careCampaigns = pgTable(
  'care_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    festival: text('festival').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    perPersonFen: integer('per_person_fen').notNull(),
    form: text('form', { enum: FORMS }).notNull(),
    goods: text('goods').notNull().default(''),
    audience: jsonb('audience').notNull(),
    fundCategory: text('fund_category', { enum: FUND_CATEGORIES }).notNull().default('职工集体福利'),
    status: text('status', { enum: ['draft', 'distributing', 'closed'] }).notNull().default('draft'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('care_campaigns_org_year_idx').on(t.orgId, t.year)],
);

/**
 * The recipients a campaign fixed when it started (intended), with their receipt (签收). A member left out because the
 * year's festival total would pass the cap has a row with `excludedReason` and is not counted as intended.
 */
export const careCampaignRecipients = pgTable(
  'care_campaign_recipients',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => careCampaigns.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    groupId: uuid('group_id').references(() => orgs.id),
    valueFen: integer('value_fen').notNull(),
    excludedReason: text('excluded_reason'),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    source: text('source', { enum: ['self', 'leader'] }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.memberId] }), index('care_campaign_recipients_member_idx').on(t.memberId)],
);

/** A birthday benefit (生日慰问, e.g. a cake voucher) given to a member in a year: at most one per member and year. */
export const careBirthdayBenefits = pgTable(
  'care_birthday_benefits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    year: integer('year').notNull(),
    item: text('item').notNull(),
    amountFen: integer('amount_fen').notNull(),
    form: text('form', { enum: FORMS }).notNull(),
    givenOn: date('given_on').notNull(),
    fundCategory: text('fund_category', { enum: FUND_CATEGORIES }).notNull().default('职工集体福利'),
    /** The chair's reason for going past the birthday cap or forms, who, and the rules passed (as on visits). */
    overrideReason: text('override_reason'),
    overrideBy: uuid('override_by').references(() => users.id),
    overrideViolations: jsonb('override_violations'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('care_birthday_benefits_uq').on(t.orgId, t.memberId, t.year)],
);

/**
 * A hardship file (困难职工档案) of a member for a year: the household's figures, the level computed from them and the
 * 低保线 (domain/care/hardship), its review and approval by the chair, the yearly re-assessment, its closing.
 */
export const hardshipFiles = pgTable(
  'hardship_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    year: integer('year').notNull(),
    householdSize: integer('household_size').notNull(),
    annualIncomeFen: integer('annual_income_fen').notNull(),
    unavoidableCostsFen: integer('unavoidable_costs_fen').notNull(),
    isAccident: boolean('is_accident').notNull().default(false),
    household: jsonb('household').notNull().default(sql`'[]'::jsonb`),
    reasons: text('reasons').notNull().default(''),
    povertyLineFen: integer('poverty_line_fen'),
    perCapitaMonthlyFen: integer('per_capita_monthly_fen').notNull(),
    level: text('level', { enum: ['deep', 'relative', 'accident', 'none'] }).notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'closed'] }).notNull().default('draft'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    reviewDueOn: date('review_due_on'),
    closedReason: text('closed_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('hardship_files_member_year_uq').on(t.orgId, t.memberId, t.year), index('hardship_files_org_status_idx').on(t.orgId, t.status)],
);

/** An assistance record (帮扶: 生活救助, 医疗救助 …), posted to 困难职工帮扶 by default. */
export const assistanceRecords = pgTable(
  'assistance_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    hardshipFileId: uuid('hardship_file_id').references(() => hardshipFiles.id),
    kind: text('kind', { enum: ['living', 'medical', 'education', 'legal', 'counselling'] }).notNull(),
    campaign: text('campaign'),
    amountFen: integer('amount_fen').notNull(),
    givenOn: date('given_on').notNull(),
    notes: text('notes').notNull().default(''),
    payee: text('payee').notNull().default(''),
    fundCategory: text('fund_category', { enum: FUND_CATEGORIES }).notNull().default('困难职工帮扶'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assistance_records_org_date_idx').on(t.orgId, t.givenOn), index('assistance_records_member_idx').on(t.memberId)],
);

/** Women's health check (两癌筛查) per member and year; seen only by the chair and the 女工 committee member. */
export const womenHealthChecks = pgTable(
  'women_health_checks',
  {
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    memberId: uuid('member_id').notNull().references(() => members.id),
    year: integer('year').notNull(),
    checkedOn: date('checked_on'),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.memberId, t.year] })],
);
