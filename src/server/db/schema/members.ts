import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid, boolean, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.js';
import { users } from './accounts.js';
import { memberImports } from './imports.js';

/** A person on a grassroots union's roster (会员档案). */
export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The grassroots union (基层工会) whose roster holds the member. */
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    /** The union group (工会小组) inside that union, if any. */
    groupId: uuid('group_id').references(() => orgs.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    /** Sort key following Intl.Collator('zh') (pinyin), one fixed-width rank per character. */
    pinyinKey: text('pinyin_key').notNull(),
    /** Sort key following Intl.Collator('zh-u-co-stroke') (surname strokes). */
    strokeKey: text('stroke_key').notNull(),
    /** Lower-case pinyin initials, e.g. 张晓明 → zxm, for search. */
    initials: text('initials').notNull(),
    /** Full pinyin without tones or spaces, e.g. zhangxiaoming, for search. */
    pinyin: text('pinyin').notNull(),
    gender: text('gender', { enum: ['M', 'F'] }),
    birthDate: date('birth_date'),
    isLunarBirthday: boolean('is_lunar_birthday').notNull().default(false),
    idCard: text('id_card'),
    phone: text('phone'),
    staffNo: text('staff_no'),
    department: text('department'),
    postType: text('post_type', { enum: ['teacher', 'staff', 'worker', 'other'] }).notNull().default('teacher'),
    employmentStatus: text('employment_status', { enum: ['active', 'retired', 'transferred', 'deceased'] })
      .notNull()
      .default('active'),
    membershipStatus: text('membership_status', { enum: ['normal', 'reserved', 'transferred_out', 'withdrawn'] })
      .notNull()
      .default('normal'),
    joinedOn: date('joined_on'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    /**
     * The import that created the member's file, if one did: the member's history shows it as the first line
     * (file, date, who), without a history row per imported member.
     */
    importId: uuid('import_id').references(() => memberImports.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('members_org_staff_no_uq').on(t.orgId, t.staffNo),
    uniqueIndex('members_org_id_card_uq').on(t.orgId, t.idCard),
    index('members_org_pinyin_idx').on(t.orgId, t.pinyinKey, t.id),
    index('members_org_stroke_idx').on(t.orgId, t.strokeKey, t.id),
    index('members_org_group_idx').on(t.orgId, t.groupId, t.pinyinKey),
    // Only members with an account are looked up by user or by 工号 at log-in; partial indexes cost an import nothing.
    index('members_user_idx').on(t.userId).where(sql`${t.userId} IS NOT NULL`),
    index('members_staff_no_idx').on(t.staffNo).where(sql`${t.userId} IS NOT NULL`),
  ],
);

/** The member's file history: created, transferred in or out, status changes. */
export const memberHistory = pgTable(
  'member_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id').notNull().references(() => members.id),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    kind: text('kind', {
      enum: ['created', 'imported', 'transfer_in', 'transfer_out', 'retired', 'status_change', 'group_change'],
    }).notNull(),
    onDate: date('on_date').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    note: text('note'),
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('member_history_member_idx').on(t.memberId, t.createdAt)],
);
