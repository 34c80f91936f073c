import { describe, expect, it } from 'vitest';
import type { BallotInput } from '../../contracts/evaluations.js';
import { validateBallot, type EvaluationBallotDefinition } from './ballot.js';

const def: EvaluationBallotDefinition = {
  targets: [
    { key: 't1', name: '张三' },
    { key: 't2', name: '李四' },
  ],
  dimensions: ['政治思想', '民主作风'],
  grades: ['好', '较好', '一般', '差'],
  overallGrades: ['优秀', '称职', '基本称职', '不称职'],
  allowComments: true,
};

type Rating = BallotInput['ratings'][number];
const rating = (targetKey: string, grades: number[], overall: number, comment = ''): Rating => ({ targetKey, grades, overall, comment });
const errorsOf = (d: EvaluationBallotDefinition, input: BallotInput) => {
  const v = validateBallot(d, input);
  return v.ok ? [] : v.errors;
};

describe('validateBallot', () => {
  it('returns the ratings in the order of the targets, each grades then overall, and the non-empty comments trimmed', () => {
    const v = validateBallot(def, { ratings: [rating('t2', [3, 2], 1, '  多听群众意见 '), rating('t1', [0, 1], 0, '   ')] });
    expect(v).toEqual({
      ok: true,
      ratings: [
        [0, 1, 0],
        [3, 2, 1],
      ],
      comments: [{ targetKey: 't2', body: '多听群众意见' }],
    });
  });

  it('names every target left out', () => {
    expect(errorsOf(def, { ratings: [rating('t1', [0, 0], 0)] })).toEqual([{ path: 'ratings', message: '请完成对 李四 的评价' }]);
    expect(errorsOf(def, { ratings: [] })).toEqual([
      { path: 'ratings', message: '请完成对 张三 的评价' },
      { path: 'ratings', message: '请完成对 李四 的评价' },
    ]);
  });

  it('refuses a target rated twice and one not in the evaluation', () => {
    expect(errorsOf(def, { ratings: [rating('t1', [0, 0], 0), rating('t2', [0, 0], 0), rating('t1', [1, 1], 1)] })).toEqual([
      { path: 'ratings.2.targetKey', message: '对 张三 的评价重复了' },
    ]);
    expect(errorsOf(def, { ratings: [rating('t1', [0, 0], 0), rating('t2', [0, 0], 0), rating('zz', [0, 0], 0)] })).toEqual([
      { path: 'ratings.2.targetKey', message: '第 3 项评价的测评对象不在本次测评中' },
    ]);
  });

  it('asks for each dimension left without a grade, by name', () => {
    expect(errorsOf(def, { ratings: [rating('t1', [0], 0), rating('t2', [], 0)] })).toEqual([
      { path: 'ratings.0.grades.1', message: '请为 张三 的「民主作风」选择等次' },
      { path: 'ratings.1.grades.0', message: '请为 李四 的「政治思想」选择等次' },
      { path: 'ratings.1.grades.1', message: '请为 李四 的「民主作风」选择等次' },
    ]);
  });

  it('refuses more grades than dimensions and grades outside the scale', () => {
    expect(errorsOf(def, { ratings: [rating('t1', [0, 0, 0], 0), rating('t2', [4, -1], 0)] })).toEqual([
      { path: 'ratings.0.grades', message: '张三 的测评项目有 2 项，提交了 3 项' },
      { path: 'ratings.1.grades.0', message: '李四 的「政治思想」等次无效' },
      { path: 'ratings.1.grades.1', message: '李四 的「民主作风」等次无效' },
    ]);
    expect(errorsOf(def, { ratings: [rating('t1', [3, 3], 3), rating('t2', [1.5, 0], 0)] })).toEqual([{ path: 'ratings.1.grades.0', message: '李四 的「政治思想」等次无效' }]);
  });

  it('checks the overall grade', () => {
    expect(errorsOf(def, { ratings: [rating('t1', [0, 0], 4), rating('t2', [0, 0], -1)] })).toEqual([
      { path: 'ratings.0.overall', message: '张三 的总体评价等次无效' },
      { path: 'ratings.1.overall', message: '李四 的总体评价等次无效' },
    ]);
    const missing = { targetKey: 't2', grades: [0, 0], comment: '' } as unknown as Rating;
    expect(errorsOf(def, { ratings: [rating('t1', [0, 0], 0), missing] })).toEqual([{ path: 'ratings.1.overall', message: '请选择 李四 的总体评价' }]);
  });

  it('refuses a comment where none is collected, and accepts a blank one', () => {
    const closed = { ...def, allowComments: false };
    expect(errorsOf(closed, { ratings: [rating('t1', [0, 0], 0, '很好'), rating('t2', [0, 0], 0)] })).toEqual([
      { path: 'ratings.0.comment', message: '本次测评不收集意见建议，请删去对 张三 的意见' },
    ]);
    expect(validateBallot(closed, { ratings: [rating('t1', [0, 0], 0, '  '), rating('t2', [0, 0], 0)] })).toMatchObject({ ok: true, comments: [] });
  });

  it('refuses a comment over the limit', () => {
    expect(errorsOf(def, { ratings: [rating('t1', [0, 0], 0, '好'.repeat(501)), rating('t2', [0, 0], 0, '好'.repeat(500))] })).toEqual([
      { path: 'ratings.0.comment', message: '对 张三 的意见建议不能超过 500 个字' },
    ]);
  });

  it('names a target without a name by its place', () => {
    const anonymous = { ...def, targets: [{ key: 't1' }, { key: 't2' }] };
    expect(errorsOf(anonymous, { ratings: [rating('t1', [0, 0], 0)] })).toEqual([{ path: 'ratings', message: '请完成对 第 2 名测评对象 的评价' }]);
  });

  it('takes an overall grade alone when there is no dimension', () => {
    const overallOnly = { ...def, dimensions: [] };
    expect(validateBallot(overallOnly, { ratings: [rating('t1', [], 2), rating('t2', [], 0)] })).toEqual({ ok: true, ratings: [[2], [0]], comments: [] });
    expect(errorsOf(overallOnly, { ratings: [rating('t1', [0], 2), rating('t2', [], 0)] })).toEqual([{ path: 'ratings.0.grades', message: '张三 的测评项目有 0 项，提交了 1 项' }]);
  });

  it('reports every error at once', () => {
    expect(errorsOf(def, { ratings: [rating('t1', [9], 9), rating('t1', [0, 0], 0)] }).map((e) => e.path)).toEqual([
      'ratings.0.grades.0',
      'ratings.0.grades.1',
      'ratings.0.overall',
      'ratings.1.targetKey',
      'ratings',
    ]);
  });
});
