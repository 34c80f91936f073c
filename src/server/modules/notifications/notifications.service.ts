import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { NotificationKind, notificationListSchema, notificationsReadSchema } from '../../../contracts/activities.js';
import type { Db } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import type { Ctx } from '../../http/context.js';

/** What one notification says; sent to several people at once. */
export interface NotificationDraft {
  userIds: string[];
  orgId: string | null;
  kind: NotificationKind;
  title: string;
  body?: string;
  link?: string | null;
  /** A key per recipient; a second notification with the same key is skipped (e.g. a reminder sent by two processes). */
  dedupeKey?: (userId: string) => string;
}

/** Rows per INSERT: 7 parameters a row stays well under PostgreSQL's 65 535 bind parameters. */
const INSERT_CHUNK = 5000;

/**
 * Puts a notification in each user's bell, inside the caller's transaction (so it is sent only if the change that
 * caused it commits). Duplicate user ids are sent once; with a dedupe key, users who already have a notification
 * with their key get nothing. Returns how many notifications were inserted.
 */
export async function notify(tx: Db, n: NotificationDraft): Promise<number> {
  const userIds = [...new Set(n.userIds)];
  if (userIds.length === 0) return 0;
  let inserted = 0;
  for (let i = 0; i < userIds.length; i += INSERT_CHUNK) {
    const rows = userIds.slice(i, i + INSERT_CHUNK).map((userId) => ({
      userId,
      orgId: n.orgId,
      kind: n.kind,
      title: n.title,
      body: n.body ?? '',
      link: n.link ?? null,
      dedupeKey: n.dedupeKey ? n.dedupeKey(userId) : null,
    }));
    const insert = tx.insert(notifications).values(rows);
    const done = n.dedupeKey
      ? await insert.onConflictDoNothing({ target: notifications.dedupeKey }).returning({ id: notifications.id })
      : await insert.returning({ id: notifications.id });
    inserted += done.length;
  }
  return inserted;
}

/** How many notifications the bell and the page list at most. */
export const NOTIFICATION_LIST_LIMIT = 50;

type NotificationList = z.infer<typeof notificationListSchema>;

/**
 * The actor's notifications, newest first, with how many are unread. Notifications are personal: they are not
 * filtered by the current organisation, so a user sees theirs whichever union they are working in.
 */
export async function listNotifications(ctx: Ctx, q: { unread?: boolean }): Promise<NotificationList> {
  const mine = eq(notifications.userId, ctx.actor.userId);
  const unread = and(mine, isNull(notifications.readAt));
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(q.unread ? unread : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATION_LIST_LIMIT);
  const [{ n }] = await ctx.db.select({ n: count() }).from(notifications).where(unread);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: new Date(r.createdAt).toISOString(),
      readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
    })),
    unreadCount: n,
  };
}

/**
 * Marks some (or all) of the actor's own notifications as read; ids of other people's notifications are ignored.
 * Not audited: it is the user's own inbox state, not a change to the union's records. Returns how many changed.
 */
export async function markRead(ctx: Ctx, input: z.infer<typeof notificationsReadSchema>): Promise<number> {
  const unreadOfMine = and(eq(notifications.userId, ctx.actor.userId), isNull(notifications.readAt));
  const where = 'ids' in input ? and(unreadOfMine, inArray(notifications.id, input.ids)) : unreadOfMine;
  const done = await ctx.db.update(notifications).set({ readAt: new Date() }).where(where).returning({ id: notifications.id });
  return done.length;
}
