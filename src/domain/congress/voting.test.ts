import { describe, expect, it } from 'vitest';
import { paperTallyProblem, quorum, quorumProblem, voteOutcome, votePasses } from './voting.js';

describe('quorum', () => {
  it('is met at exactly two thirds: 45 of 67 yes, 44 of 67 no', () => {
    expect(quorum(45, 67)).toEqual({ met: true, required: 45, missing: 0 });
    expect(quorum(44, 67)).toEqual({ met: false, required: 45, missing: 1 });
  });

  it('needs exactly two thirds when the expected number divides by three', () => {
    expect(quorum(44, 66)).toEqual({ met: true, required: 44, missing: 0 });
    expect(quorum(43, 66)).toEqual({ met: false, required: 44, missing: 1 });
    expect(quorum(2, 3)).toEqual({ met: true, required: 2, missing: 0 });
    expect(quorum(1, 3)).toEqual({ met: false, required: 2, missing: 1 });
  });

  it('rounds two thirds up for the other remainders', () => {
    // 2·68/3 = 45.33 → 46; 2·67/3 = 44.67 → 45
    expect(quorum(46, 68)).toEqual({ met: true, required: 46, missing: 0 });
    expect(quorum(45, 68)).toEqual({ met: false, required: 46, missing: 1 });
    expect(quorum(1, 1)).toEqual({ met: true, required: 1, missing: 0 });
    expect(quorum(0, 1)).toEqual({ met: false, required: 1, missing: 1 });
    expect(quorum(2, 2)).toEqual({ met: true, required: 2, missing: 0 });
    expect(quorum(1, 2)).toEqual({ met: false, required: 2, missing: 1 });
  });

  it('counts how many more are needed from far below', () => {
    expect(quorum(0, 67)).toEqual({ met: false, required: 45, missing: 45 });
    expect(quorum(30, 67)).toEqual({ met: false, required: 45, missing: 15 });
  });

  it('is met when everyone is present, and never with nobody expected', () => {
    expect(quorum(67, 67)).toEqual({ met: true, required: 45, missing: 0 });
    expect(quorum(0, 0)).toEqual({ met: false, required: 0, missing: 0 });
  });

  it('agrees with present × 3 ≥ expected × 2 for every roster up to 120', () => {
    for (let expected = 1; expected <= 120; expected++) {
      for (let present = 0; present <= expected; present++) {
        const q = quorum(present, expected);
        expect(q.met, `${present}/${expected}`).toBe(present * 3 >= expected * 2);
        expect(q.met, `${present}/${expected}`).toBe(present >= q.required);
        expect(q.required * 3 >= expected * 2 && (q.required - 1) * 3 < expected * 2, `${expected}`).toBe(true);
      }
    }
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => quorum(-1, 67)).toThrow(RangeError);
    expect(() => quorum(44.5, 67)).toThrow(RangeError);
    expect(() => quorum(44, Number.NaN)).toThrow(RangeError);
  });
});

describe('quorumProblem', () => {
  it('says how many more must arrive', () => {
    expect(quorumProblem(44, 67)).toBe('实到 44 人，未达到应到 67 人的三分之二（45 人），还需 1 人到会才能表决');
    expect(quorumProblem(30, 67)).toBe('实到 30 人，未达到应到 67 人的三分之二（45 人），还需 15 人到会才能表决');
  });

  it('is silent once the quorum is met', () => {
    expect(quorumProblem(45, 67)).toBeNull();
    expect(quorumProblem(67, 67)).toBeNull();
  });

  it('explains a vote with nobody expected', () => {
    expect(quorumProblem(0, 0)).toBe('应到 0 人，没有可以参加表决的人员，不能表决');
  });
});

describe('votePasses', () => {
  it('does not pass at exactly half, passes at half + 1', () => {
    expect(votePasses(33, 66)).toBe(false);
    expect(votePasses(34, 66)).toBe(true);
  });

  it('needs more than half of an odd base: 34 of 67 passes, 33 does not', () => {
    expect(votePasses(33, 67)).toBe(false);
    expect(votePasses(34, 67)).toBe(true);
  });

  it('counts against all representatives, so a unanimous vote of the present can fail', () => {
    // 45 of 100 present all vote yes: 45 is not more than half of 100.
    expect(votePasses(45, 100)).toBe(false);
    expect(votePasses(51, 100)).toBe(true);
  });

  it('passes nothing with an empty base', () => {
    expect(votePasses(0, 0)).toBe(false);
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => votePasses(-1, 10)).toThrow(RangeError);
    expect(() => votePasses(3, 6.5)).toThrow(RangeError);
  });
});

