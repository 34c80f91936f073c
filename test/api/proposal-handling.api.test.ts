import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { isWorkingDay, replyDueOn } from '../../src/domain/congress/index.js';
import { addDays, daysBetween } from '../../src/domain/care/deadlines.js';
import { notifications } from '../../src/server/db/schema/index.js';
import { sendProposalReminders } from '../../src/server/jobs/proposal-reminders.job.js';
import { createTestApp } from '../support/test-app.js';
import { countRows, shanghaiToday } from '../support/api.js';
import { secondConnection } from '../support/test-db.js';
import { buildProposalStage, handlingSteps, ok, refused } from '../support/proposal-stage.js';
import { AUDIT_ACTION_LABELS } from '../../src/web/components/audit-labels.js';

/*
 * Handling proposals through the API: assignment to a lead and assisting departments with the responsible leader and
 * the deadline over working days, a department seeing only what is assigned to it, replies with result codes,
 * ratings and the second round after 不满意 (each round with its own deadline), closing, supervision (overdue list,
 * notes, reminders sent once by two processes). The figures, the report and the ledger: proposal-figures.api.test.ts.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let s: Awaited<ReturnType<typeof buildProposalStage>>;
let h: ReturnType<typeof handlingSteps>;
type Detail = Record<string, any>;

const today = shanghaiToday();
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp();
  s = await buildProposalStage(t);
  h = handlingSteps(t, s);
});
afterAll(async () => t.close());

const countOf = (userId: string, kind: string, id: string) => countRows(t.database, 'notifications', 'user_id = $1 AND kind = $2 AND link = $3', [userId, kind, `/proposals/${id}`]);

describe('the whole path', () => {
  it('goes draft → co-sign → accept → assign → reply → 不满意 → second reply → 满意 → closed', async () => {
    const p = await h.accepted('改善教师午餐条件');
    const due = replyDueOn(today, 8);
    const a = ok(await h.assign(p.id));
    expect(a).toMatchObject({ status: 'assigned', round: 1, replyDueOn: due, responsibleLeader: '张副校长', lead: { id: s.user.logistics, name: '总务处' }, daysLeft: daysBetween(today, due) });
    expect(isWorkingDay(a.replyDueOn)).toBe(true);
    expect(a.assignments.map((x: Detail) => [x.round, x.role, x.handler.name, x.replyDueOn])).toEqual([
      [1, 'lead', '总务处', due],
      [1, 'assist', '教务处', due],
    ]);
    expect(await countOf(s.user.logistics, 'proposal_assigned', p.id)).toBe(1);
    expect(await countOf(s.user.academic, 'proposal_assigned', p.id)).toBe(1);

    // Departments see what is assigned to them, and only that.
    const lead = ok(await s.c.logistics.get('/api/v1/proposals/assigned'));
    expect(lead.items.find((x: Detail) => x.id === p.id)).toMatchObject({ myRole: 'lead', replyDueOn: due, isOverdue: false });
    expect(ok(await s.c.academic.get('/api/v1/proposals/assigned')).items.find((x: Detail) => x.id === p.id).myRole).toBe('assist');
    expect(ok(await s.c.logistics.get(`/api/v1/proposals/${p.id}`))).toMatchObject({ myRoles: ['lead'], can: { reply: true, assign: false, rate: false } });
    expect(refused(await s.c.personnel.get(`/api/v1/proposals/${p.id}`), 404).message).toBe('提案不存在或无权查看');
    expect(ok(await s.c.personnel.get('/api/v1/proposals/assigned')).items).toEqual([]);
    expect(ok(await s.c.personnel.get('/api/v1/proposals')).items).toEqual([]);
    expect(refused(await s.c.wang.get('/api/v1/proposals/assigned'), 403).message).toBe('只有承办部门账号可以查看交办给本部门的提案');

    expect(refused(await h.reply(p.id, 'B', '配合', s.c.academic), 403).message).toBe('由主办部门答复，协办部门请配合主办部门办理');
    expect(refused(await h.reply(p.id, 'B', '越权', s.c.personnel), 404).code).toBe('NOT_FOUND');
    expect(refused(await h.rate('wang', p.id, 'satisfied'), 409).message).toBe('承办部门尚未答复，不能评价');
    expect(refused(await h.reply(p.id, 'E'), 400).fields?.[0].path).toBe('resultCode');

    const r1 = ok(await h.reply(p.id));
    expect(r1).toMatchObject({ status: 'replied', resultCode: 'B', replies: [{ round: 1, resultCode: 'B', handler: '总务处', dueOn: due, isOnTime: true }] });
    for (const who of ['wang', 'li', 'zhou'] as const) expect(await countOf(s.user[who], 'proposal_replied', p.id)).toBe(1);
    expect(refused(await h.reply(p.id), 409).message).toBe('本轮已经答复，不能重复答复');
    const file = ok(await s.c.logistics.upload(`/api/v1/proposals/${p.id}/replies/1/files`, '改造方案.pdf', PDF), 201);
    expect(file.replyRound).toBe(1);
    expect((await s.c.wang.get(`/api/v1/proposals/${p.id}/files/${file.id}`)).statusCode).toBe(200);
    expect(ok(await s.c.wang.get('/api/v1/proposals/my')).toRate.map((x: Detail) => x.id)).toContain(p.id);

    // A co-signer's rating is kept and moves nothing; the proposer's 不满意 sends it back for a second reply.
    expect(ok(await h.rate('li', p.id, 'basic')).status).toBe('replied');
    expect(refused(await h.rate('li', p.id, 'satisfied'), 409).message).toBe('您已评价过第1轮答复（基本满意）');
    expect(refused(await h.rate('zhao', p.id, 'satisfied'), 404).code).toBe('NOT_FOUND');
    const back = ok(await h.rate('wang', p.id, 'unsatisfied', '只是列入计划，没有时间表'));
    expect(back).toMatchObject({ status: 'assigned', round: 2, replyDueOn: replyDueOn(today, 8), resultCode: null, rating: null });
    expect(back.assignments.filter((x: Detail) => x.round === 2).map((x: Detail) => [x.role, x.handler.name, x.replyDueOn])).toEqual([
      ['lead', '总务处', replyDueOn(today, 8)],
      ['assist', '教务处', replyDueOn(today, 8)],
    ]);
    expect(await countOf(s.user.logistics, 'proposal_assigned', p.id)).toBe(2);
    expect(await countRows(t.database, 'notifications', "user_id = $1 AND title LIKE '提案人对答复不满意%' AND body LIKE '%没有时间表%'", [s.user.academic])).toBe(1);
    expect(refused(await s.c.logistics.upload(`/api/v1/proposals/${p.id}/replies/1/files`, '补充.pdf', PDF), 409).message).toBe('答复已评价，不能再上传附件');
    // The 不满意 is audited as the proposer's rating and a return to the departments — not as a committee 交办.
    const [returned] = await t.database.query<{ actor_id: string; changes: any }>(
      "SELECT actor_id, changes FROM audit_events WHERE entity_id = $1 AND action = 'proposal.returned'",
      [p.id],
    );
    expect(returned.actor_id).toBe(s.user.wang);
    expect(returned.changes).toMatchObject({ status: { from: 'replied', to: 'assigned' }, round: { from: 1, to: 2 }, rating: { to: '不满意' } });
    expect(await countRows(t.database, 'audit_events', "action = 'proposal.assigned' AND entity_id = $1", [p.id])).toBe(1);
    expect(AUDIT_ACTION_LABELS['proposal.returned']).toBeTruthy();

    ok(await h.reply(p.id, 'A', '已于本月完成教师就餐区改造'));
    const closed = ok(await h.rate('wang', p.id, 'satisfied'));
    expect(closed).toMatchObject({ status: 'closed', round: 2, resultCode: 'A', rating: 'satisfied', can: { rate: false, reply: false } });
    expect(closed.replies.map((x: Detail) => [x.round, x.resultCode, x.dueOn, x.isOnTime])).toEqual([
      [1, 'B', due, true],
      [2, 'A', replyDueOn(today, 8), true],
    ]);
    expect(closed.ratings.map((x: Detail) => [x.round, x.name, x.isProposer, x.rating])).toEqual([
      [1, '李强', false, 'basic'],
      [1, '王芳', true, 'unsatisfied'],
      [2, '王芳', true, 'satisfied'],
    ]);
    expect(ok(await s.c.zhou.get(`/api/v1/proposals/${p.id}`)).can.rate).toBe(true);
    expect(refused(await h.rate('wang', p.id, 'unsatisfied'), 409).message).toBe('您已评价过第2轮答复（满意）');
    const actions = await t.database.query<{ action: string }>("SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq", [p.id]);
    expect(actions.map((x) => x.action)).toEqual([
      'proposal.drafted',
      'proposal.cosigned',
      'proposal.cosigned',
      'proposal.submitted',
      'proposal.accepted',
      'proposal.assigned',
      'proposal.replied',
      'proposal.fileAdded',
      'proposal.rated',
      'proposal.rated',
      'proposal.returned',
      'proposal.replied',
      'proposal.rated',
      'proposal.closed',
    ]);
  });

  it('closes after a second 不满意: a proposal goes back to the departments once only', async () => {
    const p = await h.accepted('增加停车位');
    ok(await h.assign(p.id, { assistUserIds: [] }));
    ok(await h.reply(p.id, 'C', '需待新校区建成后解决'));
    expect(ok(await h.rate('wang', p.id, 'unsatisfied')).status).toBe('assigned');
    ok(await h.reply(p.id, 'C', '已向教育局申请经费'));
    expect(ok(await h.rate('wang', p.id, 'unsatisfied'))).toMatchObject({ status: 'closed', round: 2, rating: 'unsatisfied' });
  });
});

describe('assignment and deadlines', () => {
  it('takes the term’s reply weeks moved to a working day, a given deadline, and keeps it on reassignment', async () => {
    const p = await h.accepted('更新实验室设备');
    expect(refused(await h.assign(p.id, { replyDueOn: addDays(today, -1) }), 400).fields?.[0]).toEqual({ path: 'replyDueOn', message: '答复期限不能早于今天' });
    expect(refused(await h.assign(p.id, { assistUserIds: [s.user.logistics] }), 400).message).toBe('主办部门不必再列为协办部门');
    expect(refused(await h.assign(p.id, { leadUserId: s.user.wang }), 400).message).toBe('主办部门应为本工会的承办部门账号');
    expect(refused(await h.assign(p.id, { responsibleLeader: '' }), 400).fields?.[0].path).toBe('responsibleLeader');
    expect(refused(await s.c.sports.post(`/api/v1/proposals/${p.id}/assign`, { leadUserId: s.user.logistics, responsibleLeader: '校长' }), 403).code).toBe('FORBIDDEN');
    const first = ok(await h.assign(p.id, { replyDueOn: addDays(today, 20) }));
    expect(first.replyDueOn).toBe(addDays(today, 20));
    // A department hands it back: the committee gives it to another; the deadline stays, the new lead is told.
    const moved = ok(await h.assign(p.id, { leadUserId: s.user.personnel, assistUserIds: [] }));
    expect(moved).toMatchObject({ replyDueOn: addDays(today, 20), lead: { name: '人事处' } });
    expect(moved.assignments.map((x: Detail) => [x.handler.name, x.replyDueOn])).toEqual([['人事处', addDays(today, 20)]]);
    expect(await countOf(s.user.personnel, 'proposal_assigned', p.id)).toBe(1);
    expect(refused(await s.c.logistics.get(`/api/v1/proposals/${p.id}`), 404).code).toBe('NOT_FOUND');
    expect(refused(await h.reply(p.id), 404).code).toBe('NOT_FOUND');
    ok(await h.reply(p.id, 'A', '已采购', s.c.personnel));
    expect(refused(await h.assign(p.id), 409).message).toBe('承办部门已经答复，待提案人评价，不能重新交办');
    // Unreviewed and opinion items are not assigned.
    const d = ok(await s.c.wang.post('/api/v1/proposals', { sessionId: s.open.id, title: '意见一则', category: '其他', reasons: '理由', suggestions: '建议' }), 201);
    ok(await s.c.wang.post(`/api/v1/proposals/${d.id}/submit`, { asOpinion: true }));
    expect(refused(await h.assign(d.id), 409).message).toBe('意见建议不交办');
  });
});

describe('supervision', () => {
  it('lists overdue proposals with their notes, which the departments see and the proposer does not', async () => {
    const p = await h.accepted('解决教室漏水');
    ok(await h.assign(p.id));
    await h.setDeadline(p.id, addDays(today, -3));
    const { items } = ok(await s.c.committee.get('/api/v1/proposals/overdue'));
    expect(items.find((x: Detail) => x.id === p.id)).toMatchObject({ daysOverdue: 3, isOverdue: true, daysLeft: -3, responsibleLeader: '张副校长', notes: 0, lead: { name: '总务处' } });
    expect(refused(await s.c.logistics.get('/api/v1/proposals/overdue'), 403).code).toBe('FORBIDDEN');
    const note = ok(await s.c.committee.post(`/api/v1/proposals/${p.id}/notes`, { text: '已电话督办，总务处承诺本周内答复' }), 201);
    expect(note).toMatchObject({ text: '已电话督办，总务处承诺本周内答复', author: '提案委员' });
    expect(refused(await s.c.committee.post(`/api/v1/proposals/${p.id}/notes`, { text: ' ' }), 400).fields?.[0].path).toBe('text');
    expect(refused(await s.c.logistics.post(`/api/v1/proposals/${p.id}/notes`, { text: '自己督办' }), 403).code).toBe('FORBIDDEN');
    expect(ok(await s.c.committee.get('/api/v1/proposals/overdue')).items.find((x: Detail) => x.id === p.id).notes).toBe(1);
    expect(ok(await s.c.logistics.get(`/api/v1/proposals/${p.id}`)).notes.map((n: Detail) => n.text)).toEqual(['已电话督办，总务处承诺本周内答复']);
    expect(ok(await s.c.wang.get(`/api/v1/proposals/${p.id}`)).notes).toEqual([]);
    expect(await countRows(t.database, 'audit_events', "action = 'proposal.note.added' AND entity_id = $1", [p.id])).toBe(1);
    // A reply on the late day leaves the list and counts as late.
    const late = ok(await h.reply(p.id));
    expect(late.replies[0]).toMatchObject({ dueOn: addDays(today, -3), isOnTime: false });
    expect(ok(await s.c.committee.get('/api/v1/proposals/overdue')).items.map((x: Detail) => x.id)).not.toContain(p.id);
  });

  it('reminds the departments before and after the deadline, once, with two processes running the job at once', async () => {
    const p = await h.accepted('规范课后服务');
    ok(await h.assign(p.id));
    const far = await h.accepted('远期提案');
    ok(await h.assign(far.id));
    const keysOf = async (id: string) =>
      (await t.database.db.select({ key: notifications.dedupeKey, userId: notifications.userId, title: notifications.title }).from(notifications).where(and(eq(notifications.kind, 'proposal_reminder'), like(notifications.dedupeKey, `proposal-reminder:${id}:%`)))).sort((x, y) => x.key!.localeCompare(y.key!));
    const other = await secondConnection(t.database);
    try {
      await h.setDeadline(p.id, addDays(today, 2));
      const runs = await Promise.all([sendProposalReminders(t.database), sendProposalReminders(other.database), sendProposalReminders(t.database), sendProposalReminders(other.database)]);
      const before = await keysOf(p.id);
      expect(before.map((x) => x.key)).toEqual([s.user.academic, s.user.logistics].sort().map((u) => `proposal-reminder:${p.id}:1:before:${u}`));
      expect(before[0].title).toBe(`提案答复期限临近：第${p.number}号 规范课后服务`);
      expect(runs.reduce((n, r) => n + r.reminders, 0)).toBe(2);
      expect(await keysOf(far.id)).toEqual([]);

      await h.setDeadline(p.id, addDays(today, -1));
      await Promise.all([sendProposalReminders(t.database), sendProposalReminders(other.database)]);
      const after = (await keysOf(p.id)).filter((x) => x.key!.includes(':after:'));
      expect(after.map((x) => x.userId).sort()).toEqual([s.user.academic, s.user.logistics].sort());
      expect(after[0].title).toBe(`提案答复已逾期：第${p.number}号 规范课后服务`);
      expect(await sendProposalReminders(t.database)).toEqual({ reminders: 0 });
      expect(await keysOf(p.id)).toHaveLength(4);
      // A reply ends the reminders.
      await h.setDeadline(far.id, addDays(today, 1));
      ok(await h.reply(far.id));
      expect(await sendProposalReminders(t.database)).toEqual({ reminders: 0 });
    } finally {
      await other.close();
    }
  });
});
