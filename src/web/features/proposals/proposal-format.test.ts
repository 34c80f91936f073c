import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { chineseNumber, clockText, cosignText, deadlineText, rateText, ratingHint, refusalReasons, timelineSteps, windowText } from './proposal-format';
import type { ProposalDetail } from './proposal-types';

/** A proposal page as the server answers it, drafted and not yet submitted; `over` changes what a test needs. */
function detail(over: Partial<ProposalDetail> = {}): ProposalDetail {
  return {
    id: 'p1',
    number: null,
    kind: 'proposal',
    status: 'draft',
    title: '关于增设教师午休室的建议',
    category: '后勤保障',
    session: { id: 's1', title: '第三届教职工代表大会第二次会议' },
    proposer: { id: 'm1', name: '邵佳丹' },
    cosigners: { confirmed: 0, invited: 2, required: 2 },
    round: 1,
    lead: null,
    replyDueOn: null,
    daysLeft: null,
    isOverdue: false,
    resultCode: null,
    rating: null,
    submittedAt: null,
    updatedAt: '2026-11-20T02:00:00.000Z',
    reasons: '午休没有地方',
    suggestions: '腾出一间教室',
    term: { id: 't1', number: 3, cosignersMin: 2, replyWeeks: 8 },
    window: { opensAt: null, closesAt: null, isOpen: true },
    review: { reason: null, by: null, at: null },
    mergedInto: null,
    mergedFrom: [],
    responsibleLeader: null,
    signers: [],
    assignments: [],
    replies: [],
    ratings: [],
    notes: [],
    files: [],
    myRoles: ['proposer'],
    mySignerStatus: null,
    can: { edit: true, cosign: false, submit: true, withdraw: true, review: false, merge: false, assign: false, reply: false, rate: false, note: false },
    ...over,
  };
}

const reply = (round: number, resultCode: 'A' | 'B' | 'C' | 'D') => ({
  id: `r${round}`,
  round,
  resultCode,
  text: '已安排',
  handler: '总务处',
  repliedAt: '2026-12-01T02:00:00.000Z',
  dueOn: '2027-01-15',
  isOnTime: true,
});
const proposerRating = (round: number, rating: 'satisfied' | 'basic' | 'unsatisfied') => ({ round, name: '邵佳丹', isProposer: true, rating, comment: '', at: '2026-12-02T02:00:00.000Z' });
const lead = { round: 1, role: 'lead' as const, handler: { id: 'u9', name: '总务处' }, replyDueOn: '2027-01-15', assignedAt: '2026-11-20T02:00:00.000Z' };
const steps = (p: ProposalDetail) => timelineSteps(p).map((s) => `${s.title}:${s.status}`);

describe('the timeline of a proposal', () => {
  it('waits on the co-signers while a draft lacks them, and on the committee once submitted', () => {
    expect(steps(detail()).slice(0, 3)).toEqual(['起草:process', '附议:process', '提交:wait']);
    const submitted = detail({ status: 'submitted', submittedAt: '2026-11-20T02:00:00.000Z', cosigners: { confirmed: 2, invited: 0, required: 2 } });
    expect(steps(submitted).slice(0, 4)).toEqual(['起草:finish', '附议:finish', '提交:finish', '审查:process']);
  });

  it('follows an accepted proposal through assignment, a 不满意 first reply, the second round and 办结', () => {
    const closed = detail({
      status: 'closed',
      number: 3,
      round: 2,
      submittedAt: '2026-11-20T02:00:00.000Z',
      cosigners: { confirmed: 2, invited: 0, required: 2 },
      assignments: [lead, { ...lead, round: 2 }],
      replies: [reply(1, 'C'), reply(2, 'B')],
      ratings: [proposerRating(1, 'unsatisfied'), proposerRating(2, 'satisfied')],
    });
    expect(steps(closed)).toEqual([
      '起草:finish',
      '附议:finish',
      '提交:finish',
      '立案:finish',
      '交办:finish',
      '答复:finish',
      '评价:error',
      '第二轮答复:finish',
      '第二轮评价:finish',
      '办结:finish',
    ]);
    const rated = timelineSteps(closed).find((s) => s.key === 'rate-1')!;
    expect(rated.description).toBe('提案人：不满意，退回再次办理');
  });

  it('marks the reply step red once the deadline has passed without a reply', () => {
    const late = detail({ status: 'assigned', number: 1, submittedAt: '2026-10-01T02:00:00.000Z', assignments: [lead], replyDueOn: '2026-11-01', daysLeft: -5, isOverdue: true });
    expect(timelineSteps(late).find((s) => s.key === 'reply-1')).toMatchObject({ status: 'error', description: '2026年11月1日前答复' });
  });

  it('ends where it stopped: withdrawn, not accepted, or handled as an opinion', () => {
    expect(steps(detail({ status: 'withdrawn' }))).toEqual(['起草:finish', '已撤回:error']);
    const rejected = detail({ status: 'rejected', submittedAt: '2026-11-20T02:00:00.000Z', review: { reason: '属于个人诉求', by: '付超伟', at: '2026-11-21T02:00:00.000Z' } });
    expect(timelineSteps(rejected).at(-1)).toMatchObject({ title: '不予立案', status: 'error', description: '属于个人诉求' });
    const opinion = detail({ status: 'submitted', kind: 'opinion', submittedAt: '2026-11-20T02:00:00.000Z' });
    expect(steps(opinion)).toEqual(['起草:finish', '附议:finish', '作为意见建议提交:finish', '审查:process']);
  });
});

