import { describe, expect, it } from 'vitest';
import { ballotMarks, cleanWriteIns, countYes, normaliseName, tooManyYesWarning } from './ballot-rules';

const cands = [
  { id: 'a', name: '王 芳' },
  { id: 'b', name: '李强' },
  { id: 'c', name: '张伟' },
];

describe('normaliseName', () => {
  it('removes spaces (also full-width ones) and makes full-width letters half-width', () => {
    expect(normaliseName(' 王\u3000芳 ')).toBe('王芳');
    expect(normaliseName('ＡＢｃ１')).toBe('ABc1');
  });
});

describe('countYes', () => {
  it('counts marked 赞成 only; 不赞成 and 弃权 count nothing', () => {
    expect(countYes({ marks: { a: 'yes', b: 'no', c: 'abstain' }, writeIns: [] }, cands)).toEqual({ yes: 1, writeIns: 0 });
  });
  it('counts a write-in naming a listed candidate once, even when that candidate is also marked 赞成', () => {
    expect(countYes({ marks: { a: 'yes' }, writeIns: ['王芳'] }, cands)).toEqual({ yes: 1, writeIns: 0 });
    expect(countYes({ marks: { b: 'no' }, writeIns: ['李 强'] }, cands)).toEqual({ yes: 1, writeIns: 1 });
  });
  it('counts other people written in once per name; blank boxes count nothing', () => {
    expect(countYes({ marks: { a: 'yes' }, writeIns: ['赵敏', ' 赵 敏', '', '  '] }, cands)).toEqual({ yes: 2, writeIns: 1 });
  });
});

describe('tooManyYesWarning', () => {
  it('is silent at exactly the seats', () => {
    expect(tooManyYesWarning({ marks: { a: 'yes', b: 'yes' }, writeIns: [] }, 2, cands)).toBeNull();
    expect(tooManyYesWarning({ marks: { a: 'yes' }, writeIns: ['赵敏'] }, 2, cands)).toBeNull();
  });
  it('warns one over the seats, naming the write-ins when there are any', () => {
    expect(tooManyYesWarning({ marks: { a: 'yes', b: 'yes', c: 'yes' }, writeIns: [] }, 2, cands)).toBe('赞成 3 人，多于应选 2 名');
    expect(tooManyYesWarning({ marks: { a: 'yes', b: 'yes' }, writeIns: ['赵敏'] }, 2, cands)).toBe('赞成 3 人（含另选 1 人），多于应选 2 名');
  });
  it('a write-in repeating a candidate already marked 赞成 does not tip the ballot over', () => {
    expect(tooManyYesWarning({ marks: { a: 'yes', b: 'yes' }, writeIns: ['王芳'] }, 2, cands)).toBeNull();
  });
});

describe('ballotMarks and cleanWriteIns', () => {
  it('sends only the marks made, for the candidates of the round', () => {
    expect(ballotMarks({ a: 'yes', b: undefined, x: 'no' }, ['a', 'b'])).toEqual({ a: 'yes' });
  });
  it('drops blank and repeated write-ins, keeping the first spelling', () => {
    expect(cleanWriteIns([' 赵敏 ', '', '赵 敏', '钱六'])).toEqual(['赵敏', '钱六']);
  });
});
