import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { and, eq, like } from 'drizzle-orm';
import { isWorkingDay, replyDueOn } from '../../src/domain/congress/index.js';
import { addDays, daysBetween } from '../../src/domain/care/deadlines.js';
import { notifications, proposalAssignments, proposalRatings, proposalReplies, proposals } from '../../src/server/db/schema/index.js';
import { sendProposalReminders } from '../../src/server/jobs/proposal-reminders.job.js';
import { METRIC_SOURCES } from '../../src/server/modules/plans/metric-sources.js';
import { createTestApp } from '../support/test-app.js';
import { countRows, readXlsx, shanghaiToday } from '../support/api.js';
import { secondConnection } from '../support/test-db.js';
import { buildProposalStage, insertSession, ok, refused } from '../support/proposal-stage.js';

/*
 * Handling proposals through the API: assignment to a lead and assisting departments with the responsible leader and
 * the deadline over working days, a department seeing only what is assigned to it, replies with result codes,
 * ratings and the second round after 不满意, closing, supervision (overdue list, notes, reminders sent once by two
 * processes), the figures against numbers worked out by hand, the handling report .docx and the ledger .xlsx, and the
 * plan goals' readers.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let s: Awaited<ReturnType<typeof buildProposalStage>>;
type Detail = Record<string, any>;

const today = shanghaiToday();
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp();
  s = await buildProposalStage(t);
});
afterAll(async () => t.close());

/** A proposal of 王芳 co-signed by 李强 and 周敏, submitted and accepted (立案). */
async function accepted(title: string): Promise<Detail> {
  const d = ok(
    await s.c.wang.post('/api/v1/proposals', { sessionId: s.open.id, title, category: '后勤保障', reasons: '理由充分', suggestions: '建议具体', cosignerMemberIds: [s.member.li, s.member.zhou] }),
    201,
  );
  ok(await s.c.li.post(`/api/v1/proposals/${d.id}/cosign`, { decision: 'confirm' }));
  ok(await s.c.zhou.post(`/api/v1/proposals/${d.id}/cosign`, { decision: 'confirm' }));
  ok(await s.c.wang.post(`/api/v1/proposals/${d.id}/submit`, { asOpinion: false }));
  return ok(await s.c.committee.post(`/api/v1/proposals/${d.id}/review`, { decision: 'accept' }));
}
const assign = (id: string, over: Record<string, unknown> = {}) =>
  s.c.committee.post(`/api/v1/proposals/${id}/assign`, { leadUserId: s.user.logistics, assistUserIds: [s.user.academic], responsibleLeader: '张副校长', ...over });
const reply = (id: string, resultCode = 'B', text = '已列入暑期改造计划', who = s.c.logistics) => who.post(`/api/v1/proposals/${id}/reply`, { resultCode, text });
const rate = (who: keyof typeof s.c, id: string, rating: string, comment = '') => s.c[who].post(`/api/v1/proposals/${id}/rate`, { rating, comment });
const countOf = (userId: string, kind: string, id: string) => countRows(t.database, 'notifications', 'user_id = $1 AND kind = $2 AND link = $3', [userId, kind, `/proposals/${id}`]);

