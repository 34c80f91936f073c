import { describe, expect, it } from 'vitest';
import { candidateRule, electionQuorumProblem, extraCandidatesNeeded, isDifferential, startRefusal } from './candidates.js';

describe('extraCandidatesNeeded', () => {
  it('is ⌈seats × 5 %⌉ at the default percentage', () => {
    const table: [number, number][] = [
      [1, 1],
      [7, 1],
      [20, 1],
      [21, 2],
      [40, 2],
      [41, 3],
      [99, 5],
    ];
    for (const [seats, extra] of table) expect(extraCandidatesNeeded(seats, 5), `${seats}`).toBe(extra);
  });

  it('rounds up for other percentages and is 0 at 0 %', () => {
    expect(extraCandidatesNeeded(10, 10)).toBe(1);
    expect(extraCandidatesNeeded(11, 10)).toBe(2);
    expect(extraCandidatesNeeded(7, 20)).toBe(2);
    expect(extraCandidatesNeeded(5, 20)).toBe(1);
    expect(extraCandidatesNeeded(7, 0)).toBe(0);
    expect(extraCandidatesNeeded(0, 5)).toBe(0);
  });

  it('is the smallest whole number of at least seats × percent / 100, for every seat count and percentage', () => {
    for (let seats = 0; seats <= 99; seats++) {
      for (let percent = 0; percent <= 100; percent++) {
        const extra = extraCandidatesNeeded(seats, percent);
        expect(extra * 100 >= seats * percent && (extra - 1) * 100 < seats * percent, `${seats} ${percent}`).toBe(true);
      }
    }
  });

  it('refuses what is not a whole number', () => {
    expect(() => extraCandidatesNeeded(-1, 5)).toThrow(RangeError);
    expect(() => extraCandidatesNeeded(7, 2.5)).toThrow(RangeError);
  });
});

describe('candidateRule', () => {
  it('states the 差额 rule of a committee with its arithmetic', () => {
    expect(isDifferential('committee')).toBe(true);
    expect(candidateRule('committee', 7, 5)).toBe('差额选举：应选 7 名，候选人应比应选名额多至少 1 人（7 × 5% = 0.35，向上取整为 1），即至少 8 名');
    expect(candidateRule('committee', 20, 5)).toBe('差额选举：应选 20 名，候选人应比应选名额多至少 1 人（20 × 5% = 1），即至少 21 名');
    expect(candidateRule('committee', 41, 5)).toBe('差额选举：应选 41 名，候选人应比应选名额多至少 3 人（41 × 5% = 2.05，向上取整为 3），即至少 44 名');
  });

  it('keeps at least one extra candidate for a committee even at 0 %', () => {
    expect(candidateRule('committee', 7, 0)).toBe('差额选举：应选 7 名，候选人应比应选名额多至少 1 人（差额比例为 0，至少也须多 1 人），即至少 8 名');
  });

  it('allows 等额 for the other positions', () => {
    for (const position of ['chair', 'vice_chair', 'audit', 'women', 'representative'] as const) {
      expect(isDifferential(position)).toBe(false);
      expect(candidateRule(position, 3, 5)).toBe('可以等额选举：候选人不少于应选名额 3 名即可');
    }
  });
});

describe('startRefusal', () => {
  it('refuses a committee election without the extra candidates, naming both numbers', () => {
    expect(startRefusal('committee', 7, 7, 5)).toBe('差额选举须有至少 8 名候选人（应选 7 名，多至少 1 人），现有 7 名，还差 1 名');
    expect(startRefusal('committee', 21, 22, 5)).toBe('差额选举须有至少 23 名候选人（应选 21 名，多至少 2 人），现有 22 名，还差 1 名');
    expect(startRefusal('committee', 7, 3, 5)).toBe('差额选举须有至少 8 名候选人（应选 7 名，多至少 1 人），现有 3 名，还差 5 名');
  });

  it('lets a committee election start at exactly seats + extra', () => {
    expect(startRefusal('committee', 7, 8, 5)).toBeNull();
    expect(startRefusal('committee', 21, 23, 5)).toBeNull();
    expect(startRefusal('committee', 41, 44, 5)).toBeNull();
    expect(startRefusal('committee', 41, 43, 5)).not.toBeNull();
    expect(startRefusal('committee', 7, 7, 0)).not.toBeNull();
  });

  it('allows 等额 for a chair and refuses fewer candidates than seats', () => {
    expect(startRefusal('chair', 1, 1, 5)).toBeNull();
    expect(startRefusal('vice_chair', 2, 2, 5)).toBeNull();
    expect(startRefusal('vice_chair', 2, 3, 5)).toBeNull();
    expect(startRefusal('vice_chair', 2, 1, 5)).toBe('候选人 1 名，少于应选名额 2 名，还差 1 名');
  });

  it('refuses an election without candidates', () => {
    expect(startRefusal('chair', 1, 0, 5)).toBe('还没有候选人，不能开始选举');
    expect(startRefusal('committee', 7, 0, 5)).toBe('还没有候选人，不能开始选举');
  });
});

describe('electionQuorumProblem', () => {
  it('needs two thirds of those due present and says how many more', () => {
    expect(electionQuorumProblem(45, 67)).toBeNull();
    expect(electionQuorumProblem(44, 67)).toBe('实到 44 人，未达到应到 67 人的三分之二（45 人），还需 1 人到会才能投票');
    expect(electionQuorumProblem(44, 66)).toBeNull();
    expect(electionQuorumProblem(43, 66)).toBe('实到 43 人，未达到应到 66 人的三分之二（44 人），还需 1 人到会才能投票');
  });

  it('cannot vote with nobody due', () => {
    expect(electionQuorumProblem(0, 0)).toBe('应到 0 人，没有可以参加投票的人员，不能投票');
  });
});
