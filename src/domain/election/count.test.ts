import { describe, expect, it } from 'vitest';
import type { BallotMark } from '../../contracts/elections.js';
import type { ElectionBallot, RoundCandidate } from './ballot.js';
import { countRound, type RoundInput } from './count.js';

const A = { id: 'a', name: '张三' };
const B = { id: 'b', name: '李四' };
const C = { id: 'c', name: '王五' };
const D = { id: 'd', name: '赵六' };
const E = { id: 'e', name: '刘七' };

/** `n` copies of one ballot. */
function many(n: number, marks: Record<string, BallotMark>, writeIns: string[] = [], spoilt = false): ElectionBallot[] {
  return Array.from({ length: n }, () => ({ marks, writeIns, spoilt }));
}

/** A round where every ballot was cast online, issued = returned = the ballots, unless told otherwise. */
function round(p: { due: number; seats: number; candidates: RoundCandidate[]; ballots: ElectionBallot[] } & Partial<RoundInput>): RoundInput {
  const n = p.ballots.length;
  return { present: p.due, issued: n, returned: n, online: n, paper: 0, ...p };
}

const texts = (o: { steps: { text: string }[] }) => o.steps.map((s) => s.text);

describe('countRound: is the round valid', () => {
  it('is void when one more ballot comes back than was issued, and fine when as many', () => {
    const ballots = many(60, { a: 'yes' });
    const over = countRound(round({ due: 67, seats: 1, candidates: [A, B], ballots, issued: 59, returned: 60 }));
    expect(over.isVoid).toBe(true);
    expect(over.elected).toEqual([]);
    expect(over.next).toEqual({ kind: 'repeat', seats: 1, candidateIds: ['a', 'b'] });
    expect(texts(over)).toContain('收回选票 60 张，多于发出的 59 张，本轮投票无效');
    expect(over.steps.at(-1)).toEqual({ kind: 'next', text: '须重新投票：应选 1 名，候选人 2 名不变' });

    const equal = countRound(round({ due: 67, seats: 1, candidates: [A, B], ballots, issued: 60, returned: 60 }));
    expect(equal.isVoid).toBe(false);
    expect(texts(equal)).toContain('收回选票 60 张，不多于发出的 60 张');
  });

  it('is valid at exactly two thirds of those due and void with one ballot less', () => {
    const ok = countRound(round({ due: 66, seats: 1, candidates: [A], ballots: many(44, { a: 'yes' }) }));
    expect(ok.isVoid).toBe(false);
    expect(texts(ok)).toContain('收回选票 44 张，达到应到会人数 66 人的三分之二（至少 44 张），投票有效');
    const short = countRound(round({ due: 66, seats: 1, candidates: [A], ballots: many(43, { a: 'yes' }) }));
    expect(short.isVoid).toBe(true);
    expect(short.next.kind).toBe('repeat');
    expect(texts(short)).toContain('收回选票 43 张，不足应到会人数 66 人的三分之二（至少 44 张），本轮投票无效');
  });

  it('rounds two thirds up when due does not divide by three', () => {
    expect(countRound(round({ due: 67, seats: 1, candidates: [A], ballots: many(45, { a: 'yes' }) })).isVoid).toBe(false);
    expect(countRound(round({ due: 67, seats: 1, candidates: [A], ballots: many(44, { a: 'yes' }) })).isVoid).toBe(true);
  });

  it('is void with no ballot at all, and with an empty roll', () => {
    const none = countRound(round({ due: 10, seats: 1, candidates: [A, B], ballots: [] }));
    expect(none.isVoid).toBe(true);
    expect(none.figures).toMatchObject({ returned: 0, valid: 0, invalid: 0 });
    const empty = countRound(round({ due: 0, seats: 1, candidates: [A], ballots: [] }));
    expect(empty.isVoid).toBe(true);
    expect(texts(empty)).toContain('应到会人数为 0，本轮投票无效');
    expect(empty.next).toEqual({ kind: 'repeat', seats: 1, candidateIds: ['a'] });
  });
});