describe('the whole path', () => {
  it('goes draft → co-sign → accept → assign → reply → 不满意 → second reply → 满意 → closed', async () => {
    const p = await accepted('改善教师午餐条件');
    const due = replyDueOn(today, 8);
    const a = ok(await assign(p.id));
    expect(a).toMatchObject({ status: 'assigned', round: 1, replyDueOn: due, responsibleLeader: '张副校长', lead: { id: s.user.logistics, name: '总务处' }, daysLeft: daysBetween(today, due) });
    expect(isWorkingDay(a.replyDueOn)).toBe(true);
    expect(a.assignments.map((x: Detail) => [x.round, x.role, x.handler.name])).toEqual([
      [1, 'lead', '总务处'],
      [1, 'assist', '教务处'],
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

    expect(refused(await reply(p.id, 'B', '配合', s.c.academic), 403).message).toBe('由主办部门答复，协办部门请配合主办部门办理');
    expect(refused(await reply(p.id, 'B', '越权', s.c.personnel), 404).code).toBe('NOT_FOUND');
    expect(refused(await rate('wang', p.id, 'satisfied'), 409).message).toBe('承办部门尚未答复，不能评价');
    expect(refused(await reply(p.id, 'E'), 400).fields?.[0].path).toBe('resultCode');

    const r1 = ok(await reply(p.id));
    expect(r1).toMatchObject({ status: 'replied', resultCode: 'B', replies: [{ round: 1, resultCode: 'B', handler: '总务处', dueOn: due, isOnTime: true }] });
    for (const who of ['wang', 'li', 'zhou'] as const) expect(await countOf(s.user[who], 'proposal_replied', p.id)).toBe(1);
    expect(refused(await reply(p.id), 409).message).toBe('本轮已经答复，不能重复答复');
    const file = ok(await s.c.logistics.upload(`/api/v1/proposals/${p.id}/replies/1/files`, '改造方案.pdf', PDF), 201);
    expect(file.replyRound).toBe(1);
    expect((await s.c.wang.get(`/api/v1/proposals/${p.id}/files/${file.id}`)).statusCode).toBe(200);
    expect(ok(await s.c.wang.get('/api/v1/proposals/my')).toRate.map((x: Detail) => x.id)).toContain(p.id);

    // A co-signer's rating is kept and moves nothing; the proposer's 不满意 sends it back for a second reply.
    expect(ok(await rate('li', p.id, 'basic')).status).toBe('replied');
    expect(refused(await rate('li', p.id, 'satisfied'), 409).message).toBe('您已评价过第1轮答复（基本满意）');
    expect(refused(await rate('zhao', p.id, 'satisfied'), 404).code).toBe('NOT_FOUND');
    const back = ok(await rate('wang', p.id, 'unsatisfied', '只是列入计划，没有时间表'));
    expect(back).toMatchObject({ status: 'assigned', round: 2, replyDueOn: replyDueOn(today, 8), resultCode: null, rating: null });
    expect(back.assignments.filter((x: Detail) => x.round === 2).map((x: Detail) => [x.role, x.handler.name])).toEqual([
      ['lead', '总务处'],
      ['assist', '教务处'],
    ]);
    expect(await countOf(s.user.logistics, 'proposal_assigned', p.id)).toBe(2);
    expect(await countRows(t.database, 'notifications', "user_id = $1 AND title LIKE '提案人对答复不满意%' AND body LIKE '%没有时间表%'", [s.user.academic])).toBe(1);
    expect(refused(await s.c.logistics.upload(`/api/v1/proposals/${p.id}/replies/1/files`, '补充.pdf', PDF), 409).message).toBe('答复已评价，不能再上传附件');

    ok(await reply(p.id, 'A', '已于本月完成教师就餐区改造'));
    const closed = ok(await rate('wang', p.id, 'satisfied'));
    expect(closed).toMatchObject({ status: 'closed', round: 2, resultCode: 'A', rating: 'satisfied', can: { rate: false, reply: false } });
    expect(closed.replies.map((x: Detail) => [x.round, x.resultCode, x.isOnTime])).toEqual([
      [1, 'B', null],
      [2, 'A', true],
    ]);
    expect(closed.ratings.map((x: Detail) => [x.round, x.name, x.isProposer, x.rating])).toEqual([
      [1, '李强', false, 'basic'],
      [1, '王芳', true, 'unsatisfied'],
      [2, '王芳', true, 'satisfied'],
    ]);
    expect(ok(await s.c.zhou.get(`/api/v1/proposals/${p.id}`)).can.rate).toBe(true);
    expect(refused(await rate('wang', p.id, 'unsatisfied'), 409).message).toBe('您已评价过第2轮答复（满意）');
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
      'proposal.assigned',
      'proposal.replied',
      'proposal.rated',
      'proposal.closed',
    ]);
  });

  it('closes after a second 不满意: a proposal goes back to the departments once only', async () => {
    const p = await accepted('增加停车位');
    ok(await assign(p.id, { assistUserIds: [] }));
    ok(await reply(p.id, 'C', '需待新校区建成后解决'));
    expect(ok(await rate('wang', p.id, 'unsatisfied')).status).toBe('assigned');
    ok(await reply(p.id, 'C', '已向教育局申请经费'));
    expect(ok(await rate('wang', p.id, 'unsatisfied'))).toMatchObject({ status: 'closed', round: 2, rating: 'unsatisfied' });
  });
});

