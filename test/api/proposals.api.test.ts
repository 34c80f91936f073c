import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { countRows, signIn } from '../support/api.js';
import { buildProposalStage, insertSession, insertTerm, ok, refused } from '../support/proposal-stage.js';
import { secondConnection } from '../support/test-db.js';

/*
 * Proposals through the API, the representative's side and the committee's review: who may draft, who may co-sign
 * (representatives of the same term, not the proposer, each once), confirming on the phone, submitting inside the
 * window with enough co-signers or else only as an opinion (saying why), withdrawing, 立案 with numbers, 转为意见建议,
 * 不予立案, 并案, attachments, who sees what, and isolation between two schools. Handling is in
 * proposal-handling.api.test.ts.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let s: Awaited<ReturnType<typeof buildProposalStage>>;
type Detail = Record<string, any>;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const lastAction = async () => (await t.database.query<{ action: string }>('SELECT action FROM audit_events ORDER BY seq DESC, at DESC LIMIT 1'))[0]?.action;

beforeAll(async () => {
  t = await createTestApp();
  s = await buildProposalStage(t);
});
afterAll(async () => t.close());

const draft = (over: Record<string, unknown> = {}, who = s.c.wang) =>
  who.post('/api/v1/proposals', {
    sessionId: s.open.id,
    title: '改善教师午餐条件',
    category: '后勤保障',
    reasons: '食堂座位不足，教师午餐排队时间长。',
    suggestions: '增设教师就餐区，错峰开餐。',
    cosignerMemberIds: [s.member.li, s.member.zhou],
    ...over,
  });
const cosign = (who: keyof typeof s.c, id: string, decision: 'confirm' | 'decline' = 'confirm') => s.c[who].post(`/api/v1/proposals/${id}/cosign`, { decision });
const submit = (id: string, asOpinion = false) => s.c.wang.post(`/api/v1/proposals/${id}/submit`, { asOpinion });
/** A proposal drafted by `who`, co-signed by two others and submitted as a proposal. */
async function submitted(title: string, who: 'wang' | 'chen' | 'sun' = 'wang', cosigners: ('li' | 'zhou' | 'zhao')[] = ['li', 'zhou']): Promise<Detail> {
  const d = ok(await draft({ title, cosignerMemberIds: cosigners.map((x) => s.member[x]) }, s.c[who]), 201);
  for (const x of cosigners) ok(await cosign(x, d.id));
  return ok(await s.c[who].post(`/api/v1/proposals/${d.id}/submit`, { asOpinion: false }));
}