describe('countRound: ballots', () => {
  it('counts a ballot with exactly seats 赞成 and voids one with seats + 1', () => {
    const ballots = [...many(8, { a: 'yes', b: 'yes' }), ...many(2, { a: 'yes', b: 'yes', c: 'yes' })];
    const o = countRound(round({ due: 10, seats: 2, candidates: [A, B, C], ballots }));
    expect(o.figures).toMatchObject({ valid: 8, invalid: 2 });
    expect(o.tallies.find((t) => t.candidateId === 'c')).toMatchObject({ yes: 0, no: 0, abstain: 8 });
    expect(texts(o)).toContain('有效票 8 张，无效票 2 张（赞成多于应选名额 2 张）');
  });

  it('counts unmarked candidates as 弃权 and spoilt paper ballots as invalid', () => {
    const ballots = [...many(6, { a: 'yes', b: 'no' }), ...many(1, { a: 'yes' }, [], true)];
    const o = countRound(round({ due: 7, seats: 1, candidates: [A, B, C], ballots, online: 3, paper: 4 }));
    expect(o.tallies.map((t) => [t.name, t.yes, t.no, t.abstain])).toEqual([
      ['张三', 6, 0, 0],
      ['李四', 0, 6, 0],
      ['王五', 0, 0, 6],
    ]);
    expect(o.figures).toEqual({ due: 7, present: 7, issued: 7, returned: 7, valid: 6, invalid: 1, online: 3, paper: 4 });
    expect(texts(o)).toContain('有效票 6 张，无效票 1 张（无法辨认 1 张）');
    expect(texts(o)[0]).toBe('应到会 7 人，实到 7 人；发出选票 7 张，收回 7 张（手机投票 3 张，纸质选票 4 张）');
  });

  it('tallies write-ins by normalised name, and a write-in of a listed candidate as 赞成 for them', () => {
    const ballots = [...many(5, { a: 'yes' }, ['孙 七']), ...many(3, {}, ['孙七', '张三']), ...many(2, { b: 'yes' })];
    const o = countRound(round({ due: 10, seats: 2, candidates: [A, B], ballots }));
    expect(o.tallies).toEqual([
      { candidateId: 'a', name: '张三', isWriteIn: false, yes: 8, no: 0, abstain: 2, elected: true },
      { candidateId: 'b', name: '李四', isWriteIn: false, yes: 2, no: 0, abstain: 8, elected: false },
      { candidateId: null, name: '孙七', isWriteIn: true, yes: 8, no: 0, abstain: 0, elected: true },
    ]);
    expect(o.elected).toEqual([
      { candidateId: null, name: '孙七', yes: 8 },
      { candidateId: 'a', name: '张三', yes: 8 },
    ]);
    expect(texts(o)).toContain('另选人 孙七 得赞成票 8 票，超过半数');
  });

  it('refuses ballots that do not add up to the channels', () => {
    expect(() => countRound(round({ due: 3, seats: 1, candidates: [A], ballots: many(3, {}), online: 1, paper: 1 }))).toThrow(RangeError);
    expect(() => countRound(round({ due: -1, seats: 1, candidates: [A], ballots: [] }))).toThrow(RangeError);
  });
});