describe('assignment and deadlines', () => {
  it('takes the term’s reply weeks moved to a working day, a given deadline, and keeps it on reassignment', async () => {
    const p = await accepted('更新实验室设备');
    expect(refused(await assign(p.id, { replyDueOn: addDays(today, -1) }), 400).fields?.[0]).toEqual({ path: 'replyDueOn', message: '答复期限不能早于今天' });
    expect(refused(await assign(p.id, { assistUserIds: [s.user.logistics] }), 400).message).toBe('主办部门不必再列为协办部门');
    expect(refused(await assign(p.id, { leadUserId: s.user.wang }), 400).message).toBe('主办部门应为本工会的承办部门账号');
    expect(refused(await assign(p.id, { responsibleLeader: '' }), 400).fields?.[0].path).toBe('responsibleLeader');
    expect(refused(await s.c.sports.post(`/api/v1/proposals/${p.id}/assign`, { leadUserId: s.user.logistics, responsibleLeader: '校长' }), 403).code).toBe('FORBIDDEN');
    const first = ok(await assign(p.id, { replyDueOn: addDays(today, 20) }));
    expect(first.replyDueOn).toBe(addDays(today, 20));
    // A department hands it back: the committee gives it to another; the deadline stays, the new lead is told.
    const moved = ok(await assign(p.id, { leadUserId: s.user.personnel, assistUserIds: [] }));
    expect(moved).toMatchObject({ replyDueOn: addDays(today, 20), lead: { name: '人事处' } });
    expect(moved.assignments.map((x: Detail) => x.handler.name)).toEqual(['人事处']);
    expect(await countOf(s.user.personnel, 'proposal_assigned', p.id)).toBe(1);
    expect(refused(await s.c.logistics.get(`/api/v1/proposals/${p.id}`), 404).code).toBe('NOT_FOUND');
    expect(refused(await reply(p.id), 404).code).toBe('NOT_FOUND');
    ok(await reply(p.id, 'A', '已采购', s.c.personnel));
    expect(refused(await assign(p.id), 409).message).toBe('承办部门已经答复，待提案人评价，不能重新交办');
    // Unreviewed and opinion items are not assigned.
    const d = ok(await s.c.wang.post('/api/v1/proposals', { sessionId: s.open.id, title: '意见一则', category: '其他', reasons: '理由', suggestions: '建议' }), 201);
    ok(await s.c.wang.post(`/api/v1/proposals/${d.id}/submit`, { asOpinion: true }));
    expect(refused(await assign(d.id), 409).message).toBe('意见建议不交办');
  });
});