describe('drafting and co-signers', () => {
  it('lets a representative draft with co-signers, who are asked on their phones', async () => {
    const d = ok(await draft(), 201);
    expect(d).toMatchObject({
      status: 'draft',
      kind: 'proposal',
      number: null,
      title: '改善教师午餐条件',
      session: { id: s.open.id, title: '第二届教代会第二次会议' },
      proposer: { id: s.member.wang, name: '王芳' },
      cosigners: { confirmed: 0, invited: 2, required: 2 },
      term: { number: 2, cosignersMin: 2, replyWeeks: 8 },
      window: { isOpen: true },
      myRoles: ['proposer'],
      can: { edit: true, submit: true, withdraw: true, cosign: false, review: false },
    });
    expect(d.signers.map((x: Detail) => [x.name, x.role, x.status])).toEqual([
      ['李强', 'cosigner', 'invited'],
      ['周敏', 'cosigner', 'invited'],
    ]);
    expect(await lastAction()).toBe('proposal.drafted');
    for (const who of ['li', 'zhou'] as const) {
      expect(await countRows(t.database, 'notifications', "user_id = $1 AND kind = 'proposal_cosign_requested' AND link = $2", [s.user[who], `/proposals/${d.id}`])).toBe(1);
    }
    // The co-signer's phone: the invitation is on their page, and the proposal opens for them.
    const my = ok(await s.c.li.get('/api/v1/proposals/my'));
    expect(my.representative).toMatchObject({ name: '李强', termNumber: 2, cosignersMin: 2 });
    expect(my.invitations.map((x: Detail) => x.id)).toContain(d.id);
    expect(my.sessions.map((x: Detail) => [x.title, x.isWindowOpen])).toEqual([
      ['第二届教代会第二次会议', true],
      ['第二届教代会第一次会议', false],
    ]);
    expect(ok(await s.c.li.get(`/api/v1/proposals/${d.id}`))).toMatchObject({ myRoles: ['cosigner'], mySignerStatus: 'invited', can: { cosign: true, edit: false, submit: false } });
  });

  it('takes co-signers only among the representatives of the same term, each once, never the proposer', async () => {
    const fieldOf = async (ids: string[]) => {
      const e = refused(await draft({ cosignerMemberIds: ids }), 400);
      expect(e.fields?.[0].path).toBe('cosignerMemberIds');
      return e.message;
    };
    expect(await fieldOf([s.member.li, s.member.plain])).toBe('普通会员冯不是第2届教代会代表，不能附议');
    expect(await fieldOf([s.member.li, s.member.former])).toBe('上届代表郑不是第2届教代会代表，不能附议');
    expect(await fieldOf([s.member.guest, s.member.li])).toBe('特邀代表吴不是第2届教代会代表，不能附议');
    expect(await fieldOf([s.member.wang, s.member.li])).toBe('提案人不能附议自己的提案');
    expect(await fieldOf([s.member.li, s.member.li])).toBe('附议人不能重复');
    expect(await fieldOf([s.member.li, s.member.repB])).toBe('附议人不存在');
    const e = refused(await draft({ cosignerMemberIds: ['not-an-id'] }), 400);
    expect(e.message).toBe('附议人无效');
    // The picker offers the term's representatives, the actor left out, and nobody else.
    const { items } = ok(await s.c.wang.get(`/api/v1/proposals/cosigner-candidates?sessionId=${s.open.id}`));
    expect(items.map((x: Detail) => x.name).sort()).toEqual(['孙悦', '李强', '周敏', '赵磊', '陈静'].sort());
  });

  it('lets only representatives of the term draft; others are told why', async () => {
    for (const who of ['plain', 'guest', 'former', 'chair'] as const) {
      const e = refused(await draft({ cosignerMemberIds: [] }, s.c[who]), 403);
      expect(e.message).toBe('只有第2届教代会代表可以提出或附议提案（特邀代表、列席人员除外）');
    }
    expect(ok(await s.c.plain.get('/api/v1/proposals/my')).representative).toBeNull();
    expect(refused(await draft({ title: '' }), 400).message).toBe('请填写案由');
    expect(refused(await draft({ category: '文体活动' }), 400).fields?.[0].path).toBe('category');
    expect(refused(await draft({ sessionId: s.sessionB.id }), 400).message).toBe('会议不存在');
  });

  it('asks co-signers again when the wording changes, and follows a new list of co-signers', async () => {
    const d = ok(await draft({ title: '增加体育活动场地' }), 201);
    ok(await cosign('li', d.id));
    expect(ok(await cosign('zhou', d.id, 'decline')).mySignerStatus).toBe('declined');
    expect(refused(await cosign('zhao', d.id), 404).message).toBe('提案不存在或无权查看');
    expect(refused(await cosign('wang', d.id), 403).message).toBe('您不是这件提案邀请的附议人');

    const moved = ok(await s.c.wang.patch(`/api/v1/proposals/${d.id}`, { cosignerMemberIds: [s.member.li, s.member.zhao] }));
    expect(moved.signers.map((x: Detail) => [x.name, x.status])).toEqual([
      ['李强', 'confirmed'],
      ['赵磊', 'invited'],
    ]);
    const reworded = ok(await s.c.wang.patch(`/api/v1/proposals/${d.id}`, { suggestions: '利用周末开放操场。' }));
    expect(reworded.cosigners).toMatchObject({ confirmed: 0, invited: 2 });
    expect(await countRows(t.database, 'notifications', "user_id = $1 AND kind = 'proposal_cosign_requested' AND link = $2", [s.user.li, `/proposals/${d.id}`])).toBe(2);
    expect(refused(await s.c.li.patch(`/api/v1/proposals/${d.id}`, { title: '改了' }), 403).message).toBe('只有提案人可以修改');
  });
});

