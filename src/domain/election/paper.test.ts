import { describe, expect, it } from 'vitest';
import type { ElectionBallot } from './ballot.js';
import { paperDifferences } from './paper.js';

const candidates = [
  { id: 'a', name: '张三' },
  { id: 'b', name: '李四' },
];
const entry = (marks: ElectionBallot['marks'], writeIns: string[] = [], spoilt = false): ElectionBallot => ({ marks, writeIns, spoilt });

describe('paperDifferences', () => {
  it('finds nothing when both entries read the same', () => {
    expect(paperDifferences(entry({ a: 'yes', b: 'no' }, ['王五']), entry({ b: 'no', a: 'yes' }, ['王五']), candidates)).toEqual([]);
  });

  it('names each candidate read differently', () => {
    expect(paperDifferences(entry({ a: 'yes', b: 'no' }), entry({ a: 'abstain', b: 'yes' }), candidates)).toEqual([
      '张三：第一次录入 赞成，第二次录入 弃权',
      '李四：第一次录入 不赞成，第二次录入 赞成',
    ]);
  });

  it('reads an unmarked candidate as 弃权, as the count does', () => {
    expect(paperDifferences(entry({ a: 'abstain' }), entry({}), candidates)).toEqual([]);
    expect(paperDifferences(entry({}), entry({ b: 'no' }), candidates)).toEqual(['李四：第一次录入 弃权，第二次录入 不赞成']);
  });

  it('compares write-ins as sets of normalised names', () => {
    expect(paperDifferences(entry({}, ['王五', '赵六']), entry({}, ['赵 六', '王五', '王五']), candidates)).toEqual([]);
    expect(paperDifferences(entry({}, ['王五', '赵六']), entry({}, ['王五']), candidates)).toEqual(['另选他人：第一次录入 王五、赵六，第二次录入 王五']);
    expect(paperDifferences(entry({}), entry({}, ['王五']), candidates)).toEqual(['另选他人：第一次录入 无，第二次录入 王五']);
  });

  it('says when only one entry calls the ballot spoilt, and ignores the rest of two spoilt entries', () => {
    expect(paperDifferences(entry({ a: 'yes' }, [], true), entry({ a: 'yes' }), candidates)).toEqual(['废票：第一次录入 是废票，第二次录入 不是废票']);
    expect(paperDifferences(entry({ a: 'yes' }, [], true), entry({ b: 'no' }, ['王五'], true), candidates)).toEqual([]);
  });
});