describe('supervision', () => {
  it('lists overdue proposals with their notes, which the departments see and the proposer does not', async () => {
    const p = await accepted('解决教室漏水');
    ok(await assign(p.id));
    await t.database.db.update(proposals).set({ replyDueOn: addDays(today, -3) }).where(eq(proposals.id, p.id));
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
    const late = ok(await reply(p.id));
    expect(late.replies[0].isOnTime).toBe(false);
    expect(ok(await s.c.committee.get('/api/v1/proposals/overdue')).items.map((x: Detail) => x.id)).not.toContain(p.id);
  });

  it('reminds the departments before and after the deadline, once, with two processes running the job at once', async () => {
    const p = await accepted('规范课后服务');
    ok(await assign(p.id));
    const far = await accepted('远期提案');
    ok(await assign(far.id));
    const keysOf = async (id: string) =>
      (await t.database.db.select({ key: notifications.dedupeKey, userId: notifications.userId, title: notifications.title }).from(notifications).where(and(eq(notifications.kind, 'proposal_reminder'), like(notifications.dedupeKey, `proposal-reminder:${id}:%`)))).sort((x, y) => x.key!.localeCompare(y.key!));
    const other = await secondConnection(t.database);
    try {
      await t.database.db.update(proposals).set({ replyDueOn: addDays(today, 2) }).where(eq(proposals.id, p.id));
      const runs = await Promise.all([sendProposalReminders(t.database), sendProposalReminders(other.database), sendProposalReminders(t.database), sendProposalReminders(other.database)]);
      const before = await keysOf(p.id);
      expect(before.map((x) => x.key)).toEqual([s.user.academic, s.user.logistics].sort().map((u) => `proposal-reminder:${p.id}:1:before:${u}`));
      expect(before[0].title).toBe(`提案答复期限临近：第${p.number}号 规范课后服务`);
      expect(runs.reduce((n, r) => n + r.reminders, 0)).toBe(2);
      expect(await keysOf(far.id)).toEqual([]);

      await t.database.db.update(proposals).set({ replyDueOn: addDays(today, -1) }).where(eq(proposals.id, p.id));
      await Promise.all([sendProposalReminders(t.database), sendProposalReminders(other.database)]);
      const after = (await keysOf(p.id)).filter((x) => x.key!.includes(':after:'));
      expect(after.map((x) => x.userId).sort()).toEqual([s.user.academic, s.user.logistics].sort());
      expect(after[0].title).toBe(`提案答复已逾期：第${p.number}号 规范课后服务`);
      expect(await sendProposalReminders(t.database)).toEqual({ reminders: 0 });
      expect(await keysOf(p.id)).toHaveLength(4);
      // A reply ends the reminders.
      await t.database.db.update(proposals).set({ replyDueOn: addDays(today, 1) }).where(eq(proposals.id, far.id));
      ok(await reply(far.id));
      expect(await sendProposalReminders(t.database)).toEqual({ reminders: 0 });
    } finally {
      await other.close();
    }
  });
});