describe('submitting', () => {
  it('submits as a proposal once enough co-signers confirmed inside the window', async () => {
    const d = ok(await draft({ title: '完善教师培训制度', category: '师资建设' }), 201);
    ok(await cosign('li', d.id));
    const e = refused(await submit(d.id), 409);
    expect(e.message).toBe('已确认的附议人 1 人，至少需要 2 人，不能作为提案提交；可以作为意见建议提交');
    expect(e.details).toEqual({ reasons: ['已确认的附议人 1 人，至少需要 2 人'], canSubmitAsOpinion: true });
    ok(await cosign('zhou', d.id));
    const done = ok(await submit(d.id));
    expect(done).toMatchObject({ status: 'submitted', kind: 'proposal', submission: { kind: 'proposal', reasons: [] }, can: { edit: false, withdraw: true } });
    expect(done.submittedAt).not.toBeNull();
    expect(await lastAction()).toBe('proposal.submitted');
    expect(refused(await submit(d.id), 409).message).toBe('提案已提交，不能再提交');
    expect(refused(await cosign('li', d.id, 'decline'), 409).message).toBe('提案已经提交，不能再更改附议');
  });

  it('files an item after the window, or short of co-signers, only as an opinion, saying why', async () => {
    const late = ok(await draft({ sessionId: s.closed.id, title: '延长图书馆开放时间', category: '其他', cosignerMemberIds: [s.member.li, s.member.zhou] }), 201);
    ok(await cosign('li', late.id));
    ok(await cosign('zhou', late.id));
    const e = refused(await submit(late.id), 409);
    expect(e.details?.reasons).toHaveLength(1);
    expect(e.details?.reasons[0]).toMatch(/^提案征集已于 .+ 截止$/);
    const filed = ok(await submit(late.id, true));
    expect(filed).toMatchObject({ status: 'submitted', kind: 'opinion', submission: { kind: 'opinion', reasons: e.details?.reasons } });

    const alone = ok(await draft({ title: '设立教师休息室', cosignerMemberIds: [] }), 201);
    expect(refused(await submit(alone.id), 409).details?.reasons).toEqual(['已确认的附议人 0 人，至少需要 2 人']);
    expect(ok(await submit(alone.id, true)).submission).toEqual({ kind: 'opinion', reasons: ['已确认的附议人 0 人，至少需要 2 人'] });

    const empty = ok(await draft({ title: '只有案由', reasons: '', cosignerMemberIds: [] }), 201);
    const missing = refused(await submit(empty.id, true), 400);
    expect(missing.fields).toEqual([{ path: 'reasons', message: '请填写理由后再提交' }]);
  });

  it('lets the proposer withdraw before review, and not after', async () => {
    const p = await submitted('调整作息时间');
    expect(refused(await s.c.li.post(`/api/v1/proposals/${p.id}/withdraw`, {}), 403).message).toBe('只有提案人可以撤回提案');
    const gone = ok(await s.c.wang.post(`/api/v1/proposals/${p.id}/withdraw`, { reason: '已与学校沟通解决' }));
    expect(gone).toMatchObject({ status: 'withdrawn', can: { withdraw: false } });
    expect(await lastAction()).toBe('proposal.withdrawn');
    const q = await submitted('规范教研活动');
    ok(await s.c.committee.post(`/api/v1/proposals/${q.id}/review`, { decision: 'accept' }));
    expect(refused(await s.c.wang.post(`/api/v1/proposals/${q.id}/withdraw`, {}), 409).message).toBe('提案已经立案，不能撤回');
  });
});

