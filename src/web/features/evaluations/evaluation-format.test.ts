import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATION_DIMENSIONS, type EvaluationDetail } from '../../../contracts/evaluations';
import { asSentence, ballotBody, completedCount, emptyBallot, isRatingComplete, participationPercent, permilleLabel, sortedEvaluations } from './evaluation-format';
import { evaluationBodyOf, evaluationFormValuesOf } from './evaluation-form-values';

const def = {
  targets: [
    { key: 't1', name: '张三', post: '校长' },
    { key: 't2', name: '李四', post: '副校长' },
  ],
  dimensions: ['政治思想', '民主作风'],
  allowComments: true,
};

describe('permilleLabel', () => {
  it('shows one decimal of a percentage, exactly', () => {
    expect(permilleLabel(896)).toBe('89.6%');
    expect(permilleLabel(0)).toBe('0.0%');
    expect(permilleLabel(5)).toBe('0.5%');
    expect(permilleLabel(10)).toBe('1.0%');
    expect(permilleLabel(1000)).toBe('100.0%');
    expect(permilleLabel(333)).toBe('33.3%');
  });
});

describe('asSentence', () => {
  it('adds a full stop only where none ends the text', () => {
    expect(asSentence('您已参加过本次测评，每人只能提交一次')).toBe('您已参加过本次测评，每人只能提交一次。');
    expect(asSentence('测评已结束。')).toBe('测评已结束。');
    expect(asSentence('您不在参评名单中！')).toBe('您不在参评名单中！');
    expect(asSentence('  ')).toBe('');
  });
});

describe('participationPercent', () => {
  it('rounds down so that the bar is full only when everyone has voted', () => {
    expect(participationPercent(60, 67)).toBe(89);
    expect(participationPercent(66, 67)).toBe(98);
    expect(participationPercent(67, 67)).toBe(100);
  });
  it('reads 0 with nobody on the roll', () => {
    expect(participationPercent(0, 0)).toBe(0);
  });
});

describe('sortedEvaluations', () => {
  it('puts open ones first, closed last, newest first within a phase', () => {
    const items = [
      { id: 'a', phase: 'closed' as const, opensAt: '2026-03-01T00:00:00Z' },
      { id: 'b', phase: 'draft' as const, opensAt: '2026-05-01T00:00:00Z' },
      { id: 'c', phase: 'open' as const, opensAt: '2026-04-01T00:00:00Z' },
      { id: 'd', phase: 'closed' as const, opensAt: '2026-04-01T00:00:00Z' },
      { id: 'e', phase: 'scheduled' as const, opensAt: '2026-06-01T00:00:00Z' },
    ];
    expect(sortedEvaluations(items).map((i) => i.id)).toEqual(['c', 'e', 'b', 'd', 'a']);
  });
});

describe('the ballot being filled in', () => {
  it('starts blank and counts a target done only with every grade and the overall grade', () => {
    const ballot = emptyBallot(def);
    expect(completedCount(def, ballot)).toBe(0);
    ballot.t1 = { grades: [0, 1], overall: null, comment: '' };
    expect(isRatingComplete(ballot.t1, 2)).toBe(false);
    ballot.t1.overall = 0;
    expect(isRatingComplete(ballot.t1, 2)).toBe(true);
    ballot.t2 = { grades: [3, null], overall: 2, comment: '' };
    expect(completedCount(def, ballot)).toBe(1);
    ballot.t2.grades[1] = 0;
    expect(completedCount(def, ballot)).toBe(2);
  });

  it('treats a missing target or a changed number of dimensions as not done', () => {
    expect(isRatingComplete(undefined, 2)).toBe(false);
    expect(isRatingComplete({ grades: [0], overall: 0, comment: '' }, 2)).toBe(false);
  });

  it('is sent in the targets order with trimmed comments, none when comments are off', () => {
    const ballot = { t2: { grades: [1, 2], overall: 1, comment: '  多沟通  ' }, t1: { grades: [0, 0], overall: 0, comment: '' } };
    expect(ballotBody(def, ballot)).toEqual({
      ratings: [
        { targetKey: 't1', grades: [0, 0], overall: 0, comment: '' },
        { targetKey: 't2', grades: [1, 2], overall: 1, comment: '多沟通' },
      ],
    });
    expect(ballotBody({ ...def, allowComments: false }, ballot).ratings[1].comment).toBe('');
  });
});

describe('the set-up form', () => {
  const now = dayjs('2026-11-20 10:25');

  it('starts a new evaluation with the defaults and a window from the next hour to 17:00 three days on', () => {
    const v = evaluationFormValuesOf(null, now);
    expect(v.dimensions).toEqual([...DEFAULT_EVALUATION_DIMENSIONS]);
    expect(v.grades).toEqual(['好', '较好', '一般', '差']);
    expect(v.overallGrades).toEqual(['优秀', '称职', '基本称职', '不称职']);
    expect(v.minGroupSize).toBe(5);
    expect(v.opensAt?.format('YYYY-MM-DD HH:mm')).toBe('2026-11-20 11:00');
    expect(v.closesAt?.format('YYYY-MM-DD HH:mm')).toBe('2026-11-23 17:00');
  });

  it('sends Shanghai instants, trimmed texts and only the chosen kind of voters', () => {
    const v = evaluationFormValuesOf(null, now);
    v.title = ' 2026年度领导班子民主测评 ';
    v.targets = [{ name: ' 张三 ', post: '校长' }];
    v.voters = { kind: 'members', termId: 'stale', memberIds: ['x'] };
    const body = evaluationBodyOf(v);
    expect(body.title).toBe('2026年度领导班子民主测评');
    expect(body.targets).toEqual([{ name: '张三', post: '校长' }]);
    expect(body.voters).toEqual({ kind: 'members' });
    expect(body.opensAt).toBe('2026-11-20T11:00:00+08:00');
    expect(body.closesAt).toBe('2026-11-23T17:00:00+08:00');
    expect(evaluationBodyOf({ ...v, voters: { kind: 'list', memberIds: ['m1'] } }).voters).toEqual({ kind: 'list', memberIds: ['m1'] });
    expect(evaluationBodyOf({ ...v, voters: { kind: 'term', termId: 't' } }).voters).toEqual({ kind: 'term', termId: 't' });
  });

  it('reads a draft back in Shanghai time', () => {
    const draft = {
      title: '测评',
      description: '',
      targets: [{ key: 'k1', name: '张三', post: '校长' }],
      dimensions: ['政治思想'],
      grades: ['好', '差'],
      overallGrades: ['优秀', '不称职'],
      allowComments: false,
      voters: { kind: 'term', termId: 't1' },
      opensAt: '2026-11-20T03:00:00.000Z',
      closesAt: '2026-11-23T09:00:00.000Z',
      minGroupSize: 8,
    } as unknown as EvaluationDetail;
    const v = evaluationFormValuesOf(draft, now);
    expect(v.opensAt?.format('YYYY-MM-DD HH:mm')).toBe('2026-11-20 11:00');
    expect(v.closesAt?.format('YYYY-MM-DD HH:mm')).toBe('2026-11-23 17:00');
    expect(v.targets).toEqual([{ name: '张三', post: '校长' }]);
    expect(evaluationBodyOf(v).minGroupSize).toBe(8);
  });
});
