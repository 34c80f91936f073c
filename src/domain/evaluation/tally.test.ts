import { describe, expect, it } from 'vitest';
import type { EvaluationGroup } from '../../contracts/evaluations.js';
import { tallyEvaluation, type EvaluationTallyDefinition, type TalliedBallot } from './tally.js';

const def: EvaluationTallyDefinition = {
  targets: [
    { key: 't1', name: '张三', post: '校长' },
    { key: 't2', name: '李四', post: '副校长' },
  ],
  dimensions: ['政治思想', '民主作风'],
  grades: ['好', '较好', '一般', '差'],
  overallGrades: ['优秀', '称职', '基本称职', '不称职'],
};

function ballots(n: number, voterGroup: EvaluationGroup | null, t1: number[] = [0, 0, 0], t2: number[] = [1, 1, 1]): TalliedBallot[] {
  return Array.from({ length: n }, () => ({ voterGroup, ratings: [t1, t2] }));
}

describe('tallyEvaluation', () => {
  it('counts each grade per dimension and overall with its share in ‰', () => {
    const all = [...ballots(2, 'teacher', [0, 1, 0]), ...ballots(1, 'teacher', [2, 1, 3]), ...ballots(3, 'teacher')];
    const r = tallyEvaluation(def, all, { eligible: 8, min: 5, comments: [] });
    expect(r).toMatchObject({ eligible: 8, cast: 6, participationPermille: 750, participationText: '应参评 8 人，实际参评 6 人，参评率 75.0%', minGroupSize: 5 });
    expect(r.targets![0]).toEqual({
      key: 't1',
      name: '张三',
      post: '校长',
      dimensions: [
        { counts: [5, 0, 1, 0], permille: [833, 0, 167, 0] },
        { counts: [3, 3, 0, 0], permille: [500, 500, 0, 0] },
      ],
      overall: { counts: [5, 0, 0, 1], permille: [833, 0, 0, 167] },
      comments: [],
    });
    expect(r.targets![1].overall).toEqual({ counts: [0, 6, 0, 0], permille: [0, 1000, 0, 0] });
  });

  it('shows no figure when fewer ballots were cast than the minimum, and all at exactly the minimum', () => {
    const four = tallyEvaluation(def, ballots(4, 'teacher'), { eligible: 67, min: 5, comments: [{ targetKey: 't1', body: '好' }] });
    expect(four.targets).toBeNull();
    expect(four.groups).toEqual([]);
    expect(four.hiddenGroupsNote).toBe('实际参评 4 人，不足 5 人，不公布测评结果');
    expect(four.participationText).toBe('应参评 67 人，实际参评 4 人，参评率 6.0%');
    const five = tallyEvaluation(def, ballots(5, 'teacher'), { eligible: 67, min: 5, comments: [] });
    expect(five.targets).toHaveLength(2);
    expect(five.groups.map((g) => [g.group, g.label, g.cast])).toEqual([['teacher', '教师', 5]]);
  });

  it('shows nothing without ballots', () => {
    const r = tallyEvaluation(def, [], { eligible: 0, min: 5, comments: [] });
    expect(r).toMatchObject({ cast: 0, participationPermille: 0, participationText: '应参评 0 人，实际参评 0 人', targets: null, groups: [] });
  });

  it('gives each target its comments in the order given', () => {
    const comments = [
      { targetKey: 't2', body: '乙' },
      { targetKey: 't1', body: '甲' },
      { targetKey: 't2', body: '丙' },
    ];
    const r = tallyEvaluation(def, ballots(5, 'teacher'), { eligible: 5, min: 5, comments });
    expect(r.targets!.map((t) => t.comments)).toEqual([['甲'], ['乙', '丙']]);
  });

  it('breaks down by the groups that may be shown, with their own shares', () => {
    const all = [...ballots(60, 'teacher'), ...ballots(8, 'staff', [3, 3, 3]), ...ballots(2, 'worker')];
    const r = tallyEvaluation(def, all, { eligible: 75, min: 5, comments: [] });
    expect(r.groups.map((g) => [g.group, g.cast])).toEqual([['teacher', 60]]);
    expect(r.groups[0].targets[0].overall).toEqual({ counts: [60, 0, 0, 0], permille: [1000, 0, 0, 0] });
    expect(r.groups[0].targets[0]).not.toHaveProperty('comments');
    expect(r.hiddenGroupsNote).toBe('工勤 参评人数不足 5 人，不单独列出；为免从合计中推算，职员 也不单独列出');
    expect(r.targets![0].overall).toEqual({ counts: [62, 0, 0, 8], permille: [886, 0, 0, 114] });
  });

  it('shows every group of at least the minimum in 教师, 职员, 工勤, 其他 order', () => {
    const all = [...ballots(5, 'other'), ...ballots(9, 'worker'), ...ballots(20, 'teacher'), ...ballots(6, 'staff')];
    const r = tallyEvaluation(def, all, { eligible: 40, min: 5, comments: [] });
    expect(r.groups.map((g) => [g.label, g.cast])).toEqual([
      ['教师', 20],
      ['职员', 6],
      ['工勤', 9],
      ['其他', 5],
    ]);
    expect(r.hiddenGroupsNote).toBeNull();
  });

  it('counts ballots without a recorded group in the total only', () => {
    const all = [...ballots(30, 'teacher'), ...ballots(3, null)];
    const r = tallyEvaluation(def, all, { eligible: 40, min: 5, comments: [] });
    expect(r.cast).toBe(33);
    expect(r.groups).toEqual([]);
    const enough = tallyEvaluation(def, [...ballots(30, 'teacher'), ...ballots(5, null)], { eligible: 40, min: 5, comments: [] });
    expect(enough.groups.map((g) => g.group)).toEqual(['teacher']);
    expect(enough.hiddenGroupsNote).toBe('所在类别人数不足 5 人的参评人员，不单独列出');
  });

  it('refuses a stored ballot that does not fit the evaluation', () => {
    expect(() => tallyEvaluation(def, [...ballots(4, 'teacher'), { voterGroup: 'teacher', ratings: [[0, 0], [0, 0, 0]] }], { eligible: 5, min: 5, comments: [] })).toThrow(RangeError);
    expect(() => tallyEvaluation(def, ballots(5, 'teacher', [4, 0, 0]), { eligible: 5, min: 5, comments: [] })).toThrow(RangeError);
    expect(() => tallyEvaluation(def, ballots(5, 'teacher', [0, 0, 4]), { eligible: 5, min: 5, comments: [] })).toThrow(RangeError);
  });
});
