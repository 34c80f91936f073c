import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { replyDueOn } from '../../src/domain/congress/index.js';
import { addDays } from '../../src/domain/care/deadlines.js';
import { proposalAssignments, proposalRatings, proposalReplies, proposals } from '../../src/server/db/schema/index.js';
import { METRIC_SOURCES } from '../../src/server/modules/plans/metric-sources.js';
import { createTestApp } from '../support/test-app.js';
import { countRows, readXlsx, shanghaiToday } from '../support/api.js';
import { buildProposalStage, handlingSteps, insertSession, ok, refused } from '../support/proposal-stage.js';

/*
 * The figures of proposal handling (立案率, 按期答复率 over every round against that round's own deadline, 办结率,
 * 满意率) by session and by lead department, against numbers worked out by hand; the same through a real second
 * round; the handling report .docx, the ledger .xlsx, and the plan goals' readers.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let s: Awaited<ReturnType<typeof buildProposalStage>>;
let h: ReturnType<typeof handlingSteps>;
type Detail = Record<string, any>;

const today = shanghaiToday();
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  s = await buildProposalStage(t);
  h = handlingSteps(t, s);
});
afterAll(async () => t.close());

describe('every round against its own deadline, through the API', () => {
  it('keeps a late first reply late after the second round begins: on the page, in the figures and in the ledger', async () => {
    const session = await insertSession(t.database, s.A.union.id, s.term.id, { number: 4, title: '第二届教代会第四次会议', opensAt: new Date(Date.now() - DAY), closesAt: new Date(Date.now() + 7 * DAY) });
    const figures = async () => ok(await s.c.committee.get(`/api/v1/proposals/figures?sessionId=${session.id}`));
    const p = await h.accepted('更换教学楼饮水机', session.id);
    const q = await h.accepted('延长图书馆开放时间', session.id);
    ok(await h.assign(p.id));
    ok(await h.assign(q.id, { leadUserId: s.user.academic, assistUserIds: [] }));

    // p's first deadline passes before 总务处 replies; q is answered on time and closed.
    const late = addDays(today, -3);
    await h.setDeadline(p.id, late);
    expect(ok(await h.reply(p.id)).replies).toMatchObject([{ round: 1, dueOn: late, isOnTime: false }]);
    expect(ok(await h.reply(q.id, 'A', '已延长至晚九点', s.c.academic)).replies).toMatchObject([{ round: 1, dueOn: replyDueOn(today, 8), isOnTime: true }]);
    expect(ok(await h.rate('wang', q.id, 'satisfied')).status).toBe('closed');
    expect((await figures()).overall).toMatchObject({ due: 2, onTime: 1, onTimeRate: 0.5 });

    // 不满意: round 2 with a new deadline on the proposal and on its rows; round 1 keeps its own, and its reply stays late.
    const second = replyDueOn(today, 8);
    const back = ok(await h.rate('wang', p.id, 'unsatisfied'));
    expect(back).toMatchObject({ status: 'assigned', round: 2, replyDueOn: second, isOverdue: false });
    expect(back.assignments.map((x: Detail) => [x.round, x.role, x.replyDueOn])).toEqual([
      [1, 'lead', late],
      [1, 'assist', late],
      [2, 'lead', second],
      [2, 'assist', second],
    ]);
    expect(back.replies).toMatchObject([{ round: 1, dueOn: late, isOnTime: false }]);
    // By hand: p round 1 late, q on time, p round 2 not yet due — 1 of 2 (read at the current round only, 1 of 1).
    const during = await figures();
    expect(during.overall).toEqual({ submitted: 2, accepted: 2, acceptanceRate: 1, due: 2, onTime: 1, onTimeRate: 0.5, closed: 1, closureRate: 0.5, rated: 1, satisfied: 1, satisfactionRate: 1 });
    expect(during.byDepartment.map((d: Detail) => [d.name, d.accepted, d.due, d.onTime, d.onTimeRate])).toEqual([
      ['教务处', 1, 1, 1, 1],
      ['总务处', 1, 1, 0, 0],
    ]);

    // The second reply on time: 2 of 3, the first round still late.
    const done = ok(await h.reply(p.id, 'A', '已更换全部饮水机'));
    expect(done.replies.map((r: Detail) => [r.round, r.dueOn, r.isOnTime])).toEqual([
      [1, late, false],
      [2, second, true],
    ]);
    const after = await figures();
    expect(after.overall).toMatchObject({ due: 3, onTime: 2, onTimeRate: 2 / 3 });
    expect(after.byDepartment.find((d: Detail) => d.name === '总务处')).toMatchObject({ due: 2, onTime: 1, onTimeRate: 0.5 });
    const { rows } = await readXlsx((await s.c.committee.get(`/api/v1/proposals/ledger.xlsx?sessionId=${session.id}`)).rawPayload);
    const line = rows.slice(2).find((l) => l[2] === '更换教学楼饮水机')!;
    expect(Array.from({ length: 6 }, (_, i) => line[12 + i] ?? null)).toEqual([late, today, '否', second, today, '是']);
  });
});

describe('figures, the handling report and the ledger', () => {
  type Rating = 'satisfied' | 'basic' | 'unsatisfied';
  /** A round of handling: its lead department, deadline, reply day and the proposer's rating (days from today). */
  type Round = { lead: 'logistics' | 'academic'; due: number; replied?: number; rating?: Rating };
  type Row = { title: string; status: (typeof proposals.$inferSelect)['status']; kind?: 'proposal' | 'opinion'; number?: number; rounds?: Round[]; into?: string };
  let session: Awaited<ReturnType<typeof insertSession>>;
  const ids: Record<string, string> = {};

  /** Inserts a proposal of the figures' session as it stands after its handling, round by round. */
  async function insert(r: Row) {
    const rounds = r.rounds ?? [];
    const current = rounds.at(-1);
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
        round: Math.max(rounds.length, 1),
        replyDueOn: current ? addDays(today, current.due) : null,
        responsibleLeader: current ? '张副校长' : null,
        mergedIntoId: r.into ? ids[r.into] : null,
        reviewReason: r.status === 'rejected' ? '不属于提案范围' : null,
        submittedAt: r.status === 'draft' ? null : new Date('2021-03-01T10:00:00+08:00'),
      })
      .returning({ id: proposals.id });
    ids[r.title] = row.id;
    for (const [i, x] of rounds.entries()) {
      const round = i + 1;
      const isLast = round === rounds.length;
      const base = { proposalId: row.id, orgId: s.A.union.id, round };
      await t.database.db.insert(proposalAssignments).values({ ...base, handlerUserId: s.user[x.lead], role: 'lead', replyDueOn: addDays(today, x.due) });
      if (x.replied !== undefined) {
        const text = isLast ? `${r.title}的答复：已经落实。` : `${r.title}的第一轮答复：列入计划。`;
        await t.database.db
          .insert(proposalReplies)
          .values({ ...base, handlerUserId: s.user[x.lead], resultCode: isLast ? 'A' : 'B', text, repliedAt: new Date(`${addDays(today, x.replied)}T10:00:00+08:00`) });
      }
      if (x.rating) await t.database.db.insert(proposalRatings).values({ ...base, memberId: s.member.wang, rating: x.rating });
    }
  }

  beforeAll(async () => {
    session = await insertSession(t.database, s.A.union.id, s.term.id, { number: 3, title: '第二届教代会第三次会议', startsAt: new Date('2021-03-15T09:00:00+08:00'), opensAt: null, closesAt: null });
    const rows: Row[] = [
      { title: '甲：按期办结满意', status: 'closed', number: 1, rounds: [{ lead: 'logistics', due: -30, replied: -35, rating: 'satisfied' }] },
      {
        title: '乙：两轮均逾期答复不满意',
        status: 'closed',
        number: 2,
        rounds: [
          { lead: 'academic', due: -60, replied: -55, rating: 'unsatisfied' },
          { lead: 'academic', due: -10, replied: -5, rating: 'unsatisfied' },
        ],
      },
      { title: '丙：按期答复未评价', status: 'replied', number: 3, rounds: [{ lead: 'logistics', due: 5, replied: -1 }] },
      { title: '丁：逾期未答复', status: 'assigned', number: 4, rounds: [{ lead: 'academic', due: -1 }] },
      { title: '戊：办理中', status: 'assigned', number: 5, rounds: [{ lead: 'logistics', due: 20 }] },
      { title: '己：已立案未交办', status: 'accepted', number: 6 },
      {
        // Round 1 answered late by 教务处; round 2 given to 总务处, its deadline ahead.
        title: '寅：首轮逾期再次办理中',
        status: 'assigned',
        number: 7,
        rounds: [
          { lead: 'academic', due: -40, replied: -38, rating: 'unsatisfied' },
          { lead: 'logistics', due: 30 },
        ],
      },
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
    // Reviewed: 甲–己 and 寅 accepted, 庚 rejected, 辛 converted (壬 is folded into 己, 癸 never came to review, 子 was an
    // opinion). Rounds due: 甲 on time, 乙 late twice, 丙 on time, 丁 missed, 寅 round 1 late (戊 and 寅 round 2 not yet
    // due) — 2 of 6. Rated (the current round): 甲 满意, 乙 不满意; 寅's second reply is not rated yet.
    expect(f.overall).toEqual({
      submitted: 9,
      accepted: 7,
      acceptanceRate: 7 / 9,
      due: 6,
      onTime: 2,
      onTimeRate: 2 / 6,
      closed: 2,
      closureRate: 2 / 7,
      rated: 2,
      satisfied: 1,
      satisfactionRate: 0.5,
    });
    expect(f.opinions).toBe(2);
    expect(f.byStatus).toEqual({ closed: 2, replied: 1, assigned: 3, accepted: 1, rejected: 1, converted: 1, merged: 1, withdrawn: 1, submitted: 1 });
    // A proposal counts for its current lead; a round for the department that led it: 寅's late round 1 is 教务处's.
    expect(f.byDepartment.map((d: Detail) => [d.name, d.accepted, d.due, d.onTime, d.onTimeRate, d.closed, d.closureRate, d.rated, d.satisfactionRate])).toEqual([
      ['教务处', 2, 4, 0, 0, 1, 0.5, 1, 0],
      ['总务处', 4, 2, 2, 1, 1, 0.25, 1, 1],
    ]);
    expect(refused(await s.c.wang.get(`/api/v1/proposals/figures?sessionId=${session.id}`), 403).code).toBe('FORBIDDEN');
  });

  it('measures the plan goals 提案办结率 and 满意率 over the sessions held in the period', async () => {
    const org = { id: s.A.union.id, path: s.A.union.path };
    const year = { start: '2021-01-01', end: '2021-12-31' };
    expect(await METRIC_SOURCES.proposal_closure_rate!(t.database.db, org, year)).toEqual({ value: 2 / 7, detail: '已办结 2 / 立案 7 件' });
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
    expect(text).toContain('共审查提案 9 件，立案 7 件（另有 1 件并案处理），转为意见建议 1 件，不予立案 1 件，立案率 77.8%');
    expect(text).toContain('应答复 6 件次，按期答复 2 件次，按期答复率 33.3%');
    expect(text).toContain('办结率 28.6%');
    expect(text).toContain('满意率 50.0%');
    // The departments' table: 教务处 answered none of its 4 rounds due on time, 总务处 both of its 2.
    expect(text).toContain('教务处240.0%150.0%0.0%');
    expect(text).toContain('总务处42100.0%125.0%100.0%');
    expect(text).toContain('经提案人不满意再次办理的提案计两件次');
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(text).toContain(`第${n}号`);
    expect(text).toContain('甲：按期办结满意的答复：已经落实。');
    expect(text).toContain('总务处（主办）');
    expect(text).not.toContain('庚：不予立案');
    expect(text).not.toContain('丑：草稿');
    expect(await countRows(t.database, 'audit_events', "action = 'proposal.report.exported'")).toBe(1);
  });

  it('writes the ledger of every item of the session, each round with its own deadline', async () => {
    const res = await s.c.committee.get(`/api/v1/proposals/ledger.xlsx?sessionId=${session.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await readXlsx(res.rawPayload);
    expect(rows[0][0]).toBe('提案一中工会 第二届教代会第三次会议 提案台账');
    expect(rows[1].slice(0, 7)).toEqual(['编号', '类型', '案由', '类别', '提案人', '附议人', '状态']);
    expect(rows[1].slice(12, 18)).toEqual(['答复期限', '答复日期', '按期答复', '第二轮答复期限', '第二轮答复日期', '第二轮按期答复']);
    // Empty cells read as holes: every line is filled out to the 22 columns.
    const lines = rows.slice(2).map((l) => Array.from({ length: 22 }, (_, i) => l[i] ?? null));
    expect(lines).toHaveLength(12);
    expect(lines.map((l) => l[2])).not.toContain('丑：草稿');
    const of = (title: string) => lines.find((l) => l[2] === title)!;
    const day = (n: number) => addDays(today, n);
    const first = lines[0];
    expect(first.slice(0, 7)).toEqual([1, '提案', '甲：按期办结满意', '后勤保障', '王芳', null, '已办结']);
    expect(first.slice(8, 22)).toEqual(['总务处', null, '张副校长', today, day(-30), day(-35), '是', null, null, null, 'A 已解决', '甲：按期办结满意的答复：已经落实。', '满意', 1]);
    expect(of('乙：两轮均逾期答复不满意').slice(12, 22)).toEqual([day(-60), day(-55), '否', day(-10), day(-5), '否', 'A 已解决', '乙：两轮均逾期答复不满意的答复：已经落实。', '不满意', 2]);
    expect(of('寅：首轮逾期再次办理中').slice(8, 22)).toEqual(['总务处', null, '张副校长', today, day(-40), day(-38), '否', day(30), null, null, null, null, null, 2]);
    expect(of('丁：逾期未答复').slice(12, 18)).toEqual([day(-1), null, '逾期未答复', null, null, null]);
    expect(of('戊：办理中').slice(12, 15)).toEqual([day(20), null, null]);
    expect(of('庚：不予立案').slice(6, 8)).toEqual(['不予立案', '不属于提案范围']);
    expect(of('子：意见建议')[1]).toBe('意见建议');
  });
});
