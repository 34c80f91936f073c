import { describe, expect, it } from 'vitest';
import type { Tracker } from './elections-types';
import { recountTracker } from './recount';

const candidates = [
  { id: 'a', name: '王芳' },
  { id: 'b', name: '李强' },
];
type Ballot = Tracker['ballots'][number];
const online = (receipt: string, marks: Ballot['marks'], writeIns: string[] = [], isVoid = false): Ballot => ({ receipt, paperNo: null, isVoid, marks, writeIns });
const paper = (no: number, marks: Ballot['marks'], writeIns: string[] = [], isVoid = false): Ballot => ({ receipt: null, paperNo: no, isVoid, marks, writeIns });

function tracker(ballots: Ballot[], tallies: Tracker['outcome']['tallies'], valid: number, invalid: number): Tracker {
  return {
    roundNumber: 1,
    seats: 2,
    candidates,
    ballots,
    outcome: {
      isVoid: false,
      figures: { due: 5, present: 5, issued: 2, returned: ballots.length, valid, invalid, online: 0, paper: 0 },
      tallies,
      elected: [],
      next: { kind: 'none', seats: 0, candidateIds: [] },
      steps: [],
    },
  };
}
const tally = (candidateId: string | null, name: string, yes: number, no: number, abstain: number) => ({ candidateId, name, isWriteIn: candidateId === null, yes, no, abstain, elected: false });

const ballots = [
  online('AAAA-1111', { a: 'yes', b: 'no' }),
  online('BBBB-2222', { a: 'yes' }, ['赵敏']),
  paper(1, { b: 'yes' }, ['王 芳']),
  paper(2, {}, [], true),
  online('CCCC-3333', { a: 'yes', b: 'yes' }, ['赵敏'], true),
];

describe('recountTracker', () => {
  it('matches a correct publication: unmarked = 弃权, a write-in of a listed name = 赞成, void ballots left out', () => {
    const t = tracker(ballots, [tally('a', '王芳', 3, 0, 0), tally('b', '李强', 1, 1, 1), tally(null, '赵敏', 1, 0, 0)], 3, 2);
    const r = recountTracker(t, 1);
    expect(r.rows.map((x) => [x.name, x.counted])).toEqual([
      ['王芳', { yes: 3, no: 0, abstain: 0 }],
      ['李强', { yes: 1, no: 1, abstain: 1 }],
      ['赵敏', { yes: 1, no: 0, abstain: 0 }],
    ]);
    // Ballot 2 (王芳 + 赵敏) and paper 1 (李强 + 王芳) have 2 赞成 for 1 seat — flagged as counted valid.
    expect(r.ruleProblems).toEqual(['查验码 BBBB-2222：赞成 2 人，多于应选 1 名，却计为有效票', '纸质第 1 号：赞成 2 人，多于应选 1 名，却计为有效票']);
    expect(r.isAllMatch).toBe(false);
    expect(recountTracker(t, 2).isAllMatch).toBe(true);
    expect(recountTracker(t, null).isAllMatch).toBe(true);
  });
  it('finds a wrong total, a missing write-in and wrong figures', () => {
    const t = tracker(ballots, [tally('a', '王芳', 2, 0, 1), tally('b', '李强', 1, 1, 1)], 3, 1);
    const r = recountTracker(t, 2);
    expect(r.rows.find((x) => x.name === '王芳')?.isMatch).toBe(false);
    expect(r.rows.find((x) => x.name === '李强')?.isMatch).toBe(true);
    expect(r.rows.find((x) => x.name === '赵敏')).toMatchObject({ published: null, isMatch: false });
    expect(r.isFiguresMatch).toBe(false);
    expect(r.isAllMatch).toBe(false);
  });
  it('flags an online ballot counted void that was within the seats', () => {
    const t = tracker([online('DDDD-4444', { a: 'yes' }, [], true)], [tally('a', '王芳', 0, 0, 0), tally('b', '李强', 0, 0, 0)], 0, 1);
    expect(recountTracker(t, 1).ruleProblems).toEqual(['查验码 DDDD-4444：赞成 1 人，未超过应选 1 名，却计为无效票']);
  });
});