describe('countRound: who is elected', () => {
  it('elects with more than half of those due, not exactly half (even due)', () => {
    const ballots = [...many(33, { a: 'yes', b: 'yes' }), ...many(1, { a: 'yes', b: 'no' }), ...many(32, { a: 'no' })];
    const o = countRound(round({ due: 66, seats: 2, candidates: [A, B], ballots }));
    expect(o.elected.map((e) => e.name)).toEqual(['张三']);
    expect(texts(o)).toContain('当选须得赞成票超过应到会人数的半数：66 人的半数为 33，即至少 34 票');
    expect(texts(o)).toContain('张三 得赞成票 34 票（不赞成 32 票，弃权 0 票），超过半数');
    expect(texts(o)).toContain('李四 得赞成票 33 票（不赞成 1 票，弃权 32 票），未超过半数，不能当选');
  });

  it('needs 34 of 67 due (odd): 33 is not more than 33.5', () => {
    const ballots = [...many(33, { a: 'yes', b: 'yes' }), ...many(1, { a: 'yes' }), ...many(33, {})];
    const o = countRound(round({ due: 67, seats: 2, candidates: [A, B], ballots }));
    expect(o.elected.map((e) => e.name)).toEqual(['张三']);
    expect(texts(o)).toContain('当选须得赞成票超过应到会人数的半数：67 人的半数为 33.5，即至少 34 票');
  });

  it('takes the base from those due, not from the ballots returned', () => {
    // 50 of 67 voted; 30 赞成 is a majority of the ballots but not of those due
    const o = countRound(round({ due: 67, present: 50, seats: 1, candidates: [A], ballots: [...many(30, { a: 'yes' }), ...many(20, {})] }));
    expect(o.elected).toEqual([]);
    expect(o.next).toEqual({ kind: 'vacancies', seats: 1, candidateIds: ['a'] });
  });

  it('fills the seats exactly and calls for nothing more', () => {
    const o = countRound(round({ due: 10, seats: 2, candidates: [A, B, C], ballots: [...many(7, { a: 'yes', b: 'yes' }), ...many(3, { c: 'yes' })] }));
    expect(o.elected.map((e) => e.name)).toEqual(['李四', '张三']);
    expect(o.next).toEqual({ kind: 'none', seats: 0, candidateIds: [] });
    expect(o.steps.at(-1)).toEqual({ kind: 'next', text: '应选 2 名，当选 2 名，名额已满' });
    expect(o.steps.filter((s) => s.kind === 'elected').map((s) => s.text)).toEqual(['张三 当选（赞成票 7 票）', '李四 当选（赞成票 7 票）']);
  });

  it('elects the most 赞成 when more than seats are over half', () => {
    const ballots = [...many(6, { a: 'yes', b: 'yes' }), ...many(4, { c: 'yes', a: 'yes' }), ...many(3, { c: 'yes', b: 'yes' })];
    // 张三 10, 李四 9, 王五 7: all over 6.5, 王五 third
    const o = countRound(round({ due: 13, seats: 2, candidates: [A, B, C], ballots }));
    expect(o.tallies.map((t) => t.yes)).toEqual([10, 9, 7]);
    expect(o.elected.map((e) => e.name)).toEqual(['李四', '张三']);
    expect(o.next.kind).toBe('none');
    expect(texts(o)).toContain('超过半数的有 3 人，多于应选 2 名，按赞成票多少确定当选人');
    expect(texts(o)).toContain('王五 得赞成票 7 票，虽超过半数，但未进入前 2 名，不当选');
    expect(o.steps.filter((s) => s.kind === 'elected').map((s) => s.text)).toEqual(['张三 当选（赞成票 10 票）', '李四 当选（赞成票 9 票）']);
  });

  it('elects none of two tied for the last seat and calls a round among them', () => {
    const ballots = [...many(5, { a: 'yes', b: 'yes' }), ...many(5, { b: 'yes', c: 'yes' }), ...many(2, { a: 'yes', c: 'yes' })];
    // 张三 7, 李四 10, 王五 7, all over 6 of 12 due; 2 seats
    const o = countRound(round({ due: 12, seats: 2, candidates: [A, B, C], ballots }));
    expect(o.tallies.map((t) => t.yes)).toEqual([7, 10, 7]);
    expect(o.elected.map((e) => e.name)).toEqual(['李四']);
    expect(o.tallies.filter((t) => t.elected).map((t) => t.name)).toEqual(['李四']);
    expect(o.next).toEqual({ kind: 'tie', seats: 1, candidateIds: ['a', 'c'] });
    expect(o.steps.filter((s) => s.kind === 'tie').map((s) => s.text)).toEqual(['张三、王五 均得赞成票 7 票，并列争 1 个名额，均不当选']);
    expect(o.steps.at(-1)).toEqual({ kind: 'next', text: '下一轮：在并列的 张三、王五 中选出 1 名' });
  });

  it('elects none of 3 tied for 2 seats, and nobody when none is over half', () => {
    const ballots = [...many(3, { a: 'yes', b: 'yes' }), ...many(2, { a: 'yes', c: 'yes' }), ...many(2, { b: 'yes', c: 'yes' }), ...many(1, { c: 'yes' }), ...many(1, {})];
    // 张三 5, 李四 5, 王五 5; 9 due → over 4.5
    const o = countRound(round({ due: 9, seats: 2, candidates: [A, B, C, D], ballots }));
    expect(o.tallies.map((t) => t.yes)).toEqual([5, 5, 5, 0]);
    expect(o.elected).toEqual([]);
    expect(o.next).toEqual({ kind: 'tie', seats: 2, candidateIds: ['a', 'b', 'c'] });
    // with 10 due, 5 is exactly half: nobody elected, a round for both seats among all
    const p = countRound(round({ due: 10, seats: 2, candidates: [A, B, C, D], ballots }));
    expect(p.elected).toEqual([]);
    expect(p.next).toEqual({ kind: 'vacancies', seats: 2, candidateIds: ['a', 'b', 'c', 'd'] });
  });

  it('with 4 tied for 3 seats elects none; with one above them elects that one', () => {
    const ballots = [...many(4, { a: 'yes', b: 'yes', c: 'yes' }), ...many(4, { a: 'yes', d: 'yes', e: 'yes' }), ...many(4, { b: 'yes', c: 'yes', d: 'yes' })];
    // 张三 8, 李四 8, 王五 8, 赵六 8, 刘七 4 of 12 due
    const tied = countRound(round({ due: 12, seats: 3, candidates: [A, B, C, D, E], ballots }));
    expect(tied.elected).toEqual([]);
    expect(tied.next).toEqual({ kind: 'tie', seats: 3, candidateIds: ['a', 'b', 'c', 'd'] });

    const o = countRound(round({ due: 13, seats: 3, candidates: [A, B, C, D, E], ballots: [...ballots, ...many(1, { a: 'yes' })] }));
    // 张三 9 above; 李四, 王五, 赵六 8 tied for the 2 seats left
    expect(o.elected.map((e) => e.name)).toEqual(['张三']);
    expect(o.next).toEqual({ kind: 'tie', seats: 2, candidateIds: ['b', 'c', 'd'] });
    expect(texts(o)).toContain('李四、王五、赵六 均得赞成票 8 票，并列争 2 个名额，均不当选');
  });

  it('elects a tie above the cut-off', () => {
    const ballots = [...many(5, { a: 'yes', b: 'yes' }), ...many(4, { a: 'yes', c: 'yes' }), ...many(4, { b: 'yes', c: 'yes' })];
    // 张三 9, 李四 9, 王五 8 of 13 due: all over half, the tie at 9 is within the 2 seats
    const o = countRound(round({ due: 13, seats: 2, candidates: [A, B, C], ballots }));
    expect(o.tallies.map((t) => t.yes)).toEqual([9, 9, 8]);
    expect(o.elected.map((e) => e.name)).toEqual(['李四', '张三']);
    expect(o.next.kind).toBe('none');
    expect(o.steps.some((s) => s.kind === 'tie')).toBe(false);
  });

  it('calls a round for the empty seats among the rest when too few are elected', () => {
    const ballots = [...many(6, { b: 'yes' }), ...many(3, { c: 'yes' }), ...many(1, { d: 'yes' })];
    const o = countRound(round({ due: 10, seats: 3, candidates: [A, B, C, D], ballots }));
    expect(o.elected.map((e) => e.name)).toEqual(['李四']);
    expect(o.next).toEqual({ kind: 'vacancies', seats: 2, candidateIds: ['a', 'c', 'd'] });
    expect(o.steps.at(-1)).toEqual({ kind: 'next', text: '应选 3 名，当选 1 名，尚缺 2 名；下一轮在未当选的 3 名候选人中选举 2 名' });
  });

  it('calls for new nominations when no listed candidate is left', () => {
    const o = countRound(round({ due: 10, seats: 3, candidates: [A, B], ballots: many(10, { a: 'yes', b: 'yes' }) }));
    expect(o.elected.map((e) => e.name)).toEqual(['李四', '张三']);
    expect(o.next).toEqual({ kind: 'none', seats: 1, candidateIds: [] });
    expect(o.steps.at(-1)?.text).toBe('应选 3 名，当选 2 名，尚缺 1 名；已无未当选的候选人，须另行提名');
  });

  it('elects nobody from blank ballots and keeps every candidate for the next round', () => {
    const o = countRound(round({ due: 10, seats: 2, candidates: [A, B, C], ballots: many(10, {}) }));
    expect(o.elected).toEqual([]);
    expect(o.next).toEqual({ kind: 'vacancies', seats: 2, candidateIds: ['a', 'b', 'c'] });
  });

  it('falls back to a round among the rest when only written-in names are tied', () => {
    const ballots = [...many(4, { a: 'yes' }, ['孙七']), ...many(4, { a: 'yes' }, ['周八']), ...many(3, {}, ['孙七', '周八'])];
    // 张三 8, 孙七 7, 周八 7 of 11 due: 张三 elected, the two written-in names tied for the last seat
    const o = countRound(round({ due: 11, seats: 2, candidates: [A, B], ballots }));
    expect(o.elected.map((e) => e.name)).toEqual(['张三']);
    expect(texts(o)).toContain('孙七、周八 均得赞成票 7 票，并列争 1 个名额，均不当选');
    expect(o.next).toEqual({ kind: 'vacancies', seats: 1, candidateIds: ['b'] });
  });

  it('sums up written-in names below half in one step', () => {
    const ballots = [...many(8, { a: 'yes' }), ...many(1, {}, ['孙七']), ...many(1, {}, ['周八'])];
    const o = countRound(round({ due: 10, seats: 1, candidates: [A], ballots }));
    expect(texts(o)).toContain('另选他人 2 人，得票均未超过半数，不能当选');
    expect(o.tallies.filter((t) => t.isWriteIn).map((t) => t.name)).toEqual(['孙七', '周八']);
  });
});
