import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid, uniqueIndex, boolean } from 'drizzle-orm/pg-core';

/** An organisation in the union tree: parent union → grassroots union → sub-union → union group. */
export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    kind: text('kind', { enum: ['parent', 'grassroots', 'sub', 'group'] }).notNull(),
    name: text('name').notNull(),
    /** Materialised path of ids, `/root/…/self/`, so a subtree is one indexed prefix match. */
    path: text('path').notNull(),
    /** A group may be named after the 教研组 / department it follows. */
    department: text('department'),
    isArchived: boolean('is_archived').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orgs_parent_idx').on(t.parentId),
    index('orgs_path_idx').on(sql`${t.path} text_pattern_ops`),
    uniqueIndex('orgs_parent_name_uq').on(t.parentId, t.name),
  ],
);
