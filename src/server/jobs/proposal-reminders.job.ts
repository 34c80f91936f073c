import { and, asc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { PROPOSAL_LIMITS } from '../../contracts/proposals.js';
import { addDays, daysBetween } from '../../domain/care/deadlines.js';
import { todayInShanghai } from '../../domain/dates.js';
import type { Database } from '../db/client.js';
import { notifications, proposalAssignments, proposals } from '../db/schema/index.js';
import { notify } from '../modules/notifications/notifications.service.js';

/** Which reminder of a round: some days before the deadline, or once it has passed. */
export type ReminderPhase = 'before' | 'after';

/** The key that makes a reminder go out once per proposal, round, phase and department, whatever runs the job. */
export const proposalReminderKey = (proposalId: string, round: number, phase: ReminderPhase, userId: string) => `proposal-reminder:${proposalId}:${round}:${phase}:${userId}`;

/**
 * Reminds the departments of a proposal being handled (assigned, not yet replied in this round): from
 * PROPOSAL_LIMITS.remindDaysBefore days before the deadline to the deadline itself ("before"), and from the day after
 * it ("after"). Each reminder goes out once: its dedupe key (`proposalReminderKey`) is unique in the notifications,
 * so two app processes running the job at the same minute insert it once between them. Keys already sent are looked
 * up first, so the minutely run touches nothing once every reminder is out. Returns how many reminders it inserted.
 */
export async function sendProposalReminders(database: Database, now: Date = new Date()): Promise<{ reminders: number }> {
  const today = todayInShanghai(now);
  const due = await database.db
    .select({ id: proposals.id, orgId: proposals.orgId, number: proposals.number, title: proposals.title, round: proposals.round, replyDueOn: proposals.replyDueOn })
    .from(proposals)
    .where(and(eq(proposals.status, 'assigned'), isNotNull(proposals.replyDueOn), lte(proposals.replyDueOn, addDays(today, PROPOSAL_LIMITS.remindDaysBefore))))
    .orderBy(asc(proposals.id));
  if (due.length === 0) return { reminders: 0 };
  const departments = await database.db
    .select({ proposalId: proposalAssignments.proposalId, round: proposalAssignments.round, userId: proposalAssignments.handlerUserId })
    .from(proposalAssignments)
    .where(inArray(proposalAssignments.proposalId, due.map((p) => p.id)));
  const plans = due.map((p) => {
    const phase: ReminderPhase = p.replyDueOn! >= today ? 'before' : 'after';
    // Sorted, so concurrent runs insert the same keys in the same order and never wait on each other in a cycle.
    const userIds = departments.filter((d) => d.proposalId === p.id && d.round === p.round).map((d) => d.userId).sort();
    return { p, phase, keys: userIds.map((u) => ({ userId: u, key: proposalReminderKey(p.id, p.round, phase, u) })) };
  });
  const allKeys = plans.flatMap((x) => x.keys.map((k) => k.key));
  const sent = new Set<string>();
  for (let i = 0; i < allKeys.length; i += 1000) {
    const rows = await database.db.select({ key: notifications.dedupeKey }).from(notifications).where(inArray(notifications.dedupeKey, allKeys.slice(i, i + 1000)));
    for (const r of rows) if (r.key) sent.add(r.key);
  }
  let reminders = 0;
  for (const { p, phase, keys } of plans) {
    const userIds = keys.filter((k) => !sent.has(k.key)).map((k) => k.userId);
    if (userIds.length === 0) continue;
    const name = p.number ? `第${p.number}号 ${p.title}` : p.title;
    const days = daysBetween(today, p.replyDueOn!);
    reminders += await database.db.transaction((tx) =>
      notify(tx, {
        userIds,
        orgId: p.orgId,
        kind: 'proposal_reminder',
        title: phase === 'before' ? `提案答复期限临近：${name}` : `提案答复已逾期：${name}`,
        body:
          phase === 'before'
            ? `答复期限为 ${p.replyDueOn}${days === 0 ? '（今天）' : `，还有 ${days} 天`}，请按期答复`
            : `答复期限为 ${p.replyDueOn}，已逾期 ${-days} 天，请尽快答复；逾期提案列入督办`,
        link: `/proposals/${p.id}`,
        dedupeKey: (userId) => proposalReminderKey(p.id, p.round, phase, userId),
      }),
    );
  }
  return { reminders };
}