describe('voteOutcome', () => {
  it('gives the rule and the arithmetic of a passed vote', () => {
    expect(voteOutcome({ base: 67, present: 50, yes: 34, no: 10, abstain: 6 })).toEqual({
      passed: true,
      text: '应到 67 人，实到 50 人；赞成 34 票、反对 10 票、弃权 6 票。赞成票超过全体代表的半数（67 人的半数为 33.5），通过。',
    });
  });

  it('fails one vote short', () => {
    expect(voteOutcome({ base: 67, present: 50, yes: 33, no: 10, abstain: 7 })).toEqual({
      passed: false,
      text: '应到 67 人，实到 50 人；赞成 33 票、反对 10 票、弃权 7 票。赞成票未超过全体代表的半数（67 人的半数为 33.5），未通过。',
    });
  });

  it('says so when the yes votes are exactly half', () => {
    expect(voteOutcome({ base: 66, present: 60, yes: 33, no: 20, abstain: 7 })).toEqual({
      passed: false,
      text: '应到 66 人，实到 60 人；赞成 33 票、反对 20 票、弃权 7 票。赞成票恰好为半数，未超过全体代表的半数（66 人的半数为 33），未通过。',
    });
    expect(voteOutcome({ base: 66, present: 60, yes: 34, no: 19, abstain: 7 }).passed).toBe(true);
  });

  it('fails a vote most of those present approved when many are absent', () => {
    const outcome = voteOutcome({ base: 67, present: 45, yes: 33, no: 2, abstain: 10 });
    expect(outcome.passed).toBe(false);
    expect(outcome.text).toContain('67 人的半数为 33.5');
  });

  it('names present voters who cast no ballot', () => {
    expect(voteOutcome({ base: 67, present: 50, yes: 40, no: 5, abstain: 3 }).text).toBe(
      '应到 67 人，实到 50 人；赞成 40 票、反对 5 票、弃权 3 票，未投票 2 人。赞成票超过全体代表的半数（67 人的半数为 33.5），通过。',
    );
  });
});

describe('voteOutcome in an all-staff meeting (教职工大会)', () => {
  it('names all staff as the base, passing and failing', () => {
    expect(voteOutcome({ base: 12, present: 10, yes: 7, no: 2, abstain: 1 }, { voters: 'staff' })).toEqual({
      passed: true,
      text: '应到 12 人，实到 10 人；赞成 7 票、反对 2 票、弃权 1 票。赞成票超过全体教职工的半数（12 人的半数为 6），通过。',
    });
    expect(voteOutcome({ base: 12, present: 10, yes: 6, no: 3, abstain: 1 }, { voters: 'staff' })).toEqual({
      passed: false,
      text: '应到 12 人，实到 10 人；赞成 6 票、反对 3 票、弃权 1 票。赞成票恰好为半数，未超过全体教职工的半数（12 人的半数为 6），未通过。',
    });
    expect(voteOutcome({ base: 13, present: 10, yes: 5, no: 3, abstain: 1 }, { voters: 'staff' }).text).toBe(
      '应到 13 人，实到 10 人；赞成 5 票、反对 3 票、弃权 1 票，未投票 1 人。赞成票未超过全体教职工的半数（13 人的半数为 6.5），未通过。',
    );
  });

  it('keeps the representatives’ wording by default and when asked for', () => {
    const v = { base: 67, present: 50, yes: 34, no: 10, abstain: 6 };
    expect(voteOutcome(v, { voters: 'representatives' })).toEqual(voteOutcome(v));
    expect(voteOutcome(v, {}).text).toContain('赞成票超过全体代表的半数');
  });
});

describe('paperTallyProblem', () => {
  it('accepts totals up to the number present', () => {
    expect(paperTallyProblem({ present: 50, yes: 34, no: 10, abstain: 6 })).toBeNull();
    expect(paperTallyProblem({ present: 50, yes: 30, no: 10, abstain: 6 })).toBeNull();
    expect(paperTallyProblem({ present: 0, yes: 0, no: 0, abstain: 0 })).toBeNull();
  });

  it('refuses more ballots than people present, by one', () => {
    expect(paperTallyProblem({ present: 50, yes: 35, no: 10, abstain: 6 })).toBe('赞成、反对、弃权合计 51 票，超过实到人数 50 人');
  });

  it('refuses negative or fractional counts, naming the option', () => {
    expect(paperTallyProblem({ present: 50, yes: -1, no: 10, abstain: 6 })).toBe('赞成票数应为 0 或正整数');
    expect(paperTallyProblem({ present: 50, yes: 30, no: 1.5, abstain: 6 })).toBe('反对票数应为 0 或正整数');
    expect(paperTallyProblem({ present: 50, yes: 30, no: 1, abstain: Number.NaN })).toBe('弃权票数应为 0 或正整数');
  });
});
