import { and, asc, eq, gt, inArray, isNotNull, lte } from 'drizzle-orm';
import { shanghaiWallTime } from '../../domain/activities/shanghai-time.js';
import type { Database } from '../db/client.js';
import { evaluations, evaluationVoters, members, notifications } from '../db/schema/index.js';
import { notify } from '../modules/notifications/notifications.service.js';

/** How long before an evaluation closes its voters who have not voted yet are reminded. */
export const EVALUATION_REMIND_HOURS = 24;

/** The key that makes the reminder go out once per evaluation and person, whatever runs the job. */
export const evaluationReminderKey = (evaluationId: string, userId: string) => `evaluation-reminder:${evaluationId}:${userId}`;

/**
 * Reminds, once, the people on an open evaluation's roll who have not voted yet, in its last EVALUATION_REMIND_HOURS
 * hours. It reads only the roll's "has voted" marks, which say nothing of any ballot. The dedupe key is unique in
 * the notifications, so two processes running the job at the same minute send each reminder once; keys already sent
 * are looked up first, so the minutely run writes nothing once they are out. Returns how many reminders it inserted.
 */
export async function sendEvaluationReminders(database: Database, now: Date = new Date()): Promise<{ reminders: number }> {
  const soon = new Date(now.getTime() + EVALUATION_REMIND_HOURS * 3_600_000);
  const due = await database.db
    .select({ id: evaluations.id, orgId: evaluations.orgId, title: evaluations.title, closesAt: evaluations.closesAt })
    .from(evaluations)
    .where(and(eq(evaluations.status, 'published'), lte(evaluations.opensAt, now), gt(evaluations.closesAt, now), lte(evaluations.closesAt, soon)))
    .orderBy(asc(evaluations.id));
  let reminders = 0;
  for (const e of due) {
    const waiting = await database.db
      .select({ userId: members.userId })
      .from(evaluationVoters)
      .innerJoin(members, eq(members.id, evaluationVoters.memberId))
      .where(and(eq(evaluationVoters.evaluationId, e.id), eq(evaluationVoters.hasVoted, false), isNotNull(members.userId)));
    // Sorted, so concurrent runs insert the same keys in the same order and never wait on each other in a cycle.
    const userIds = waiting.map((w) => w.userId!).sort();
    const sent = new Set<string>();
    for (let i = 0; i < userIds.length; i += 1000) {
      const keys = userIds.slice(i, i + 1000).map((u) => evaluationReminderKey(e.id, u));
      const rows = await database.db.select({ key: notifications.dedupeKey }).from(notifications).where(inArray(notifications.dedupeKey, keys));
      for (const r of rows) if (r.key) sent.add(r.key);
    }
    const toRemind = userIds.filter((u) => !sent.has(evaluationReminderKey(e.id, u)));
    if (toRemind.length === 0) continue;
    reminders += await database.db.transaction((tx) =>
      notify(tx, {
        userIds: toRemind,
        orgId: e.orgId,
        kind: 'evaluation_reminder',
        title: `民主测评即将结束：${e.title}`,
        body: `测评将于 ${shanghaiWallTime(e.closesAt, now)} 结束，您还没有提交评价。评价以匿名方式保存。`,
        link: `/evaluations/${e.id}`,
        dedupeKey: (userId) => evaluationReminderKey(e.id, userId),
      }),
    );
  }
  return { reminders };
}