describe('review by the proposals committee', () => {
  it('accepts with the session’s next numbers, converts to an opinion, rejects only with a reason', async () => {
    const [p1, p2, p3, p4] = [await submitted('加强校园安全'), await submitted('改善办公设备'), await submitted('增加教师体检项目'), await submitted('组织教师外出学习')];
    const before = await countRows(t.database, 'proposals', 'session_id = $1 AND number IS NOT NULL', [s.open.id]);
    const a1 = ok(await s.c.committee.post(`/api/v1/proposals/${p1.id}/review`, { decision: 'accept', reason: '符合立案条件' }));
    const a2 = ok(await s.c.chair.post(`/api/v1/proposals/${p2.id}/review`, { decision: 'accept' }));
    expect([a1.number, a2.number]).toEqual([before + 1, before + 2]);
    expect(a1).toMatchObject({ status: 'accepted', review: { reason: '符合立案条件', by: '提案委员' }, can: { assign: true, review: false } });
    expect(await countRows(t.database, 'notifications', "user_id = $1 AND kind = 'proposal_reviewed' AND body = $2", [s.user.wang, `已立案，编号第${before + 1}号`])).toBe(1);

    const noReason = refused(await s.c.committee.post(`/api/v1/proposals/${p3.id}/review`, { decision: 'reject' }), 400);
    expect(noReason.fields?.[0]).toEqual({ path: 'reason', message: '请填写不予立案的理由' });
    const rejected = ok(await s.c.committee.post(`/api/v1/proposals/${p3.id}/review`, { decision: 'reject', reason: '属于个人诉求，不属于提案范围' }));
    expect(rejected).toMatchObject({ status: 'rejected', number: null, review: { reason: '属于个人诉求，不属于提案范围' } });
    expect(await lastAction()).toBe('proposal.rejected');
    const converted = ok(await s.c.committee.post(`/api/v1/proposals/${p4.id}/review`, { decision: 'convert', reason: '作为意见建议转学校参考' }));
    expect(converted).toMatchObject({ status: 'converted', kind: 'opinion', number: null });
    expect(refused(await s.c.committee.post(`/api/v1/proposals/${p4.id}/review`, { decision: 'accept' }), 409).message).toBe('意见建议不能立案，可以转为意见建议处理或不予立案');
    expect(refused(await s.c.committee.post(`/api/v1/proposals/${p1.id}/review`, { decision: 'reject', reason: '重复' }), 409).message).toBe('提案已经立案，不能重新审查');

    for (const who of ['sports', 'wang', 'logistics'] as const) {
      expect(refused(await s.c[who].post(`/api/v1/proposals/${p2.id}/review`, { decision: 'accept' }), 403).message).toBe('只有工会主席、副主席和提案工作委员可以审查和督办提案');
    }
    const bad = refused(await s.c.committee.post(`/api/v1/proposals/${p2.id}/review`, { decision: 'approve' }), 400);
    expect(bad.message).toContain('处理意见');
  });

  it('merges proposals into one accepted proposal whose proposers become joint proposers', async () => {
    const target = await submitted('提高班主任津贴', 'wang', ['li', 'zhou']);
    const s1 = await submitted('班主任工作量认定', 'chen', ['li', 'zhao']);
    const s2 = await submitted('班主任津贴标准', 'sun', ['zhou', 'zhao']);
    const merged = ok(await s.c.committee.post(`/api/v1/proposals/${target.id}/merge`, { sourceIds: [s1.id, s2.id] }));
    expect(merged.status).toBe('accepted');
    expect(merged.number).toBeGreaterThan(0);
    expect(merged.signers.filter((x: Detail) => x.role === 'joint').map((x: Detail) => x.name).sort()).toEqual(['孙悦', '陈静'].sort());
    expect(merged.mergedFrom.map((x: Detail) => x.title).sort()).toEqual(['班主任工作量认定', '班主任津贴标准'].sort());
    const source = ok(await s.c.chen.get(`/api/v1/proposals/${s1.id}`));
    expect(source).toMatchObject({ status: 'merged', mergedInto: { id: target.id, number: merged.number, title: '提高班主任津贴' }, review: { reason: `并入第${merged.number}号提案` } });
    // A joint proposer follows the target: it is on their page and they may read it.
    expect(ok(await s.c.sun.get('/api/v1/proposals/my')).proposals.map((x: Detail) => x.id)).toContain(target.id);
    expect(ok(await s.c.sun.get(`/api/v1/proposals/${target.id}`)).myRoles).toEqual(['joint']);
    expect(await countRows(t.database, 'audit_events', "action = 'proposal.merged' AND entity_id IN ($1, $2)", [s1.id, s2.id])).toBe(2);

    const again = refused(await s.c.committee.post(`/api/v1/proposals/${target.id}/merge`, { sourceIds: [s1.id] }), 400);
    expect(again.message).toBe('“班主任工作量认定”：该提案已并入其他提案，不能再审查');
    expect(refused(await s.c.committee.post(`/api/v1/proposals/${target.id}/merge`, { sourceIds: [target.id] }), 400).message).toBe('不能把提案并入它自己');
    const other = ok(await s.c.wang.post('/api/v1/proposals', { sessionId: s.closed.id, title: '另一次会议', category: '其他', reasons: '理由', suggestions: '建议' }), 201);
    ok(await submit(other.id, true));
    expect(refused(await s.c.committee.post(`/api/v1/proposals/${target.id}/merge`, { sourceIds: [other.id] }), 400).message).toBe('“另一次会议”不属于同一次会议，不能并案');
  });
});