describe('figures, the handling report and the ledger', () => {
  type Row = { title: string; status: (typeof proposals.$inferSelect)['status']; kind?: 'proposal' | 'opinion'; number?: number; lead?: 'logistics' | 'academic'; round?: number; due?: number; replied?: number; rating?: 'satisfied' | 'basic' | 'unsatisfied'; into?: string };
  let session: Awaited<ReturnType<typeof insertSession>>;
  const ids: Record<string, string> = {};

  /** Inserts a proposal of the figures' session as it stands after its handling (days relative to today). */
  async function insert(r: Row) {
    const round = r.round ?? 1;
    const [row] = await t.database.db
      .insert(proposals)
      .values({
        orgId: s.A.union.id,
        termId: s.term.id,
        sessionId: session.id,
        kind: r.kind ?? 'proposal',
        number: r.number ?? null,
        proposerMemberId: s.member.wang,
        title: r.title,
        category: '后勤保障',
        reasons: '理由',
        suggestions: '建议',
        status: r.status,
        round,
        replyDueOn: r.due === undefined ? null : addDays(today, r.due),
        responsibleLeader: r.lead ? '张副校长' : null,
        mergedIntoId: r.into ? ids[r.into] : null,
        reviewReason: r.status === 'rejected' ? '不属于提案范围' : null,
        submittedAt: r.status === 'draft' ? null : new Date('2021-03-01T10:00:00+08:00'),
      })
      .returning({ id: proposals.id });
    ids[r.title] = row.id;
    if (r.lead) await t.database.db.insert(proposalAssignments).values({ proposalId: row.id, orgId: s.A.union.id, handlerUserId: s.user[r.lead], role: 'lead', round });
    if (r.replied !== undefined) {
      await t.database.db
        .insert(proposalReplies)
        .values({ proposalId: row.id, orgId: s.A.union.id, round, handlerUserId: s.user[r.lead!], resultCode: 'A', text: `${r.title}的答复：已经落实。`, repliedAt: new Date(`${addDays(today, r.replied)}T10:00:00+08:00`) });
    }
    if (r.rating) await t.database.db.insert(proposalRatings).values({ proposalId: row.id, orgId: s.A.union.id, round, memberId: s.member.wang, rating: r.rating });
  }

  beforeAll(async () => {
    session = await insertSession(t.database, s.A.union.id, s.term.id, { number: 3, title: '第二届教代会第三次会议', startsAt: new Date('2021-03-15T09:00:00+08:00'), opensAt: null, closesAt: null });
    const rows: Row[] = [
      { title: '甲：按期办结满意', status: 'closed', number: 1, lead: 'logistics', due: -30, replied: -35, rating: 'satisfied' },
      { title: '乙：逾期答复两轮不满意', status: 'closed', number: 2, lead: 'academic', round: 2, due: -10, replied: -5, rating: 'unsatisfied' },
      { title: '丙：按期答复未评价', status: 'replied', number: 3, lead: 'logistics', due: 5, replied: -1 },
      { title: '丁：逾期未答复', status: 'assigned', number: 4, lead: 'academic', due: -1 },
      { title: '戊：办理中', status: 'assigned', number: 5, lead: 'logistics', due: 20 },
      { title: '己：已立案未交办', status: 'accepted', number: 6 },
      { title: '庚：不予立案', status: 'rejected' },
      { title: '辛：转为意见建议', status: 'converted', kind: 'opinion' },
      { title: '壬：并案', status: 'merged', into: '己：已立案未交办' },
      { title: '癸：撤回', status: 'withdrawn' },
      { title: '子：意见建议', status: 'submitted', kind: 'opinion' },
      { title: '丑：草稿', status: 'draft' },
    ];
    for (const r of rows) await insert(r);
  });

  it('works out the four rates by session and by lead department as counted by hand', async () => {
    const f = ok(await s.c.committee.get(`/api/v1/proposals/figures?sessionId=${session.id}`));
    expect(f.session).toMatchObject({ id: session.id, title: '第二届教代会第三次会议' });
    expect(f.sessions.map((x: Detail) => x.title)).toContain('第二届教代会第三次会议');
    // Reviewed: 甲–己 accepted, 庚 rejected, 辛 converted (壬 is folded into 己, 癸 never came to review, 子 was an opinion).
    expect(f.overall).toEqual({
      submitted: 8,
      accepted: 6,
      acceptanceRate: 0.75,
      due: 4,
      onTime: 2,
      onTimeRate: 0.5,
      closed: 2,
      closureRate: 2 / 6,
      rated: 2,
      satisfied: 1,
      satisfactionRate: 0.5,
    });
    expect(f.opinions).toBe(2);
    expect(f.byStatus).toEqual({ closed: 2, replied: 1, assigned: 2, accepted: 1, rejected: 1, converted: 1, merged: 1, withdrawn: 1, submitted: 1 });
    expect(f.byDepartment.map((d: Detail) => [d.name, d.accepted, d.due, d.onTime, d.onTimeRate, d.closed, d.closureRate, d.rated, d.satisfactionRate])).toEqual([
      ['教务处', 2, 2, 0, 0, 1, 0.5, 1, 0],
      ['总务处', 3, 2, 2, 1, 1, 1 / 3, 1, 1],
    ]);
    expect(refused(await s.c.wang.get(`/api/v1/proposals/figures?sessionId=${session.id}`), 403).code).toBe('FORBIDDEN');
  });

  it('measures the plan goals 提案办结率 and 满意率 over the sessions held in the period', async () => {
    const org = { id: s.A.union.id, path: s.A.union.path };
    const year = { start: '2021-01-01', end: '2021-12-31' };
    expect(await METRIC_SOURCES.proposal_closure_rate!(t.database.db, org, year)).toEqual({ value: 2 / 6, detail: '已办结 2 / 立案 6 件' });
    expect(await METRIC_SOURCES.satisfaction_rate!(t.database.db, org, year)).toEqual({ value: 0.5, detail: '满意和基本满意 1 / 已评价 2 件' });
    expect(await METRIC_SOURCES.proposal_closure_rate!(t.database.db, org, { start: '2020-01-01', end: '2020-12-31' })).toBeNull();
    expect(await METRIC_SOURCES.satisfaction_rate!(t.database.db, { id: s.B.union.id, path: s.B.union.path }, year)).toBeNull();
  });

  it('writes the handling report with the figures and every accepted proposal', async () => {
    const res = await s.c.committee.get(`/api/v1/proposals/report.docx?sessionId=${session.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('第二届教代会第三次会议提案办理情况报告.docx'));
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('关于第二届教代会第三次会议提案办理情况的报告');
    expect(text).toContain('共审查提案 8 件，立案 6 件（另有 1 件并案处理），转为意见建议 1 件，不予立案 1 件，立案率 75.0%');
    expect(text).toContain('按期答复率 50.0%');
    expect(text).toContain('办结率 33.3%');
    expect(text).toContain('满意率 50.0%');
    for (const n of [1, 2, 3, 4, 5, 6]) expect(text).toContain(`第${n}号`);
    expect(text).toContain('甲：按期办结满意的答复：已经落实。');
    expect(text).toContain('总务处（主办）');
    expect(text).not.toContain('庚：不予立案');
    expect(text).not.toContain('丑：草稿');
    expect(await countRows(t.database, 'audit_events', "action = 'proposal.report.exported'")).toBe(1);
  });

  it('writes the ledger of every item of the session', async () => {
    const res = await s.c.committee.get(`/api/v1/proposals/ledger.xlsx?sessionId=${session.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await readXlsx(res.rawPayload);
    expect(rows[0][0]).toBe('提案一中工会 第二届教代会第三次会议 提案台账');
    expect(rows[1].slice(0, 7)).toEqual(['编号', '类型', '案由', '类别', '提案人', '附议人', '状态']);
    // Empty cells read as holes: every line is filled out to the 19 columns.
    const lines = rows.slice(2).map((l) => Array.from({ length: 19 }, (_, i) => l[i] ?? null));
    expect(lines).toHaveLength(11);
    expect(lines.map((l) => l[2])).not.toContain('丑：草稿');
    const first = lines[0];
    expect(first.slice(0, 7)).toEqual([1, '提案', '甲：按期办结满意', '后勤保障', '王芳', null, '已办结']);
    expect(first.slice(8, 19)).toEqual(['总务处', null, '张副校长', today, addDays(today, -30), addDays(today, -35), '是', 'A 已解决', '甲：按期办结满意的答复：已经落实。', '满意', 1]);
    expect(lines.find((l) => l[2] === '乙：逾期答复两轮不满意')!.slice(14, 19)).toEqual(['否', 'A 已解决', '乙：逾期答复两轮不满意的答复：已经落实。', '不满意', 2]);
    expect(lines.find((l) => l[2] === '庚：不予立案')!.slice(6, 8)).toEqual(['不予立案', '不属于提案范围']);
    expect(lines.find((l) => l[2] === '子：意见建议')![1]).toBe('意见建议');
  });
});
