import { describe, expect, it } from 'vitest';
import { ballotProblem, normaliseName, readBallot, type ElectionBallot } from './ballot.js';

const candidates = [
  { id: 'a', name: '张三' },
  { id: 'b', name: '李四' },
  { id: 'c', name: '王五' },
  { id: 'd', name: '赵六' },
];

const ballot = (marks: ElectionBallot['marks'], writeIns: string[] = [], spoilt = false): ElectionBallot => ({ marks, writeIns, spoilt });

describe('normaliseName', () => {
  it('removes spaces, inner and full-width ones, and makes full-width letters half-width', () => {
    expect(normaliseName(' 张 三 ')).toBe('张三');
    expect(normaliseName('张\u3000三')).toBe('张三');
    expect(normaliseName('ＡＢｃ１')).toBe('ABc1');
    expect(normaliseName('阿依古丽·买买提')).toBe('阿依古丽·买买提');
    expect(normaliseName('   ')).toBe('');
  });
});

describe('readBallot', () => {
  it('reads unmarked candidates as 弃权 and ignores marks for ids outside the round', () => {
    const r = readBallot(ballot({ a: 'yes', b: 'no', x: 'yes' }), candidates);
    expect([...r.marks]).toEqual([
      ['a', 'yes'],
      ['b', 'no'],
      ['c', 'abstain'],
      ['d', 'abstain'],
    ]);
    expect(r.writeIns).toEqual([]);
  });

  it('counts a write-in naming a listed candidate as 赞成 for them, over any mark', () => {
    const r = readBallot(ballot({ a: 'yes', b: 'no' }, ['张三', ' 李 四', '赵六']), candidates);
    expect(r.marks.get('a')).toBe('yes');
    expect(r.marks.get('b')).toBe('yes');
    expect(r.marks.get('d')).toBe('yes');
    expect(r.writeIns).toEqual([]);
  });

  it('keeps other write-ins once each after normalising', () => {
    const r = readBallot(ballot({}, ['孙七', '孙 七', '', '周八']), candidates);
    expect(r.writeIns).toEqual(['孙七', '周八']);
  });

  it('leaves a name shared by two listed candidates as a write-in', () => {
    const twins = [...candidates, { id: 'e', name: '张三' }];
    const r = readBallot(ballot({}, ['张三']), twins);
    expect(r.marks.get('a')).toBe('abstain');
    expect(r.marks.get('e')).toBe('abstain');
    expect(r.writeIns).toEqual(['张三']);
  });
});

describe('ballotProblem', () => {
  it('accepts exactly as many 赞成 as seats and refuses one more', () => {
    expect(ballotProblem(ballot({ a: 'yes', b: 'yes', c: 'no', d: 'abstain' }), 2, candidates)).toBeNull();
    expect(ballotProblem(ballot({ a: 'yes', b: 'yes', c: 'yes' }), 2, candidates)).toBe('赞成 3 人，多于应选 2 名，为无效票');
  });

  it('counts write-ins in the 赞成', () => {
    expect(ballotProblem(ballot({ a: 'yes' }, ['孙七']), 2, candidates)).toBeNull();
    expect(ballotProblem(ballot({ a: 'yes', b: 'yes', c: 'yes', d: 'yes' }, ['孙七']), 4, candidates)).toBe('赞成 5 人（含另选 1 人），多于应选 4 名，为无效票');
    expect(ballotProblem(ballot({}, ['孙七', '周八', '吴九']), 2, candidates)).toBe('赞成 3 人（含另选 3 人），多于应选 2 名，为无效票');
  });

  it('counts a write-in of a listed candidate once, marked 赞成 or not', () => {
    expect(ballotProblem(ballot({ a: 'yes', b: 'yes' }, ['张三']), 2, candidates)).toBeNull();
    expect(ballotProblem(ballot({ a: 'yes' }, ['李四']), 2, candidates)).toBeNull();
    expect(ballotProblem(ballot({ a: 'yes', b: 'yes' }, ['王五']), 2, candidates)).toBe('赞成 3 人，多于应选 2 名，为无效票');
  });

  it('does not count 不赞成, 弃权 or marks for other ids', () => {
    expect(ballotProblem(ballot({ a: 'no', b: 'no', c: 'no', d: 'abstain', x: 'yes', y: 'yes' }), 1, candidates)).toBeNull();
    expect(ballotProblem(ballot({}), 1, candidates)).toBeNull();
  });

  it('refuses a spoilt paper ballot whatever it holds', () => {
    expect(ballotProblem(ballot({ a: 'yes' }, [], true), 2, candidates)).toBe('选票无法辨认（废票），为无效票');
  });
});