describe('who sees what', () => {
  it('keeps drafts to their proposer and co-signers, and everything from people not involved', async () => {
    const d = ok(await draft({ title: '草稿可见性' }), 201);
    for (const who of ['chair', 'committee', 'zhao', 'plain', 'logistics'] as const) {
      expect(refused(await s.c[who].get(`/api/v1/proposals/${d.id}`), 404).message).toBe('提案不存在或无权查看');
    }
    const dropped = ok(await draft({ title: '放弃的草稿', cosignerMemberIds: [] }), 201);
    expect(ok(await s.c.wang.post(`/api/v1/proposals/${dropped.id}/withdraw`, {})).status).toBe('withdrawn');
    expect(refused(await s.c.committee.get(`/api/v1/proposals/${dropped.id}`), 404).code).toBe('NOT_FOUND');
    const p = await submitted('已提交可见性');
    ok(await s.c.committee.get(`/api/v1/proposals/${p.id}`));
    expect(refused(await s.c.plain.get(`/api/v1/proposals/${p.id}`), 404).code).toBe('NOT_FOUND');
    const list = ok(await s.c.committee.get(`/api/v1/proposals?sessionId=${s.open.id}&status=all`));
    expect(list.canReview).toBe(true);
    expect(list.items.map((x: Detail) => x.id)).toContain(p.id);
    expect(list.items.every((x: Detail) => x.status !== 'draft')).toBe(true);
    expect(ok(await s.c.plain.get('/api/v1/proposals')).items).toEqual([]);
    const mine = ok(await s.c.wang.get(`/api/v1/proposals?status=draft&q=${encodeURIComponent('可见性')}`));
    expect(mine.items.map((x: Detail) => x.title)).toEqual(['草稿可见性']);
  });

  it('keeps attachments to the draft and to those who may read it', async () => {
    const d = ok(await draft({ title: '附件提案' }), 201);
    const f = ok(await s.c.wang.upload(`/api/v1/proposals/${d.id}/files`, '调研报告.pdf', PDF), 201);
    expect(f).toMatchObject({ name: '调研报告.pdf', mime: 'application/pdf', replyRound: null });
    const read = await s.c.li.get(`/api/v1/proposals/${d.id}/files/${f.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.rawPayload.equals(PDF)).toBe(true);
    expect(refused(await s.c.li.upload(`/api/v1/proposals/${d.id}/files`, 'x.pdf', PDF), 403).message).toBe('只有提案人可以上传提案附件');
    expect(refused(await s.c.wang.upload(`/api/v1/proposals/${d.id}/files`, '说明.pdf', Buffer.from('not a pdf')), 400).fields?.[0].path).toBe('file');
    expect(refused(await s.c.chairB.get(`/api/v1/proposals/${d.id}/files/${f.id}`), 404).code).toBe('NOT_FOUND');
    expect((await s.c.wang.delete(`/api/v1/proposals/${d.id}/files/${f.id}`)).statusCode).toBe(204);
    expect(ok(await s.c.wang.get(`/api/v1/proposals/${d.id}`)).files).toEqual([]);
  });

  it('refuses an attachment that races the submission: the draft check is repeated under the proposal lock', async () => {
    const d = ok(await draft({ title: '附件与提交竞争' }), 201);
    const other = await secondConnection(t.database);
    try {
      if (t.database.kind !== 'postgres') return; // one connection on the embedded engine: nothing runs in between
      let upload: Promise<Awaited<ReturnType<typeof s.c.wang.upload>>> | undefined;
      await other.database.rawTransaction(async (q) => {
        // A submission holding the row: the upload passes the early check (still a draft) and waits for the lock.
        await q('SELECT id FROM proposals WHERE id = $1 FOR UPDATE', [d.id]);
        await q("UPDATE proposals SET status = 'submitted', submitted_at = now() WHERE id = $1", [d.id]);
        upload = s.c.wang.upload(`/api/v1/proposals/${d.id}/files`, '迟到的附件.pdf', PDF);
        await new Promise((r) => setTimeout(r, 300));
      });
      expect(refused(await upload!, 409).message).toBe('提案已提交，不能再上传附件');
      expect(await countRows(t.database, 'proposal_files', 'proposal_id = $1', [d.id])).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe('isolation between schools', () => {
  it('answers 404 to another school for every proposal, and never lists it', async () => {
    const p = await submitted('一中提案');
    ok(await s.c.committee.post(`/api/v1/proposals/${p.id}/review`, { decision: 'accept' }));
    for (const [method, url, body] of [
      ['get', `/api/v1/proposals/${p.id}`, undefined],
      ['post', `/api/v1/proposals/${p.id}/review`, { decision: 'reject', reason: '越权' }],
      ['post', `/api/v1/proposals/${p.id}/assign`, { leadUserId: s.user.handlerB, responsibleLeader: '校长' }],
      ['post', `/api/v1/proposals/${p.id}/notes`, { text: '越权督办' }],
      ['post', `/api/v1/proposals/${p.id}/rate`, { rating: 'satisfied' }],
    ] as const) {
      const res = method === 'get' ? await s.c.chairB.get(url) : await s.c.chairB.post(url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect(ok(await s.c.chairB.get('/api/v1/proposals')).items).toEqual([]);
    expect(refused(await s.c.chairB.get(`/api/v1/proposals/figures?sessionId=${s.open.id}`), 404).message).toBe('会议不存在或无权查看');
    expect((await s.c.chairB.get(`/api/v1/proposals/ledger.xlsx?sessionId=${s.open.id}`)).statusCode).toBe(404);
    expect(refused(await s.c.repB.post('/api/v1/proposals', { sessionId: s.open.id, title: '跨校', category: '其他' }), 400).message).toBe('会议不存在');
    // A's committee cannot assign to B's department.
    const e = refused(await s.c.committee.post(`/api/v1/proposals/${p.id}/assign`, { leadUserId: s.user.handlerB, responsibleLeader: '校长' }), 400);
    expect(e.fields?.[0]).toEqual({ path: 'leadUserId', message: '主办部门应为本工会的承办部门账号' });
    // School B's representative drafts in their own session as usual.
    ok(await s.c.repB.post('/api/v1/proposals', { sessionId: s.sessionB.id, title: '二中提案', category: '其他' }), 201);
  });
});

describe('an all-staff meeting (教职工大会)', () => {
  it('lets every member in employment propose and co-sign, and nobody retired or withdrawn', async () => {
    const C = await buildSchool(t.database, '提案小学工会', s.A.district);
    const term = await insertTerm(t.database, C.union.id, { number: 1, startsOn: '2024-09-01', endsOn: '2027-08-31', form: 'all_staff' });
    const session = await insertSession(t.database, C.union.id, term.id, { number: 1, title: '教职工大会', opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 86_400_000) });
    const u = await buildUser(t.database, [{ org: C.union, role: 'member' }], { name: '小学老师' });
    await buildMember(t.database, C.union, { name: '小学老师', userId: u.id });
    const [a, b] = [await buildMember(t.database, C.union, { name: '同事甲' }), await buildMember(t.database, C.union, { name: '同事乙' })];
    const retired = await buildMember(t.database, C.union, { name: '退休老师', employmentStatus: 'retired' });
    const teacher = await signIn(t.app, u.phone!);
    expect(ok(await teacher.get('/api/v1/proposals/my')).representative).toMatchObject({ name: '小学老师', termNumber: 1 });
    const body = { sessionId: session.id, title: '增加午休床位', category: '福利待遇', reasons: '理由', suggestions: '建议' };
    expect(refused(await teacher.post('/api/v1/proposals', { ...body, cosignerMemberIds: [a.id, retired.id] }), 400).message).toBe('退休老师不是在职在会的教职工，不能附议');
    const d = ok(await teacher.post('/api/v1/proposals', { ...body, cosignerMemberIds: [a.id, b.id] }), 201);
    expect(d.cosigners).toMatchObject({ invited: 2, required: 2 });
    const { items } = ok(await teacher.get(`/api/v1/proposals/cosigner-candidates?sessionId=${session.id}`));
    expect(items.map((x: Detail) => x.name).sort()).toEqual(['同事乙', '同事甲'].sort());
  });
});
