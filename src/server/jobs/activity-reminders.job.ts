import { and, asc, eq, gt, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { activities, activityRegistrations, members } from '../db/schema/index.js';
import { shanghaiWallTime } from '../../domain/activities/shanghai-time.js';
import { todayInShanghai } from '../../domain/dates.js';
import { notify } from '../modules/notifications/notifications.service.js';

/** How far ahead the reminder goes out: activities starting within the next 24 hours. */
export const REMINDER_HORIZON_MS = 24 * 3_600_000;
/** Activities claimed per transaction, so a backlog never holds many row locks for long. */
const CLAIM_BATCH = 20;

/** "今天的活动" or "明天的活动", by the Asia/Shanghai calendar day of the start (within 24 h it is one of the two). */
function dayWord(startsAt: Date, now: Date): string {
  return todayInShanghai(startsAt) === todayInShanghai(now) ? '今天' : '明天';
}

/**
 * Sends the day-before reminder of every published activity starting within 24 hours of `now` to its confirmed
 * registrants (members with an account). Each batch is claimed and notified in one transaction: the claim sets
 * `reminder_sent_at` with one UPDATE on rows that still have none, locking them with SKIP LOCKED, so two app
 * processes running this at the same minute claim disjoint activities and nobody is reminded twice; the dedupe key
 * `reminder:<activity>:<start>:<user>` holds if the same reminder is ever claimed again, while a new start time
 * (the edit clears `reminder_sent_at`) gets a reminder of its own. Returns how many activities this call claimed and how many reminders it inserted.
 */
export async function sendActivityReminders(database: Database, now: Date = new Date()): Promise<{ activities: number; reminders: number }> {
  const horizon = new Date(now.getTime() + REMINDER_HORIZON_MS);
  const total = { activities: 0, reminders: 0 };
  for (;;) {
    const { claimed, inserted } = await database.db.transaction(async (tx) => {
      const due = tx
        .select({ id: activities.id })
        .from(activities)
        .where(and(isNull(activities.reminderSentAt), eq(activities.status, 'published'), gt(activities.startsAt, now), lte(activities.startsAt, horizon)))
        .orderBy(asc(activities.startsAt))
        .limit(CLAIM_BATCH)
        .for('update', { skipLocked: true });
      const rows = await tx
        .update(activities)
        .set({ reminderSentAt: now })
        .where(and(inArray(activities.id, due), isNull(activities.reminderSentAt)))
        .returning({ id: activities.id, orgId: activities.orgId, title: activities.title, startsAt: activities.startsAt, place: activities.place });
      if (rows.length === 0) return { claimed: 0, inserted: 0 };

      const registrants = await tx
        .select({ activityId: activityRegistrations.activityId, userId: members.userId })
        .from(activityRegistrations)
        .innerJoin(members, eq(members.id, activityRegistrations.memberId))
        .where(and(inArray(activityRegistrations.activityId, rows.map((r) => r.id)), eq(activityRegistrations.status, 'confirmed'), isNotNull(members.userId)));

      let n = 0;
      for (const a of rows) {
        const userIds = registrants.filter((r) => r.activityId === a.id).map((r) => r.userId as string);
        const startsAt = new Date(a.startsAt);
        n += await notify(tx, {
          userIds,
          orgId: a.orgId,
          kind: 'reminder',
          title: `${dayWord(startsAt, now)}的活动：${a.title}`,
          body: a.place ? `${shanghaiWallTime(startsAt, now)} 开始，地点：${a.place}` : `${shanghaiWallTime(startsAt, now)} 开始`,
          link: `/activities/${a.id}`,
          dedupeKey: (userId) => `reminder:${a.id}:${startsAt.toISOString()}:${userId}`,
        });
      }
      return { claimed: rows.length, inserted: n };
    });
    total.activities += claimed;
    total.reminders += inserted;
    if (claimed < CLAIM_BATCH) return total;
  }
}