describe('words on the cards', () => {
  it('counts confirmed co-signers against the minimum and mentions those still asked', () => {
    expect(cosignText({ confirmed: 1, invited: 1, required: 2 })).toBe('附议 1/2 人已确认，1 人待确认');
    expect(cosignText({ confirmed: 2, invited: 0, required: 2 })).toBe('附议 2/2 人已确认');
  });

  it('says the days left to reply, today, or how long overdue, and nothing when no department holds it', () => {
    expect(deadlineText({ daysLeft: 12, replyDueOn: '2027-01-15' })).toBe('还剩 12 天');
    expect(deadlineText({ daysLeft: 0, replyDueOn: '2027-01-15' })).toBe('今天到期');
    expect(deadlineText({ daysLeft: -3, replyDueOn: '2027-01-15' })).toBe('已逾期 3 天');
    expect(deadlineText({ daysLeft: null, replyDueOn: null })).toBeNull();
  });

  it('shows rates to one decimal and a dash when nothing is counted', () => {
    expect(rateText(2 / 3)).toBe('66.7%');
    expect(rateText(1)).toBe('100.0%');
    expect(rateText(null)).toBe('—');
  });

  it('describes the collection window in Shanghai time, leaving out this year', () => {
    const now = new Date('2026-11-20T02:00:00.000Z');
    const open = { proposalsOpenAt: '2026-11-14T00:00:00.000Z', proposalsCloseAt: '2026-11-28T09:00:00.000Z', isWindowOpen: true };
    expect(windowText(open, now)).toBe('提案征集中，11月28日 17:00 截止');
    expect(windowText({ ...open, isWindowOpen: false }, new Date('2026-12-01T00:00:00.000Z'))).toBe('提案征集已于 11月28日 17:00 截止');
    expect(windowText({ ...open, isWindowOpen: false }, new Date('2026-11-01T00:00:00.000Z'))).toBe('提案征集 11月14日 08:00 开始');
    expect(windowText({ proposalsOpenAt: null, proposalsCloseAt: null, isWindowOpen: false }, now)).toBe('未设置提案征集时间');
    expect(clockText('2027-01-05T01:30:00.000Z', now)).toBe('2027年1月5日 09:30');
  });

  it('tells the proposer what a rating does in each round, and a co-signer that theirs is only recorded', () => {
    expect(ratingHint({ round: 1, myRoles: ['proposer'] })).toContain('选“不满意”，提案退回承办部门再次办理');
    expect(ratingHint({ round: 2, myRoles: ['proposer'] })).toBe('这是第二轮答复，评价后提案即办结。');
    expect(ratingHint({ round: 1, myRoles: ['cosigner'] })).toContain('是否办结由提案人的评价决定');
  });
});

describe('numbers as terms are named', () => {
  it('writes 1–99 in Chinese numerals', () => {
    expect([1, 3, 10, 12, 20, 25, 99].map(chineseNumber)).toEqual(['一', '三', '十', '十二', '二十', '二十五', '九十九']);
    expect(chineseNumber(100)).toBe('100');
  });
});

describe('a refused submission', () => {
  it('reads the reasons of a 409, and nothing from other failures', () => {
    const refused = new ApiError(409, 'CONFLICT', '不能作为提案提交', [], { reasons: ['已确认的附议人 1 人，至少需要 2 人'], canSubmitAsOpinion: true });
    expect(refusalReasons(refused)).toEqual(['已确认的附议人 1 人，至少需要 2 人']);
    expect(refusalReasons(new ApiError(409, 'CONFLICT', '提案已经提交，不能重复提交'))).toBeNull();
    expect(refusalReasons(new ApiError(400, 'VALIDATION', '请填写理由后再提交'))).toBeNull();
  });
});
